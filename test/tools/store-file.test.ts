import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStoreFile, StoreFileError } from '../../src/tools/fga-cli/store-file/read-store-file.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('fga CLI store files', () => {
  it('loads a DSL model file and every tuple source, relative to the store file', async () => {
    const file = await readStoreFile(join(fixtures, 'passing.fga.yaml'));
    expect(file.name).to.equal('Documents');
    expect(file.model.type_definitions.map((t) => t.type)).to.deep.equal(['user', 'team', 'folder', 'document']);
    expect(file.model.conditions).to.have.property('before_deadline');
    // 4 CSV rows then 3 YAML tuples, in file order.
    expect(file.tuples).to.have.length(7);
    expect(file.tuples[3].condition).to.deep.equal({ name: 'before_deadline', context: { deadline: '2030-01-01T00:00:00Z' } });
    expect(file.tests[2].tuples).to.deep.equal([{ user: 'user:gina', relation: 'owner', object: 'document:budget' }]);
  });

  it('combines a modular model (fga.mod) including extended types', async () => {
    const file = await readStoreFile(join(fixtures, 'modular.fga.yaml'));
    const team = file.model.type_definitions.find((t) => t.type === 'team');
    expect(Object.keys(team?.relations ?? {})).to.deep.equal(['member', 'can_read_documents']);
  });

  describe('broken files', () => {
    let dir: string;
    before(async () => { dir = await mkdtemp(join(tmpdir(), 'fga-store-file-')); });
    after(async () => { await rm(dir, { recursive: true, force: true }); });

    it('reports every problem, with syntax errors at their line, and counts the assertions it cannot run', async () => {
      const path = join(dir, 'broken.fga.yaml');
      await writeFile(path, [
        'model: |',
        '  model',
        '    schema 1.1',
        '  type user',
        '  type doc',
        '    relations',
        '      define viewer: [user',
        'tuple_file: missing.csv',
        'tests:',
        '  - name: t',
        '    check:',
        '      - user: user:a',
        '        users: [user:b]',
        '        object: doc:1',
        '        assertions: { viewer: true, owner: false }',
      ].join('\n'));
      const error = await readStoreFile(path).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(StoreFileError);
      const { problems, assertionCount } = error as StoreFileError;
      expect(problems.join('\n')).to.match(/model \(inline\):\d+:\d+: extraneous input|mismatched input/);
      expect(problems.join('\n')).to.contain('missing.csv');
      expect(problems.join('\n')).to.contain("cannot contain both 'user' and 'users'");
      expect(assertionCount).to.equal(2);
    });
  });
});

describe('fga CLI store names', () => {
  it('turns any file and test name into a store name OpenFGA accepts', async () => {
    const { storeNameFor } = await import('../../src/tools/fga-cli/store-test/run-store-test.js');
    const name = storeNameFor('Club, group & youth-member access', "a coach's view: (U10) ".repeat(5));
    expect(name).to.match(/^[a-zA-Z0-9\s.\-/^_&@]{3,64}$/);
    expect(storeNameFor('', 'x')).to.have.length.of.at.least(3);
  });
});
