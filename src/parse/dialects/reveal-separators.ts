// reveal.js's and reveal-md's slide separators: the lines briefdeck cuts at beside its own `---` (`--`, `----`, `<!--s-->`,
// `<!--v-->`), and the separator patterns a deck names (reveal-md's `separator:` keys, a page's `data-separator`), read as
// one of those, as one line of text to cut at, or as a run of blank lines to cut at.
import type { BriefingMeta, RevealSeparatorLines } from '../../model.js';
import { createFenceReader } from '../read-fences.js';

/**
 * reveal.js's and reveal-md's other slide separators: `--` (vertical, in
 * reveal's Markdown examples), `----` (reveal-md's vertical), and reveal-md's
 * `<!--s-->` (horizontal) and `<!--v-->` (vertical). A vertical one starts a
 * slide below the one before it, in the same stack. In a deck that names its own
 * separator between slides, a `---` line is a `rule`: a thematic break, as in reveal-md.
 */
export function readRevealSeparator(line: string, own?: RevealSeparatorLines): 'horizontal' | 'vertical' | 'rule' | null {
  // reveal-md's own separators of one line of text (`separator: "^\r?\n\+\+\+\r?\n$"`), before reveal's defaults: a deck may swap them.
  if (own && (own.horizontal !== undefined || own.vertical !== undefined)) {
    const text = line.trim();
    if (text === own.horizontal) return 'horizontal';
    if (text === own.vertical) return 'vertical';
    if (own.horizontal !== undefined && /^---[ \t]*$/.test(line)) return 'rule';
  }
  // A separator the deck names replaces reveal's default of its kind, as in reveal-md: with `verticalSeparator: <!--v-->`,
  // a `----` line is a thematic break, not a cut.
  if (own?.horizontal === undefined && /^<!--\s*s\s*-->[ \t]*$/.test(line)) return 'horizontal';
  return own?.vertical === undefined && /^(?:--|----|<!--\s*v\s*-->)[ \t]*$/.test(line) ? 'vertical' : null;
}

/** reveal's separator patterns that briefdeck's own cutting matches, with their line breaks written `\n` and `\r?` and `\s*` dropped; notes' in lower case. */
const KNOWN_SEPARATORS: Record<'separator' | 'verticalSeparator' | 'notesSeparator', ReadonlySet<string>> = {
  separator: new Set(['^\n---\n$', '^---$', '\n---\n', '---', '<!--s-->', '^<!--s-->$']),
  verticalSeparator: new Set(['^\n----\n$', '^----$', '\n----\n', '----', '^\n--\n$', '^--$', '\n--\n', '--', '<!--v-->', '^<!--v-->$']),
  notesSeparator: new Set(['^note:', 'note:', '^notes?:', 'notes?:', '^notes:', 'notes:']),
};

/**
 * True when a separator pattern reveal's Markdown plugin is told to cut at (reveal-md's `separator:` keys, a page's
 * `data-separator` attributes; written as a pattern, `\n` for a line break) is one briefdeck cuts at anyway:
 * `---` or `<!--s-->` between slides, `--`, `----` or `<!--v-->` below one, a `Note:` line before the notes.
 */
export function isKnownRevealSeparator(kind: keyof typeof KNOWN_SEPARATORS, pattern: string): boolean {
  const normal = writeLineBreaks(pattern).replace(/\\n/g, '\n').replace(/\\s\*/g, '').trim();
  return KNOWN_SEPARATORS[kind].has(kind === 'notesSeparator' ? normal.toLowerCase() : normal);
}

/**
 * A separator pattern with every way of writing a line break as `\n`, escaped: as YAML's double quotes give it (a real
 * line break), with Windows' optional `\r?` before it, or as a group of either (`(\r\n?|\n)`, `(\r?\n)`).
 */
function writeLineBreaks(pattern: string): string {
  return pattern
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    // A group of line breaks only, `(\r\n?|\n)`, is one; `(\r?)` is none.
    .replace(/\((?:\?:)?((?:\\[rn]|[?|])+)\)/g, (_, inner: string) => (inner.includes('\\n') ? '\\n' : ''))
    // A carriage return, optional or not: the deck's line breaks are read as `\n` alone.
    .replace(/\\r\??/g, '');
}

/**
 * The line of text a separator pattern stands for when it is one line of literal text between line breaks
 * (`^(\r?)\n\+\+\+(\r?)\n` is `+++`), else undefined: a pattern of any other shape is not read.
 */
