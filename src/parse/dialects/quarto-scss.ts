// Quarto's theme files: `theme: [simple, custom.scss]` names Sass files of sections (`/*-- scss:defaults --*/` for
// variables, `/*-- scss:rules --*/` for rules, and functions, mixins and uses), which Quarto compiles with its
// reveal.js theme. Here each is compiled with Sass itself (loaded only for a deck that has one), after Quarto's own
// variables and function, its rules kept as the deck's own style, and the variables the file sets of Quarto's or
// reveal.js's (the background, the text's, the links' and the headings' colours and fonts, the code's colours) written
// as rules for what they colour, since a style never sets the deck's own variables. A file may import the Sass files
// of its folder and the folders below (its partials, read by the load stage; Sass itself reads nothing). A file Sass
// cannot compile (an import of a file not there, a variable neither it nor Quarto defines) is named and left out, as
// Quarto's own compile would stop there.
import { createRequire } from 'node:module';
import { posix } from 'node:path';

const require = createRequire(import.meta.url);

/** Quarto's section markers, and the order its compile puts the sections in. */
const SECTION = /^\/\*--\s*scss:(uses|functions|defaults|mixins|rules)\s*--\*\/[ \t]*$/gm;
const ORDER = ['uses', 'functions', 'defaults', 'mixins', 'rules'] as const;

/**
 * The variables Quarto's reveal.js format defines before a theme file's rules, with the default it gives each (its
 * `quarto.scss`, in its order, each after those it is made from), so that a rule, a mixin or a function of the file
 * may use any of them, as in Quarto. A file's own value comes first and these then give way (`!default`). Quarto's
 * own rules are not written: the deck has its theme.
 */
const QUARTO_DEFAULTS: readonly [name: string, fallback: string][] = [
  ['font-family-sans-serif', '"Source Sans Pro", Helvetica, sans-serif'],
  ['font-family-monospace', 'monospace'],
  ['presentation-font-size-root', '40px'],
  ['presentation-font-smaller', '0.7'],
  ['presentation-line-height', '1.3'],
  ['body-bg', '#fff'],
  ['body-color', '#222'],
  ['text-muted', 'lighten($body-color, 60%)'],
  ['link-color', '#2a76dd'],
  ['link-color-hover', 'lighten($link-color, 15%)'],
  ['selection-bg', 'lighten($link-color, 25%)'],
  ['selection-color', '$body-bg'],
  ['border-color', 'lighten($body-color, 30%)'],
  ['border-width', '1px'],
  ['border-radius', '3px'],
  ['presentation-heading-font', '$font-family-sans-serif'],
  ['presentation-heading-color', '$body-color'],
  ['presentation-heading-line-height', '1.2'],
  ['presentation-heading-letter-spacing', 'normal'],
  ['presentation-heading-text-transform', 'none'],
  ['presentation-heading-text-shadow', 'none'],
  ['presentation-h1-text-shadow', 'none'],
  ['presentation-heading-font-weight', '600'],
  ['presentation-h1-font-size', '2.5em'],
  ['presentation-h2-font-size', '1.6em'],
  ['presentation-h3-font-size', '1.3em'],
  ['presentation-h4-font-size', '1em'],
  ['presentation-block-margin', '12px'],
  ['presentation-slide-text-align', 'left'],
  ['presentation-title-slide-text-align', 'center'],
  ['reveal-slide-text-align', '$presentation-slide-text-align'],
  ['reveal-title-slide-text-align', '$presentation-title-slide-text-align'],
  ['code-block-bg', '$body-bg'],
  ['code-block-border-color', 'lighten($body-color, 60%)'],
  ['code-block-font-size', '0.55em'],
  // Quarto's is the highlighting's function colour (`var(--quarto-hl-fu-color)`), which a deck does not have.
  ['code-color', 'inherit'],
  ['code-bg', 'transparent'],
  ['tabset-border-color', '$code-block-border-color'],
  ['revealjs-font-size-root', '$presentation-font-size-root'],
  ['revealjs-h1-font-size', '$presentation-h1-font-size'],
  ['revealjs-h2-font-size', '$presentation-h2-font-size'],
  ['revealjs-h3-font-size', '$presentation-h3-font-size'],
  ['revealjs-h4-font-size', '$presentation-h4-font-size'],
  ['revealjs-heading-font', '$presentation-heading-font'],
  ['revealjs-heading-color', '$presentation-heading-color'],
  ['revealjs-heading-line-height', '$presentation-heading-line-height'],
  ['revealjs-heading-letter-spacing', '$presentation-heading-letter-spacing'],
  ['revealjs-heading-text-transform', '$presentation-heading-text-transform'],
  ['revealjs-heading-text-shadow', '$presentation-heading-text-shadow'],
  ['revealjs-h1-text-shadow', '$presentation-h1-text-shadow'],
  ['revealjs-heading-font-weight', '$presentation-heading-font-weight'],
  ['revealjs-block-margin', '$presentation-block-margin'],
  ['revealjs-line-height', '$presentation-line-height'],
  // reveal.js's own theme variables, which Quarto sets from its own and a file may set itself (`$backgroundColor`).
  ['backgroundColor', '$body-bg'],
  ['mainFont', '$font-family-sans-serif'],
  ['mainFontSize', '$revealjs-font-size-root'],
  ['mainColor', '$body-color'],
  ['blockMargin', '$revealjs-block-margin'],
  ['headingMargin', '0 0 $blockMargin 0'],
  ['headingFont', '$revealjs-heading-font'],
  ['headingColor', '$revealjs-heading-color'],
  ['headingLineHeight', '$revealjs-heading-line-height'],
  ['headingLetterSpacing', '$revealjs-heading-letter-spacing'],
  ['headingTextTransform', '$revealjs-heading-text-transform'],
  ['headingTextShadow', '$revealjs-heading-text-shadow'],
  ['heading1TextShadow', '$revealjs-h1-text-shadow'],
  ['headingFontWeight', '$revealjs-heading-font-weight'],
  ['heading1Size', '$revealjs-h1-font-size'],
  ['heading2Size', '$revealjs-h2-font-size'],
  ['heading3Size', '$revealjs-h3-font-size'],
  ['heading4Size', '$revealjs-h4-font-size'],
  ['codeFont', '$font-family-monospace'],
  ['code-block-theme-dark-threshhold', '40%'],
  ['linkColor', '$link-color'],
  ['linkColorHover', '$link-color-hover'],
  ['selectionBackgroundColor', '$selection-bg'],
  ['selectionColor', '$selection-color'],
  // Bootstrap's names for the main colours, which theme files written for Quarto's other formats often use: they stand in, so such a file compiles.
  ['primary', '$link-color'],
  ['secondary', '#6c757d'],
];

