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

/** Where a line of the compiled CSS was written: the theme file (its index in the files given) and its line there. */
export interface ThemeLineOrigin {
  file: number;
  line: number;
}

/**
 * Theme files compiled to CSS, with the file and line each line of the CSS comes from (null for what Quarto's own
 * variables wrote), or why they could not be, at the file and line Sass names.
 */
export type CompiledTheme = { css: string; origins: (ThemeLineOrigin | null)[] } | { problem: string; file: string; line: number };

/** Sass's source text, piece by piece: each with where its first line was written, or null for a line written here. */
interface SourcePiece {
  text: string;
  from: ThemeLineOrigin | null;
}

/** Whether a name Quarto's `theme:` lists is a theme file of the deck's (`custom.scss`), not one of its built-in themes. */
export function isQuartoThemeFile(name: string): boolean {
  return /\.scss$/i.test(name.trim());
}

/**
 * Compiles a deck's Quarto theme files as Quarto does, into one sheet: each kind of section of all of them together, in
 * Quarto's order (a later file's value of a variable over an earlier's), with Quarto's defaults for the variables none sets.
 */
export function compileQuartoTheme(files: readonly { name: string; text: string }[]): CompiledTheme {
  const read = files.map((file, index) => readSections(file.text, index));
  const sections = Object.fromEntries(ORDER.map((kind) => [kind, read.flatMap((r) => r[kind])])) as Record<(typeof ORDER)[number], SourcePiece[]>;
  const defaults = sections.defaults.map((piece) => piece.text).join('\n');
  const set = QUARTO_VARIABLES.filter((v) => new RegExp(`^[ \\t]*\\$${v.name}[ \\t]*:`, 'm').test(defaults));
  const written = (text: string): SourcePiece => ({ text, from: null });
  // The file's own values first, as Quarto puts them: its defaults then give way (`!default`).
  const pieces = [
    ...sections.uses,
    ...sections.functions,
    ...sections.defaults,
    ...QUARTO_VARIABLES.map((v) => written(`$${v.name}: ${v.fallback} !default;`)),
    ...sections.mixins,
    ...sections.rules,
    ...set.filter((v) => v.selector).map((v) => written(`${v.selector} { ${v.property}: $${v.name}; }`)),
  ];
  // Where each line of Sass's source was written, so a message about the CSS, or Sass's own, names that file and line.
  const sourceOrigins = pieces.flatMap((piece) => piece.text.split('\n').map((_, i) => (piece.from ? { file: piece.from.file, line: piece.from.line + i } : null)));
  const source = pieces.map((piece) => piece.text).join('\n');
  const sass = require('sass') as typeof import('sass');
  try {
    // Nothing is imported, read or fetched: Sass is given no importer and no load path, and says nothing on its own.
    const result = sass.compileString(source, { style: 'expanded', logger: sass.Logger.silent, importers: [], sourceMap: true });
    return { css: result.css, origins: traceCssLines(result.css, result.sourceMap, sourceOrigins) };
  } catch (err) {
    const { sassMessage, span } = err as { sassMessage?: string; span?: { start?: { line: number }; text?: string } };
    const origin = span?.start ? sourceOrigins[span.start.line] : undefined;
    return { problem: sassMessage ?? (err as Error).message.split('\n')[0]!, file: files[origin?.file ?? 0]!.name, line: origin?.line ?? 1 };
  }
}

/** For each line of the compiled CSS, where the first thing Sass's source map places on it was written (null for none). */
function traceCssLines(css: string, map: import('sass').CompileResult['sourceMap'], sourceOrigins: readonly (ThemeLineOrigin | null)[]): (ThemeLineOrigin | null)[] {
  const origins: (ThemeLineOrigin | null)[] = css.split('\n').map(() => null);
  if (!map) return origins;
  const { SourceMapConsumer } = require('source-map-js') as typeof import('source-map-js');
  new SourceMapConsumer({ ...map, version: String(map.version) }).eachMapping((mapping) => {
    const at = mapping.generatedLine - 1;
    if (at < origins.length && origins[at] === null && mapping.originalLine !== null) origins[at] = sourceOrigins[mapping.originalLine - 1] ?? null;
  });
  return origins;
}

/** The sections of the file `file` (its index) by kind, in the order they stand; a file with no marker is all rules, as plain CSS would be. */
function readSections(text: string, file: number): Record<(typeof ORDER)[number], SourcePiece[]> {
  const sections = Object.fromEntries(ORDER.map((kind) => [kind, [] as SourcePiece[]])) as Record<(typeof ORDER)[number], SourcePiece[]>;
  const marks = [...text.matchAll(SECTION)];
  if (marks.length === 0) {
    sections.rules.push({ text, from: { file, line: 1 } });
    return sections;
  }
  // A section's text starts at the end of its marker's line, so its first line is the marker's.
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  marks.forEach((mark, i) => {
    const start = mark.index + mark[0].length;
    sections[mark[1] as (typeof ORDER)[number]].push({ text: text.slice(start, marks[i + 1]?.index ?? text.length), from: { file, line: lineAt(start) } });
  });
  return sections;
}
