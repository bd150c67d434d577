// Code blocks: what a fence's info string asks for, and the highlighting,
// done at build time so the deck needs no highlighter when it runs.
import { createRequire } from 'node:module';
import { suggestClosest } from '../did-you-mean.js';
import { escapeHtml } from '../html-text.js';
import { drawCodeLines } from './draw-code-lines.js';
import { readPandocLines, readQuartoLines, readRevealLines, readSlidevLines, type CodeLines } from './read-code-lines.js';

const require = createRequire(import.meta.url);
// Loaded on first use only: most briefings have no code.
let hljs: typeof import('highlight.js').default | undefined;

/** What a fenced block is, read from its info string. */
export type CodeInfo =
  | { kind: 'chart' }
  /** Pandoc's raw block (```{=html}): for that output format only. */
  | { kind: 'raw'; format: string }
  | { kind: 'code'; language: string | undefined; text: string; magicMoveSteps?: number; cell?: CellOptions; lines?: CodeLines; filename?: string; listing?: Listing };

/** Quarto's code listing (```{#lst-query .sql lst-cap="Customers"}): its label, numbered by cross-refs.ts, and its caption. */
export interface Listing {
  label: string | undefined;
  caption: string;
}

/** A Quarto or R Markdown cell's `#| echo:`, `#| include:` and `#| output:` options, as its option lines set them. */
export interface CellOptions {
  echo?: boolean;
  include?: boolean;
  /** Whether the cell's output shows (a notebook carries it; a .qmd's is never at hand). */
  output?: boolean;
  /** Its `#| code-line-numbers:` value, as written. */
  lineNumbers?: string;
  /** Its `#| filename:`, shown above its code. */
  filename?: string;
}

/**
 * Reads a fence's info string: `chart`; Pandoc's raw `{=html}`; a Quarto or R Markdown
 * cell (```{python}), shown without the `#|` options only its tool reads; Pandoc's
 * attributes (```{.python code-line-numbers="2" filename="app.py"}), whose class names the language;
 * Slidev's ````md magic-move, as its last step; reveal's `js [1|2-3]` and Slidev's `ts {2,3}` line highlights, and
 * Slidev's title (`ts [app.ts]`);
 * else the first word, as CommonMark reads it.
 */
