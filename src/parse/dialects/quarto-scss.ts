// Quarto's theme files: `theme: [simple, custom.scss]` names Sass files of sections (`/*-- scss:defaults --*/` for
// variables, `/*-- scss:rules --*/` for rules, and functions, mixins and uses), which Quarto compiles with its
// reveal.js theme. Here each is compiled with Sass itself (loaded only for a deck that has one), its rules kept as
// the deck's own style, and the variables of Quarto's that the file sets (the background, the text's, the links' and
// the headings' colours and fonts, the code blocks' background) written as rules for what they colour, since a style
// never sets the deck's own variables. A file Sass cannot compile on its own (an import, a variable of Quarto's
// Bootstrap) is named and left out, as Quarto's own compile would stop there.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Quarto's section markers, and the order its compile puts the sections in. */
const SECTION = /^\/\*--\s*scss:(uses|functions|defaults|mixins|rules)\s*--\*\/[ \t]*$/gm;
const ORDER = ['uses', 'functions', 'defaults', 'mixins', 'rules'] as const;

/**
 * Quarto's reveal.js variables a file may set, with the default its own theme gives them (so a rule may use one the
 * file does not set), and what each colours on a slide once the file sets it: a selector of the deck and a property.
 */
const QUARTO_VARIABLES: readonly { name: string; fallback: string; selector?: string; property?: string }[] = [
  { name: 'body-bg', fallback: '#fff', selector: 'section', property: 'background-color' },
  { name: 'body-color', fallback: '#222', selector: 'section', property: 'color' },
  { name: 'link-color', fallback: '#2a76dd', selector: 'a', property: 'color' },
  { name: 'font-family-sans-serif', fallback: '"Source Sans Pro", Helvetica, sans-serif', selector: 'section', property: 'font-family' },
  { name: 'font-family-monospace', fallback: 'monospace', selector: 'code', property: 'font-family' },
  { name: 'presentation-heading-color', fallback: '$body-color', selector: 'h1, h2, h3, h4, h5, h6', property: 'color' },
  { name: 'presentation-heading-font', fallback: '$font-family-sans-serif', selector: 'h1, h2, h3, h4, h5, h6', property: 'font-family' },
  { name: 'presentation-heading-font-weight', fallback: '600', selector: 'h1, h2, h3, h4, h5, h6', property: 'font-weight' },
  { name: 'code-block-bg', fallback: 'transparent', selector: 'pre, pre code', property: 'background-color' },
  { name: 'code-color', fallback: 'inherit', selector: ':not(pre) > code', property: 'color' },
  { name: 'primary', fallback: '$link-color' },
  { name: 'secondary', fallback: '#6c757d' },
  { name: 'selection-bg', fallback: 'lighten($link-color, 25%)' },
  { name: 'presentation-font-size-root', fallback: '40px' },
];

/** Theme files compiled to CSS, or why they could not be, at the file and line Sass names. */
export type CompiledTheme = { css: string } | { problem: string; file: string; line: number };

/** Whether a name Quarto's `theme:` lists is a theme file of the deck's (`custom.scss`), not one of its built-in themes. */
export function isQuartoThemeFile(name: string): boolean {
  return /\.scss$/i.test(name.trim());
}

/**
 * Compiles a deck's Quarto theme files as Quarto does, into one sheet: each kind of section of all of them together, in
 * Quarto's order (a later file's value of a variable over an earlier's), with Quarto's defaults for the variables none sets.
 */
export function compileQuartoTheme(files: readonly { name: string; text: string }[]): CompiledTheme {
  const read = files.map((file) => readSections(file.text));
  const sections = Object.fromEntries(ORDER.map((kind) => [kind, read.flatMap((r) => r[kind])])) as Record<(typeof ORDER)[number], string[]>;
  const defaults = sections.defaults.join('\n');
  const set = QUARTO_VARIABLES.filter((v) => new RegExp(`^[ \\t]*\\$${v.name}[ \\t]*:`, 'm').test(defaults));
  // The file's own values first, as Quarto puts them: its defaults then give way (`!default`).
  const source = [
    ...sections.uses,
    ...sections.functions,
    defaults,
    ...QUARTO_VARIABLES.map((v) => `$${v.name}: ${v.fallback} !default;`),
    ...sections.mixins,
    ...sections.rules,
    ...set.filter((v) => v.selector).map((v) => `${v.selector} { ${v.property}: $${v.name}; }`),
  ].join('\n');
  const sass = require('sass') as typeof import('sass');
  try {
    // Nothing is imported, read or fetched: Sass is given no importer and no load path, and says nothing on its own.
    return { css: sass.compileString(source, { style: 'expanded', logger: sass.Logger.silent, importers: [] }).css };
  } catch (err) {
    const { sassMessage, span } = err as { sassMessage?: string; span?: { start?: { line: number }; text?: string } };
    return { problem: sassMessage ?? (err as Error).message.split('\n')[0]!, ...placeInFiles(files, source, span?.start?.line) };
  }
}

/** The file's sections by kind, in the order they stand; a file with no marker is all rules, as plain CSS would be. */
function readSections(text: string): Record<(typeof ORDER)[number], string[]> {
  const sections = Object.fromEntries(ORDER.map((kind) => [kind, [] as string[]])) as Record<(typeof ORDER)[number], string[]>;
  const marks = [...text.matchAll(SECTION)];
  if (marks.length === 0) {
    sections.rules.push(text);
    return sections;
  }
  marks.forEach((mark, i) => sections[mark[1] as (typeof ORDER)[number]].push(text.slice(mark.index + mark[0].length, marks[i + 1]?.index ?? text.length)));
  return sections;
}

/** The file and line that a line of the compiled source (0-based, as Sass counts) comes from, found by its text; the first file's first line when it cannot be. */
function placeInFiles(files: readonly { name: string; text: string }[], source: string, sourceLine: number | undefined): { file: string; line: number } {
  const written = sourceLine === undefined ? undefined : source.split('\n')[sourceLine];
  for (const file of written === undefined || written.trim() === '' ? [] : files) {
    const index = file.text.split('\n').findIndex((line) => line === written);
    if (index !== -1) return { file: file.name, line: index + 1 };
  }
  return { file: files[0]!.name, line: 1 };
}
