// A module that exists only inside the compiled sandbox (lib/sandbox-core.cjs):
// scripts/compile.mjs generates it from templates/ with Handlebars.precompile.
declare module 'briefdeck:built-in-template-specs' {
  const specs: [string, TemplateSpecification][];
  export default specs;
}