/**
 * The mixins a file may include or override, as reveal.js's theme template gives them: the slides' background
 * (`bodyBackground`, its colour unless a file draws a gradient or picture instead) and the gradients its themes draw it
 * with. Written here, so that a file that uses them compiles.
 */
const REVEAL_MIXINS = [
  '@mixin bodyBackground() { background: $backgroundColor; }',
  '@mixin vertical-gradient($top, $bottom) { background: $top; background: linear-gradient(to bottom, $top 0%, $bottom 100%); }',
  '@mixin horizontal-gradient($left, $right) { background: $left; background: linear-gradient(to right, $left 0%, $right 100%); }',
  '@mixin radial-gradient($outer, $inner, $type: circle) { background: $outer; background: radial-gradient(#{$type} farthest-corner at center, $inner 0%, $outer 100%); }',
].join('\n');

/** A file's own slide background: its `bodyBackground` mixin, which reveal.js draws behind every slide. */
const OWN_BACKGROUND = /@mixin[ \t]+bodyBackground\b/;

/** Quarto's function of its own a file's rules may call. */
const QUARTO_FUNCTIONS = '@function colorToRGB($color) { @return "rgb(" + red($color) + ", " + green($color) + ", " + blue($color) + ")"; }';

/**
 * What the variables colour and set on a slide, as reveal.js's theme does with the variable named (the last of a chain
 * Quarto's defaults make): written only when the file sets one of the chain (`set`), since otherwise the deck's theme
 * stands, not Quarto's default look.
 */
