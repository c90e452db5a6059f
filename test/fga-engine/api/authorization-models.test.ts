import { expect } from 'chai';
import { DOCS_MODEL, expectApiError, startTestServer, type FgaTestServer } from './support/fga-test-server.js';

describe('fga-engine API: authorization models', () => {
  let t: FgaTestServer;
  let storeId: string;
  before(async () => {
    t = await startTestServer();
    storeId = (await t.client().createStore({ name: 'models' })).id;
  });
  after(() => t.close());

  it('writes (201), reads one, lists newest first with pagination and reads the latest', async () => {
    const fga = t.client({ storeId });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const written = await fga.writeAuthorizationModel(DOCS_MODEL as never);
      expect(written.$response.status).to.equal(201);
      ids.push(written.authorization_model_id);
    }
    const one = await fga.readAuthorizationModel({ authorizationModelId: ids[1] });
    expect(one.authorization_model?.id).to.equal(ids[1]);
    expect(one.authorization_model?.type_definitions.map((td) => td.type)).to.deep.equal(['user', 'group', 'folder', 'document']);

    const first = await fga.readAuthorizationModels({ pageSize: 2 });
    expect(first.authorization_models.map((m) => m.id)).to.deep.equal([ids[2], ids[1]]);
    const rest = await fga.readAuthorizationModels({ pageSize: 2, continuationToken: first.continuation_token });
    expect(rest.authorization_models.map((m) => m.id)).to.deep.equal([ids[0]]);
    expect(rest.continuation_token).to.equal('');

    const latest = await fga.readLatestAuthorizationModel();
    expect(latest.authorization_model?.id).to.equal(ids[2]);
  });

  it('answers authorization_model_not_found for an unknown model id', async () => {
    const err = await expectApiError(
      t.client({ storeId }).readAuthorizationModel({ authorizationModelId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }),
      400,
      'authorization_model_not_found',
    );
    expect(err.apiErrorMessage).to.equal("Authorization Model '01ARZ3NDEKTSV4RRFFQ69G5FAV' not found");
  });

  it('rejects a model with an undefined relation as invalid_authorization_model and stores nothing', async () => {
    const { id } = await t.client().createStore({ name: 'bad-model' });
    await expectApiError(
      t.client({ storeId: id }).writeAuthorizationModel({
        schema_version: '1.1',
        type_definitions: [{ type: 'user' }, { type: 'doc', relations: { viewer: { computedUserset: { relation: 'nope' } } } }],
      } as never),
      400,
      'invalid_authorization_model',
    );
    const models = await t.client({ storeId: id }).readAuthorizationModels();
    expect(models.authorization_models).to.deep.equal([]);
  });

  it('rejects models over the type limit with exceeded_entity_limit', async () => {
    const limited = await startTestServer({ limits: { maxTypesPerAuthorizationModel: 2 } });
    try {
      const { id } = await limited.client().createStore({ name: 'limited' });
      await expectApiError(limited.client({ storeId: id }).writeAuthorizationModel(DOCS_MODEL as never), 400, 'exceeded_entity_limit');
    } finally {
      await limited.close();
    }
  });

  it('answers latest_authorization_model_not_found for queries on a store without models', async () => {
    const { id } = await t.client().createStore({ name: 'empty' });
    const err = await expectApiError(
      t.client({ storeId: id }).check({ user: 'user:anne', relation: 'viewer', object: 'document:1' }),
      400,
      'latest_authorization_model_not_found',
    );
    expect(err.apiErrorMessage).to.equal(`No authorization models found for store '${id}'`);
  });
});
