// `npm run fga -- test` end to end: store files → in-memory engine server → @openfga/sdk.
import { expect } from 'chai';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFgaCli } from '../../src/tools/fga-cli/run-fga-cli.js';
import { collectOutput } from './output-collector.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => join(fixtures, name);

describe('npm run fga -- test', function () {
  this.timeout(60_000);

  it('passes every assertion of a store file written for OpenFGA\'s CLI (CSV/YAML/JSON tuples, conditions, users/objects)', async () => {
    const output = collectOutput();
    const code = await runFgaCli(['test', fixture('passing.fga.yaml')], output);
    expect(output.lines).to.deep.equal(['20 passed, 0 failed']);
    expect(code).to.equal(0);
  });

  it('runs a modular model (fga.mod and its module files)', async () => {
    const output = collectOutput();
    const code = await runFgaCli(['test', fixture('modular.fga.yaml')], output);
    expect(output.lines).to.deep.equal(['3 passed, 0 failed']);
    expect(code).to.equal(0);
  });

  it('prints one line per failing assertion with file, test, kind, request, expected and got, and exits 1', async () => {
    const output = collectOutput();
    const code = await runFgaCli(['test', fixture('failing.fga.yaml')], output);
    const file = relative(process.cwd(), fixture('failing.fga.yaml'));
    expect(output.lines).to.deep.equal([
      `FAIL ${file} › wrong expectations › check user=user:bob relation=viewer object=document:1 › expected true, got false`,
      `FAIL ${file} › wrong expectations › list_objects user=user:anne relation=viewer type=document › expected [document:1, document:2], got [document:1]`,
      `FAIL ${file} › wrong expectations › list_users object=document:1 relation=viewer user_filter=user › expected [user:bob], got [user:anne]`,
      '1 passed, 3 failed',
    ]);
    expect(code).to.equal(1);
  });

  it('runs every *.fga.yaml of a folder and adds up the counts', async () => {
    const output = collectOutput();
    const code = await runFgaCli(['test', fixtures], output);
    expect(output.lines.at(-1)).to.equal('24 passed, 3 failed');
    expect(code).to.equal(1);
  });

  it('counts a file that cannot be read as failed', async () => {
    const output = collectOutput();
    const code = await runFgaCli(['test', fixture('no-such-file.fga.yaml')], output);
    expect(output.lines[0]).to.match(/^FAIL .*no-such-file\.fga\.yaml › cannot run: cannot read store file/);
    expect(output.lines.at(-1)).to.equal('0 passed, 1 failed');
    expect(code).to.equal(1);
  });
});