const QUARTO_LOOKS: readonly { variable: string; set: readonly string[]; selector: string; property: string }[] = [
  { variable: 'backgroundColor', set: ['body-bg', 'backgroundColor'], selector: 'section', property: 'background-color' },
  { variable: 'mainColor', set: ['body-color', 'mainColor'], selector: 'section', property: 'color' },
  { variable: 'linkColor', set: ['link-color', 'linkColor'], selector: 'a', property: 'color' },
  { variable: 'mainFont', set: ['font-family-sans-serif', 'mainFont'], selector: 'section', property: 'font-family' },
  { variable: 'codeFont', set: ['font-family-monospace', 'codeFont'], selector: 'code', property: 'font-family' },
  { variable: 'headingColor', set: ['body-color', 'presentation-heading-color', 'revealjs-heading-color', 'headingColor'], selector: 'h1, h2, h3, h4, h5, h6', property: 'color' },
  { variable: 'headingFont', set: ['font-family-sans-serif', 'presentation-heading-font', 'revealjs-heading-font', 'headingFont'], selector: 'h1, h2, h3, h4, h5, h6', property: 'font-family' },
  { variable: 'headingFontWeight', set: ['presentation-heading-font-weight', 'revealjs-heading-font-weight', 'headingFontWeight'], selector: 'h1, h2, h3, h4, h5, h6', property: 'font-weight' },
  { variable: 'headingTextTransform', set: ['presentation-heading-text-transform', 'revealjs-heading-text-transform', 'headingTextTransform'], selector: 'h1, h2, h3, h4, h5, h6', property: 'text-transform' },
  { variable: 'code-block-bg', set: ['code-block-bg'], selector: 'pre, pre code', property: 'background-color' },
  { variable: 'code-color', set: ['code-color'], selector: ':not(pre) > code', property: 'color' },
  { variable: 'code-bg', set: ['code-bg'], selector: ':not(pre) > code', property: 'background-color' },
];

