// Public surface of the conditions layer: CEL conditions compiled once per model, evaluated per tuple.
export { compileCondition } from './compile.js';
export type { CompiledCondition } from './compile.js';
export { validateConditionContext } from './context.js';
