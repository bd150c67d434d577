// The built-in templates are compiled once, when the CLI itself is compiled
// (scripts/compile.mjs), and shipped inside the sandbox's code. Compiling them
// at every build cost more than rendering them. (TemplateSpecification is a global type of handlebars.)

const specs = new Map<string, TemplateSpecification>();

/** Records templates compiled ahead of time, each under its exact source text. */
export function registerPrecompiledTemplates(list: readonly (readonly [string, TemplateSpecification])[]): void {
  for (const [text, spec] of list) specs.set(text, spec);
}

/** The ahead-of-time compilation of a template with exactly this text, if there is one; an edited or overriding template has none. */
export function findPrecompiledTemplate(text: string): TemplateSpecification | undefined {
  return specs.get(text);
}