export function readSeparatorLine(pattern: string): string | undefined {
  const core = writeLineBreaks(pattern).replace(/^\^/, '').replace(/\$$/, '').replace(/^(?:\\n)+|(?:\\n)+$/g, '');
  // Only escaped characters and ones that mean themselves: any other is a pattern, not a line.
  if (!/^(?:\\[^A-Za-z0-9]|[^\\.*+?()[\]{}|^$\s])+$/.test(core)) return undefined;
  return core.replace(/\\(.)/g, '$1');
}

/**
 * Reads reveal-md's `separator:`, `verticalSeparator:` or `notesSeparator:` key into the metadata: true when briefdeck cuts
 * there, at its own lines or at the one line of text the pattern stands for (kept in `meta.revealSeparatorLines`).
 */
export function applyRevealSeparatorKey(key: 'separator' | 'verticalSeparator' | 'notesSeparator', value: unknown, meta: Pick<BriefingMeta, 'revealSeparatorLines'>): boolean {
  if (typeof value !== 'string') return false;
  if (key === 'notesSeparator') return isKnownRevealSeparator(key, value);
  // The key replaces what set this separator before it (reveal-md.json's, under the front matter's).
  if (meta.revealSeparatorLines) {
    const [line, blank] = key === 'separator' ? (['horizontal', 'horizontalBlankLines'] as const) : (['vertical', 'verticalBlankLines'] as const);
    delete meta.revealSeparatorLines[line];
    delete meta.revealSeparatorLines[blank];
  }
  const literal = readSeparatorLine(value);
  // One briefdeck cuts at anyway is the deck's own all the same, unless it is reveal-md's default (`---` between slides,
  // `----` below one): named, `<!--s-->` is the only cut between slides, and a `---` line is a thematic break, as in reveal-md.
  if (isKnownRevealSeparator(key, value)) {
    if (literal !== undefined && literal !== (key === 'separator' ? '---' : '----')) (meta.revealSeparatorLines ??= {})[key === 'separator' ? 'horizontal' : 'vertical'] = literal;
    return true;
  }
  const blank = literal === undefined ? readBlankLineSeparator(value) : undefined;
  if (literal === undefined && blank === undefined) return false;
  const lines = (meta.revealSeparatorLines ??= {});
  if (literal !== undefined) lines[key === 'separator' ? 'horizontal' : 'vertical'] = literal;
  else lines[key === 'separator' ? 'horizontalBlankLines' : 'verticalBlankLines'] = blank;
  return true;
}

/**
 * The blank lines a separator pattern of line breaks alone cuts at, as reveal's Markdown plugin runs it (a multi-line
 * pattern from a line's start): `^\n\n\n`, reveal.js's own example, needs three blank lines between two slides, `\n\n\n`
 * without its `^` two; undefined for a pattern of any other shape.
 */
export function readBlankLineSeparator(pattern: string): number | undefined {
  const breaks = /^(\^?)((?:\\n)+)$/.exec(writeLineBreaks(pattern).trim());
  if (!breaks) return undefined;
  const blank = breaks[2]!.length / 2 - (breaks[1] ? 0 : 1);
  return blank > 0 ? blank : undefined;
}

/**
 * Writes reveal's separator lines (`<!--s-->` between slides, `<!--v-->` below one) into the runs of blank lines a deck's
 * blank-line separators cut at, in place, so every line keeps its number. A run is cut as reveal's plugin cuts it, from
 * its first line: between slides when the run is long enough for that, else below a slide; a run in fenced code is code.
 * A run longer than both is one cut (reveal's plugin cuts again in what is left, making an empty slide). Lines that
 * hold only spaces are not blank to reveal's pattern.
 */
export function markBlankLineSeparators(lines: string[], own: RevealSeparatorLines | undefined): string[] {
  const horizontal = own?.horizontalBlankLines;
  const vertical = own?.verticalBlankLines;
  if (horizontal === undefined && vertical === undefined) return lines;
  const marked = [...lines];
  const fences = createFenceReader();
  let i = 0;
  while (i < lines.length) {
    if (fences.read(lines[i]!) || lines[i] !== '') {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && lines[end] === '') fences.read(lines[end++]!);
    const cut = horizontal !== undefined && end - i >= horizontal ? ['<!--s-->', horizontal] as const : vertical !== undefined && end - i >= vertical ? ['<!--v-->', vertical] as const : undefined;
    // After a blank line where there is one, so the line above cannot read it as a heading's underline.
    if (cut) marked[i + (cut[1] > 1 ? 1 : 0)] = cut[0];
    i = end;
  }
  return marked;
}
