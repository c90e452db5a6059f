import { expect } from 'chai';
import fc from 'fast-check';
import { fromBullJobId, toBullJobId } from '../../src/jobs/bull-job-id.js';

// BullMQ's own rule for custom ids (Job.validateOptions): no integers, no ':' unless in exactly three parts.
const bullAccepts = (id: string) => `${parseInt(id, 10)}` !== id && (!id.includes(':') || id.split(':').length === 3);

describe('BullMQ job ids from our job ids', () => {
  it('round-trips any id, and every result is an id BullMQ accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '1', ':', '%', 'N', '3', 'A', '2', '5', '-', 'é') }), (id) => {
        fc.pre(id.length > 0);
        const bull = toBullJobId(id);
        expect(fromBullJobId(bull)).to.equal(id);
        expect(bullAccepts(bull), bull).to.equal(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never maps two ids to one BullMQ id', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', ':', '%', 'N', '3', 'A', '2', '5') }), fc.string({ unit: fc.constantFrom('1', ':', '%', 'N', '3', 'A', '2', '5') }), (a, b) => {
        fc.pre(a !== b && a.length > 0 && b.length > 0);
        expect(toBullJobId(a)).not.to.equal(toBullJobId(b));
      }),
      { numRuns: 3000 },
    );
  });

  it("marks ids BullMQ would read as integers, 'NaN' included", () => {
    for (const id of ['12', '-3', 'NaN']) expect(bullAccepts(toBullJobId(id)), id).to.equal(true);
  });

  it('keeps readable ids readable', () => {
    expect(toBullJobId('01JEVENT:reminder:01JUSER')).to.equal('01JEVENT%3Areminder%3A01JUSER');
    expect(toBullJobId('invitation-42')).to.equal('invitation-42');
    expect(toBullJobId('42')).to.equal('%N42');
  });
});