export function readCodeInfo(info: string | undefined, text: string): CodeInfo {
  const spec = (info ?? '').trim();
  if (spec.split(/\s+/)[0] === 'chart') return { kind: 'chart' };
  if (/^md[ \t]+magic-move\b/.test(spec)) {
    const steps = readFencedBlocks(text);
    const last = steps.at(-1);
    if (last) return { kind: 'code', language: last.info.split(/[\s{]/)[0] || undefined, text: last.text, magicMoveSteps: steps.length };
  }
  const raw = /^\{=([\w-]+)\}$/.exec(spec);
  if (raw) return { kind: 'raw', format: raw[1]! };
  // Pandoc's attributes may give the block an id before its class (```{#lst-query .sql}).
  const braced = /^\{[ \t]*(?:#([\w:.-]+)(?=[\s}])[ \t]*)?(\.)?([\w+-]*)[^}]*\}/.exec(spec);
  if (!braced || (braced[1] === undefined && braced[3] === '')) {
    // Slidev's and VitePress's title after the language (```sh [npm], ```ts [app.ts] {2,3}), shown above the code as
    // Quarto's filename is; a bracket of line numbers there is reveal's highlight, read below.
    const titled = /^([^\s[{]+)[ \t]+\[([^\]\n]{1,200})\]/.exec(spec);
    const title = titled && !/^[\s\d,|:-]*$/.test(titled[2]!) ? titled[2]!.trim() : undefined;
    const rest = title === undefined ? spec : `${titled![1]}${spec.slice(titled![0].length)}`;
    const shownTitle = title ? { filename: title } : {};
    const highlighted = readRevealLines(rest) ?? readSlidevLines(rest);
    if (highlighted) return { kind: 'code', language: highlighted.language, text, lines: highlighted.lines, ...shownTitle };
    return { kind: 'code', language: rest.split(/\s+/)[0] || undefined, text, ...shownTitle };
  }
  // Quarto's `filename="app.py"`, shown above the code.
  const filename = /[\s{]filename[ \t]*=[ \t]*(?:"([^"\n]{1,200})"|'([^'\n]{1,200})'|([^\s"'}]{1,200}))/.exec(braced[0]);
  const named = filename ? { filename: (filename[1] ?? filename[2] ?? filename[3])!.trim() } : {};
  if (braced[2] !== undefined || braced[1] !== undefined) {
    const lines = readPandocLines(braced[0]);
    const caption = /[\s{]lst-cap[ \t]*=[ \t]*(?:"([^"\n]{1,300})"|'([^'\n]{1,300})')/.exec(braced[0]);
    const listing = caption ? { listing: { label: braced[1], caption: (caption[1] ?? caption[2])!.trim() } } : {};
    return { kind: 'code', language: braced[2] !== undefined && braced[3] !== '' ? braced[3] : undefined, text, ...(lines ? { lines } : {}), ...named, ...listing };
  }
  const optionLines = readCellOptionLines(text);
  // knitr's options in the header (```{r label, echo=FALSE}), which the `#|` lines override, as Quarto reads both.
  const cell = { ...readHeaderOptions(braced[0]), ...optionLines.options };
  const lines = cell.lineNumbers === undefined ? undefined : readQuartoLines(cell.lineNumbers);
  const shownName = cell.filename ?? named.filename;
  return { kind: 'code', language: braced[3], text: optionLines.rest, cell, ...(lines ? { lines } : {}), ...(shownName ? { filename: shownName } : {}) };
}

/** A cell's leading option lines (`#|`, or `//|` and `--|` in other languages): how many there are, the code after them, and the options they set. */
export function readCellOptionLines(text: string): { count: number; rest: string; options: CellOptions } {
  const prefix = /^(?:[ \t]*(?:#|\/\/|--)\|.*(?:\n|$))+/.exec(text)?.[0] ?? '';
  return { count: prefix === '' ? 0 : prefix.split('\n').length - (prefix.endsWith('\n') ? 1 : 0), rest: text.slice(prefix.length), options: readCellOptions(prefix) };
}

/** knitr's `echo=FALSE` and `include = TRUE` among a chunk header's options (R's TRUE, FALSE, T and F). */
export function readHeaderOptions(header: string): CellOptions {
  const read: CellOptions = {};
  for (const m of header.matchAll(/[\s,](echo|include)[ \t]*=[ \t]*(TRUE|FALSE|T|F)\b/g)) read[m[1] as 'echo' | 'include'] = m[2]!.startsWith('T');
  return read;
}

/** `#| echo: false`, `#| include: false` and `#| output: false` among a cell's option lines (YAML booleans, as Quarto reads them), and `#| code-line-numbers:`. */
function readCellOptions(lines: string): CellOptions {
  const read: CellOptions = {};
  for (const m of lines.matchAll(/^[ \t]*(?:#|\/\/|--)\|[ \t]*(echo|include|output)[ \t]*:[ \t]*(true|false)[ \t]*$/gm)) read[m[1] as 'echo' | 'include' | 'output'] = m[2] === 'true';
  const numbers = /^[ \t]*(?:#|\/\/|--)\|[ \t]*code-line-numbers[ \t]*:[ \t]*(.*?)[ \t]*$/m.exec(lines);
  if (numbers) read.lineNumbers = numbers[1]!;
  const filename = /^[ \t]*(?:#|\/\/|--)\|[ \t]*filename[ \t]*:[ \t]*(["']?)(.{1,200}?)\1[ \t]*$/m.exec(lines);
  if (filename) read.filename = filename[2]!;
  return read;
}

/**
 * The fenced code blocks of a text, in order, each read to its closing fence (one left open is none): the steps inside
 * Slidev's magic-move block (Slidev morphs each into the next as the presenter clicks; a still deck shows the code as
 * it ends, never the fences themselves), and an R Markdown file's chunks (dialects/knitr-defaults.ts).
 */
export function readFencedBlocks(text: string): { info: string; text: string }[] {
  const blocks: { info: string; text: string }[] = [];
  let open: { fence: string; info: string; lines: string[] } | null = null;
  for (const line of text.split('\n')) {
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === open.fence[0] && close[1]!.length >= open.fence.length) {
        blocks.push({ info: open.info, text: open.lines.join('\n') });
        open = null;
      } else open.lines.push(line);
      continue;
    }
    const start = /^ {0,3}(`{3,}|~{3,})[ \t]*(.*)$/.exec(line);
    if (start) open = { fence: start[1]!, info: start[2]!.trim(), lines: [] };
  }
  return blocks;
}

/** A code block as highlighted HTML, with its language class when highlight.js knows the language, and its lines drawn as `lines` asks. */
export function renderCodeBlock(code: string, language: string | undefined, lines?: CodeLines): string {
  const { html, language: known } = highlightCode(code, language);
  const languageClass = known ? ` language-${escapeHtml(known)}` : '';
  if (!lines) return `<pre><code class="hljs${languageClass}">${html}</code></pre>\n`;
  const drawn = drawCodeLines(html, lines);
  return `<pre><code class="hljs${languageClass}${drawn.classes}">${drawn.html}</code>${drawn.after}</pre>\n`;
}

/** Highlights code at build time; a language highlight.js does not know is shown as plain, escaped text. */
function highlightCode(code: string, lang: string | undefined): { html: string; language: string | null } {
  const language = readLanguageName(lang);
  if (!language || PLAIN_NAMES.has(language)) return { html: escapeHtml(code), language: null };
  const highlighter = loadHighlighter();
  if (!highlighter.getLanguage(language)) return { html: escapeHtml(code), language: null };
  return { html: highlighter.highlight(code, { language, ignoreIllegals: true }).value, language };
}

/** Names a fence gives for text that is meant to show plain: never a typo of a language. */
const PLAIN_NAMES = new Set(['text', 'plain', 'txt', 'none', 'nohighlight', 'no-highlight', 'output', 'raw', 'ascii']);

function readLanguageName(lang: string | undefined): string {
  return (lang ?? '').trim().split(/\s+/)[0]!.toLowerCase();
}

function loadHighlighter(): typeof import('highlight.js').default {
  return (hljs ??= (require('highlight.js') as { default: typeof import('highlight.js').default }).default ?? (require('highlight.js') as typeof import('highlight.js').default));
}

/**
 * The language highlight.js knows that a code block's unknown language most likely misspells (`pyhton` for python),
 * or undefined: for a known language, a plain-text name, or one too short or too far from any to be a fair guess
 * (a language highlight.js lacks, such as `vue`, is not a typo, and its block is simply shown plain).
 */
export function suggestCodeLanguage(lang: string | undefined): string | undefined {
  const language = readLanguageName(lang);
  if (language.length < 4 || PLAIN_NAMES.has(language)) return undefined;
  const highlighter = loadHighlighter();
  if (highlighter.getLanguage(language)) return undefined;
  const names = highlighter.listLanguages().flatMap((name) => [name, ...(highlighter.getLanguage(name)?.aliases ?? [])]);
  return suggestClosest(language, names, { byPrefix: false });
}
