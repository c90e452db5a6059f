import { expect } from 'chai';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFgaCli } from '../../src/tools/fga-cli/run-fga-cli.js';
import { collectOutput } from './output-collector.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const shown = (name: string) => relative(process.cwd(), join(fixtures, name));

describe('npm run fga -- validate', () => {
  it('reports syntax errors at their 1-based line and column and exits 1', async () => {
    const output = collectOutput();
    const code = await runFgaCli(['validate', join(fixtures, 'syntax-error.fga')], output);
    expect(output.lines[0]).to.match(new RegExp(`^${shown('syntax-error.fga')}:9:5: error: `));
    expect(output.lines.at(-1)).to.match(/: \d+ error\(s\)$/);
    expect(code).to.equal(1);
  });

  it('reports the engine\'s semantic error at the line that uses the undefined relation', async () => {
    const output = collectOutput();
    const code = await runFgaCli(['validate', join(fixtures, 'semantic-error.fga')], output);
    expect(output.lines[0]).to.match(new RegExp(`^${shown('semantic-error.fga')}:9: error: .*owner.*\\(invalid_authorization_model\\)$`));
    expect(code).to.equal(1);
  });

  it('accepts a valid model, conditions included, and a modular one', async () => {
    for (const [file, summary] of [['documents.fga', '4 types, 9 relations, 1 conditions'], ['modular/fga.mod', '3 types, 3 relations, 0 conditions']]) {
      const output = collectOutput();
      const code = await runFgaCli(['validate', join(fixtures, file)], output);
      expect(output.lines.at(-1)).to.equal(`${shown(file)}: valid (${summary})`);
      expect(code).to.equal(0);
    }
  });

  it('answers an unknown command with the usage and exit code 2', async () => {
    const output = collectOutput();
    expect(await runFgaCli(['deploy-everything'], output)).to.equal(2);
    expect(output.errors.join('\n')).to.contain('validate [FILE]');
  });
});
