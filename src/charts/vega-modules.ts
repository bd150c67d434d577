// Vega, Vega-Lite and the expression interpreter as one module. The compiled
// CLI ships this file pre-bundled (scripts/compile.mjs): resolving Vega's
// fifty-odd packages one by one costs several times what loading one file does.
export * as vega from 'vega';
export * as vegaLite from 'vega-lite';
export { expressionInterpreter } from 'vega-interpreter';
