// Model validation on write (semantics §4): every rule has a passing and a failing model.
import { expect } from 'chai';
import { validateAuthorizationModel } from '../../../src/fga-engine/model/index.js';
import type { AuthorizationModel } from '../../../src/fga-engine/types.js';
import { errorOf, modelFromDsl } from '../resolve/support/engine-fixture.js';

const header = 'model\n  schema 1.1\ntype user\n';

async function rejection(dsl: string): Promise<string> {
  const error = await errorOf(() => validateAuthorizationModel(modelFromDsl(header + dsl)));
  expect(error.code).to.equal('invalid_authorization_model');
  return error.message;
}

function accepts(dsl: string): void {
  expect(() => validateAuthorizationModel(modelFromDsl(header + dsl))).not.to.throw();
}

describe('validateAuthorizationModel', () => {
  it('accepts direct, computed, userset, wildcard, TTU and set operations', () => {
    accepts(`type group
  relations
    define member: [user, user:*, group#member]
type folder
  relations
    define viewer: [user]
type document
  relations
    define parent: [folder]
    define owner: [user]
    define blocked: [user]
    define editor: [group#member] or owner
    define viewer: (editor or viewer from parent) but not blocked
    define auditor: owner and editor`);
  });

  it('rejects a computed relation that is undefined on the type', async () => {
    expect(await rejection(`type document
  relations
    define viewer: editor`)).to.equal("'document#editor' relation is undefined");
  });

  it('rejects a relation computed from itself and a computed cycle', async () => {
    const model: AuthorizationModel = {
      id: '01H00000000000000000000000', schema_version: '1.1',
      type_definitions: [{ type: 'user' }, { type: 'doc', relations: { a: { computedUserset: { relation: 'a' } } } }],
    };
    expect((await errorOf(() => validateAuthorizationModel(model))).message).to.contain("relation 'a' in object type 'doc' is invalid");
    const cycle: AuthorizationModel = {
      id: '01H00000000000000000000000', schema_version: '1.1',
      type_definitions: [{ type: 'user' }, {
        type: 'doc',
        relations: {
          a: { computedUserset: { relation: 'b' } },
          b: { union: { child: [{ computedUserset: { relation: 'a' } }, { this: {} }] } },
        },
        metadata: { relations: { b: { directly_related_user_types: [{ type: 'user' }] } } },
      }],
    };
    expect((await errorOf(() => validateAuthorizationModel(cycle))).message).to.contain('cycle');
  });

  it('rejects a tupleset that is not a purely direct relation', async () => {
    expect(await rejection(`type folder
  relations
    define viewer: [user]
type document
  relations
    define owner: [folder]
    define parent: [folder] or owner
    define viewer: viewer from parent`)).to.contain('must be a direct relation');
  });

  it('rejects a tuple-to-userset whose relation exists on no tupleset type', async () => {
    expect(await rejection(`type folder
  relations
    define owner: [user]
type document
  relations
    define parent: [folder]
    define viewer: viewer from parent`)).to.contain('viewer does not appear as a relation');
  });

  it('rejects userset and wildcard restrictions on a tupleset relation', async () => {
    expect(await rejection(`type folder
  relations
    define viewer: [user]
type document
  relations
    define parent: [folder#viewer]
    define viewer: viewer from parent`)).to.contain("relation type 'folder#viewer' on 'parent'");
  });

  it('rejects restrictions on a non-assignable relation and an assignable one without any', async () => {
    const nonAssignable: AuthorizationModel = {
      id: '01H00000000000000000000000', schema_version: '1.1',
      type_definitions: [{ type: 'user' }, {
        type: 'doc',
        relations: { owner: { this: {} }, viewer: { computedUserset: { relation: 'owner' } } },
        metadata: { relations: { owner: { directly_related_user_types: [{ type: 'user' }] }, viewer: { directly_related_user_types: [{ type: 'user' }] } } },
      }],
    };
    expect((await errorOf(() => validateAuthorizationModel(nonAssignable))).message).to.contain('non-assignable');
    const noTypes: AuthorizationModel = {
      id: '01H00000000000000000000000', schema_version: '1.1',
      type_definitions: [{ type: 'user' }, { type: 'doc', relations: { owner: { this: {} } } }],
    };
    expect((await errorOf(() => validateAuthorizationModel(noTypes))).message).to.contain('must contain at least one relation type');
  });

  it('rejects restrictions naming an unknown type or relation', async () => {
    expect(await rejection(`type document
  relations
    define viewer: [employee]`)).to.contain("relation type 'employee'");
    expect(await rejection(`type group
  relations
    define member: [user]
type document
  relations
    define viewer: [group#owner]`)).to.contain("relation type 'group#owner'");
  });

  it('rejects relations with no entrypoint', async () => {
    expect(await rejection(`type group
  relations
    define member: [group#member]`)).to.contain('no entrypoints');
    expect(await rejection(`type document
  relations
    define owner: [user]
    define viewer: owner and blocked
    define blocked: [document#blocked]`)).to.contain('no entrypoints');
  });

  it('allows cycles through usersets and tuple-to-usersets', () => {
    accepts(`type group
  relations
    define member: [user, group#member]
type folder
  relations
    define parent: [folder]
    define viewer: [user] or viewer from parent`);
  });

  it('rejects duplicate types, unsupported schemas and reserved names', async () => {
    const base = modelFromDsl(header);
    const duplicate = { ...base, type_definitions: [{ type: 'user' }, { type: 'user' }] };
    expect((await errorOf(() => validateAuthorizationModel(duplicate))).message).to.contain('duplicate types');
    const oldSchema = { ...base, schema_version: '1.0' };
    expect((await errorOf(() => validateAuthorizationModel(oldSchema))).message).to.equal('invalid schema version');
    const reserved = { ...base, type_definitions: [{ type: 'self' }] };
    expect((await errorOf(() => validateAuthorizationModel(reserved))).code).to.equal('invalid_authorization_model');
  });

  it('rejects an undefined condition on a restriction', async () => {
    const model = modelFromDsl(`${header}type document
  relations
    define viewer: [user with cond]
condition cond(x: int) {
  x < 1
}`);
    delete model.conditions;
    expect((await errorOf(() => validateAuthorizationModel(model))).message).to.contain('condition cond is undefined');
  });

  it('rejects conditions that do not compile to bool or whose key differs from the name', async () => {
    expect(await rejection(`type document
  relations
    define viewer: [user with cond]
condition cond(x: int) {
  x + 1
}`)).to.contain("expected a bool condition expression output, but got 'int'");
    expect(await rejection(`type document
  relations
    define viewer: [user with cond]
condition cond(x: int) {
  y < 1
}`)).to.contain("failed to compile expression on condition 'cond'");
    const model = modelFromDsl(`${header}type document
  relations
    define viewer: [user with cond]
condition cond(x: int) {
  x < 1
}`);
    model.conditions = { cond: { ...model.conditions!.cond, name: 'other' } };
    expect((await errorOf(() => validateAuthorizationModel(model))).message).to.contain("does not match condition name 'other'");
  });

  it('enforces the type count limit with exceeded_entity_limit', async () => {
    const model = modelFromDsl(`${header}type a\ntype b`);
    const error = await errorOf(() => validateAuthorizationModel(model, { maxTypes: 2 }));
    expect(error.code).to.equal('exceeded_entity_limit');
  });
});
