import { expect } from 'chai';
import { FgaError, httpStatusForCode } from '../../src/fga-engine/errors.js';

describe('fga-engine errors', () => {
  it('maps OpenFGA code ranges to HTTP statuses', () => {
    expect(httpStatusForCode('validation_error')).to.equal(400);
    expect(httpStatusForCode('store_id_not_found')).to.equal(404);
    expect(httpStatusForCode('internal_error')).to.equal(500);
    expect(new FgaError('invalid_tuple', 'x').toJSON()).to.deep.equal({ code: 'invalid_tuple', message: 'x' });
  });
});
