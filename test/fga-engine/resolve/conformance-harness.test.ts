// Every OpenFGA conformance case (shared sample + full upstream files when present), run directly
// against check / listObjects / listUsers on the in-memory datastore.
import { expect } from 'chai';
import { basename } from 'node:path';
import { conformanceFiles, loadCases } from './conformance/cases.js';
import { runCase } from './conformance/run-case.js';

for (const file of conformanceFiles()) {
  describe(`conformance (direct): ${basename(file)}`, () => {
    // FGA_HARNESS_CASE=<name> runs a single case while debugging.
    for (const testCase of loadCases(file)) {
      const only = process.env.FGA_HARNESS_CASE;
      if (only && testCase.name !== only) continue;
      it(testCase.name, async () => {
        const written = await runCase(testCase, false);
        const failures = [...written.failures];
        const singleStage = testCase.stages.length === 1 && (testCase.stages[0].tuples ?? []).length <= 100;
        if (singleStage) failures.push(...(await runCase(testCase, true)).failures);
        expect(failures, JSON.stringify(failures, null, 1)).to.deep.equal([]);
      });
    }
  });
}