/** Where a line of the compiled CSS was written: the theme file (its index in the files given) and its line there. */
export interface ThemeLineOrigin {
  /** The theme file's index, or past them a partial's: the index in the theme files, then the partials, as given. */
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
export function compileQuartoTheme(files: readonly { name: string; text: string }[], partials: readonly { name: string; text: string }[] = []): CompiledTheme {
  const read = files.map((file, index) => readSections(file.text, index));
  const sections = Object.fromEntries(ORDER.map((kind) => [kind, read.flatMap((r) => r[kind])])) as Record<(typeof ORDER)[number], SourcePiece[]>;
  const defaults = sections.defaults.map((piece) => piece.text).join('\n');
  const setsVariable = (name: string) => new RegExp(`^[ \\t]*\\$${name}[ \\t]*:`, 'm').test(defaults);
  const looks = QUARTO_LOOKS.filter((look) => look.set.some(setsVariable)).map((look) => `${look.selector} { ${look.property}: $${look.variable}; }`);
  // A file that draws the slides' background itself (a gradient, a picture) has it drawn on each slide, after its colour.
  if (sections.mixins.some((piece) => OWN_BACKGROUND.test(piece.text))) looks.push('section { @include bodyBackground(); }');
  const written = (text: string): SourcePiece => ({ text, from: null });
  // The file's own values first, as Quarto puts them: its defaults then give way (`!default`).
  const pieces = [
    ...sections.uses,
    written(QUARTO_FUNCTIONS),
    ...sections.functions,
    ...sections.defaults,
    ...QUARTO_DEFAULTS.map(([name, fallback]) => written(`$${name}: ${fallback} !default;`)),
    written(REVEAL_MIXINS),
    ...sections.mixins,
    ...sections.rules,
    ...looks.map(written),
  ];
  // Where each line of Sass's source was written, so a message about the CSS, or Sass's own, names that file and line.
  const sourceOrigins = pieces.flatMap((piece) => piece.text.split('\n').map((_, i) => (piece.from ? { file: piece.from.file, line: piece.from.line + i } : null)));
  const source = pieces.map((piece) => piece.text).join('\n');
  const sass = require('sass') as typeof import('sass');
  try {
    // Nothing is read or fetched: Sass's one importer serves the partials the load stage read, and it has no load path.
    const importer = importPartials(partials, files.map((file) => posix.dirname(file.name)));
    const result = sass.compileString(source, { style: 'expanded', logger: sass.Logger.silent, importers: [importer], sourceMap: true });
    // Sass's source map gives each source as a data: URL of its text, so a partial is known by its text.
    const partialByText = new Map(partials.map((partial, i) => [partial.text, files.length + i]));
    return { css: result.css, origins: traceCssLines(result.css, result.sourceMap, sourceOrigins, partialByText) };
  } catch (err) {
    const { sassMessage, span } = err as { sassMessage?: string; span?: { start?: { line: number }; url?: URL } };
    const partial = span?.url?.protocol === PARTIAL_SCHEME ? partialName(span.url) : undefined;
    if (partial !== undefined && span?.start) return { problem: sassMessage ?? (err as Error).message.split('\n')[0]!, file: partial, line: span.start.line + 1 };
    const origin = span?.start ? sourceOrigins[span.start.line] : undefined;
    return { problem: sassMessage ?? (err as Error).message.split('\n')[0]!, file: files[origin?.file ?? 0]!.name, line: origin?.line ?? 1 };
  }
}

/** The text a data: URL holds (percent-encoded, as Sass writes a source into its source map). */
function decodeDataUrl(url: string): string {
  try {
    return decodeURIComponent(url.slice(url.indexOf(',') + 1));
  } catch {
    return '';
  }
}

/** The scheme of a partial's address for Sass: a name in the briefing folder, never a file Sass could open. */
const PARTIAL_SCHEME = 'briefdeck-partial:';

/** A partial's path in the briefing folder, from its address for Sass. */
function partialName(url: URL): string {
  return decodeURIComponent(url.pathname.replace(/^\//, ''));
}

/**
 * Sass's importer for a theme's `@import`, `@use` and `@forward`: a name relative to the importing partial's folder,
 * or else to a theme file's (Quarto compiles with those as load paths), found among the partials as Sass finds a
 * file (`colors` is `colors.scss`, `_colors.scss` or `colors/_index.scss`); anything else is not found.
 */
function importPartials(partials: readonly { name: string; text: string }[], themeFolders: readonly string[]): import('sass').Importer<'sync'> {
  const texts = new Map(partials.map((partial) => [partial.name, partial.text]));
  const candidates = (name: string) => {
    const dir = posix.dirname(name);
    const base = posix.basename(name);
    const inDir = (file: string) => (dir === '.' ? file : `${dir}/${file}`);
    return /\.scss$/i.test(base) ? [name, inDir(`_${base}`)] : [`${name}.scss`, inDir(`_${base}.scss`), `${name}/_index.scss`, `${name}/index.scss`];
  };
  return {
    canonicalize(url, context) {
      // An address of any scheme is no partial's name: not found.
      if (/^[a-z][\w+.-]*:/i.test(url)) return null;
      const from = context.containingUrl?.protocol === PARTIAL_SCHEME ? [posix.dirname(partialName(context.containingUrl))] : [];
      for (const folder of [...from, ...themeFolders]) {
        for (const candidate of candidates(posix.normalize(folder === '.' ? url : `${folder}/${url}`))) {
          if (texts.has(candidate)) return new URL(`${PARTIAL_SCHEME}/${encodeURIComponent(candidate).replace(/%2F/g, '/')}`);
        }
      }
      return null;
    },
    load(canonicalUrl) {
      const text = texts.get(partialName(canonicalUrl));
      return text === undefined ? null : { contents: text, syntax: 'scss' };
    },
  };
}

/** For each line of the compiled CSS, where the first thing Sass's source map places on it was written (null for none). */
function traceCssLines(css: string, map: import('sass').CompileResult['sourceMap'], sourceOrigins: readonly (ThemeLineOrigin | null)[], partialByText: ReadonlyMap<string, number>): (ThemeLineOrigin | null)[] {
  const origins: (ThemeLineOrigin | null)[] = css.split('\n').map(() => null);
  if (!map) return origins;
  const { SourceMapConsumer } = require('source-map-js') as typeof import('source-map-js');
  // Each source by its number, read here from Sass's own list: source-map-js rewrites an address's slashes.
  const partialOfSource = map.sources.map((source) => (source.startsWith('data:') ? partialByText.get(decodeDataUrl(source)) : undefined));
  const numbered = { ...map, version: String(map.version), sources: map.sources.map((_, i) => `source-${i}`) };
  new SourceMapConsumer(numbered).eachMapping((mapping) => {
    const at = mapping.generatedLine - 1;
    if (at >= origins.length || origins[at] !== null || mapping.originalLine === null) return;
    // A line a partial wrote is placed in that partial; one of the compiled source, where the source's line was written.
    const partial = partialOfSource[Number(/^source-(\d+)$/.exec(mapping.source ?? '')?.[1] ?? -1)];
    origins[at] = partial !== undefined ? { file: partial, line: mapping.originalLine } : (sourceOrigins[mapping.originalLine - 1] ?? null);
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
