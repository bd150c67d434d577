import { LineCounter, isMap, isScalar, isSeq, parse, parseDocument, type Pair } from 'yaml';
import { suggestClosest } from '../../did-you-mean.js';
import type { SourceFile } from '../../model.js';
import { findComments } from './find-comments.js';

// What a Marp comment says. Marp reads every HTML comment as YAML: a comment
// whose map names a directive holds directives and is never a note, whether
// it holds one (`<!-- _class: lead -->`) or several on lines of their own, and
// a global one (`theme`, `headingDivider`, `size`) sets the whole deck
// wherever it stands, the last written winning. Any other comment is the
// slide's note (comment-notes.ts). marp.ts gives a slide the look its local
// directives ask for; parse-meta.ts applies the global ones.

/** Marp's local directives: in front matter they set every slide, and with a leading `_` (`_class: lead`) the first slide only. */
export const MARP_LOCAL_DIRECTIVES = ['paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'color'];

/** Marp's global directives: each sets the whole deck, from the front matter or a comment anywhere; `$theme` is an older spelling of `theme`. */
export const MARP_GLOBAL_DIRECTIVES = ['theme', 'style', 'headingDivider', 'lang', 'size', 'math', 'title', 'author', 'description', 'image', 'keywords', 'url', 'marp'];

/** Marp's directives, local ones also with a leading `_` (this slide only); `fit` is its fitting heading's marker. */
const MARP_DIRECTIVES = new Set([...MARP_GLOBAL_DIRECTIVES, ...MARP_LOCAL_DIRECTIVES, 'transition', 'fit']);

/**
 * The directives of Marp's first version ("Marp classic"), still in older decks: `$` marks a global one,
 * `*` one for this slide only. `page_number`, `template` and `footer` map onto today's `paginate`, `class` and `footer`.
 * `$theme` and `$size` are today's `theme` and `size`, which Marp still reads.
 */
export const CLASSIC_DIRECTIVE = /^\s*(\$(?:width|height|prerender)|\*?(?:page_number|footer|template))\s*:/;

/** A comment line that may name a directive: only a comment holding one is read as YAML, so a note costs no parse. */
const KEY_LINE = new RegExp(`^[ \\t]*[_$]?(?:${[...MARP_DIRECTIVES].join('|')})[ \\t]*:`, 'm');

/** Marp's directives whose values are text, which Marp reads loosely (its `looseYAML`): `header: ![logo](a.png)`, `backgroundColor: #fff`. */
const LOOSE_KEYS = ['theme', ...MARP_LOCAL_DIRECTIVES.filter((k) => k !== 'paginate')].join('|');
/** Those and Marp's text settings of the whole deck, which a Marp deck's front matter may write loosely too (`title: A: B`). */
const TEXT_KEYS = [LOOSE_KEYS, 'title', 'author', 'description', 'keywords', 'url', 'image'].join('|');

/**
 * Quotes the values of Marp's text directives that YAML would misread: a
 * leading `#` is a comment to YAML, `!` a tag, `&` and `*` anchors, `@` and a
 * backquote reserved; Marp reads each as the text it is. A value with a
 * backslash is read as Marp reads it, its escapes YAML's in double quotes
 * (readLooseValue). One line for one, so line numbers hold; any other line is left as it is.
 */
export function loosenMarpDirectives(yaml: string, marpDeck = true): string {
  // In a Marp deck, a text directive's value holding `: ` or ` #` is text, as Marp quotes it (`title: Lecture 3: Sorting`), where YAML reads a map or a comment.
  const texts = marpDeck ? yaml.replace(new RegExp(`^([ \\t]*_?(?:${TEXT_KEYS})[ \\t]*:[ \\t]*)((?=[^\\n]*(?:: | #))[^\\n"'{|>~&*\\[\\s][^\\n]*?)[ \\t]*$`, 'gm'), (_, key: string, value: string) => `${key}${JSON.stringify(value)}`) : yaml;
  return texts
    .replace(new RegExp(`^([ \\t]*_?(?:${LOOSE_KEYS})[ \\t]*:[ \\t]*)([#!&*@\`%][^\\n]*?)[ \\t]*$`, 'gm'), (_, key: string, value: string) => `${key}${JSON.stringify(value)}`)
    .replace(new RegExp(`^([ \\t]*_?(?:${LOOSE_KEYS})[ \\t]*:[ \\t]*)((?=[^\\n]*\\\\)[^\\n"'{|>~&*\\s][^\\n]*?)[ \\t]*$`, 'gm'), (line, key: string, value: string) => {
      const read = readEscapes(value.split('"').join('\\"'));
      return read === undefined ? line : `${key}${JSON.stringify(read)}`;
    });
}

/** The first characters for which marpit leaves a loose value as written (its yamlSpecialChars); it quotes any other. */
const YAML_SPECIAL_START = /^["'{|>~&*]/;
/** YAML's escapes in double quotes; a backslash starting none of them makes the value no YAML. */
const YAML_ESCAPE = /\\(?:[0abtnvfre "/\\N_LP\t]|x[\da-fA-F]{2}|u[\da-fA-F]{4}|U[\da-fA-F]{8})/g;

/** The text of a double-quoted YAML scalar's inside, or undefined when a backslash starts no escape of YAML's. */
function readEscapes(inside: string): string | undefined {
  if (inside.replace(YAML_ESCAPE, '').includes('\\')) return undefined;
  try {
    const read: unknown = parse(`"${inside}"`, { schema: 'core' });
    return typeof read === 'string' ? read : undefined;
  } catch {
    // A quote inside that no backslash escapes ends the scalar early: no YAML, so the value stays as written.
    return undefined;
  }
}

/**
 * A directive's value of one line as Marp reads it. Marp puts a loose value in double quotes before YAML reads it
 * (marpit's convertLoose), so its backslashes are YAML's escapes: `\ *Course*` is ` *Course*`, written so to start
 * with an asterisk, which YAML would take for an alias. A quoted value is read as YAML reads it.
 */
function readLooseValue(written: string): string {
  if (written.length >= 2 && written.startsWith('"') && written.endsWith('"')) return readEscapes(written.slice(1, -1)) ?? written.slice(1, -1);
  if (written.length >= 2 && written.startsWith("'") && written.endsWith("'")) return written.slice(1, -1).split("''").join("'");
  if (!written.includes('\\') || YAML_SPECIAL_START.test(written)) return written;
  return readEscapes(written.split('"').join('\\"')) ?? written;
}

/** One directive a comment holds: its name as written (`_class`; a global one without its `$`), its value, and its line in the comment (0 for the first). */
export interface MarpCommentDirective {
  key: string;
  value: unknown;
  /** The directive as one line, `key: value`, as marp.ts reads a local one. */
  text: string;
  offset: number;
}

/** A line of one directive, `_class: lead` or `$theme: gaia`, its value as written. */
const ONE_DIRECTIVE = new RegExp(`^[ \\t]*([_$]?)(${[...MARP_DIRECTIVES].join('|')})[ \\t]*:[ \\t]*(.*?)[ \\t]*$`);
/** A value only YAML reads right: a list, a map, a block of lines, an anchor, alias or tag. */
const STRUCTURED_VALUE = /^[[{|>&*!]/;

/**
 * Reads a comment whose every line is one directive with a value of one line, as most are, without YAML: each
 * line is what it would be as a comment of its own. Null for any other comment.
 */
function readDirectiveLines(text: string): MarpCommentDirective[] | null {
  const found: MarpCommentDirective[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const line = ONE_DIRECTIVE.exec(lines[i]!);
    if (!line) return null;
    const [, prefix, name, written] = line as unknown as [string, string, string, string];
    // `$` marks a global directive only; `_` a local one only.
    if ((prefix === '$' && !MARP_GLOBAL_DIRECTIVES.includes(name)) || (prefix === '_' && !MARP_LOCAL_DIRECTIVES.includes(name))) return null;
    if (STRUCTURED_VALUE.test(written) && !(MARP_LOCAL_DIRECTIVES.includes(name) && name !== 'class')) return null;
    const key = prefix === '_' ? `_${name}` : name;
    const unquoted = readLooseValue(written);
    const value = /^\d+$/.test(unquoted) ? Number(unquoted) : unquoted === 'true' || unquoted === 'false' ? unquoted === 'true' : unquoted;
    found.push({ key, value, text: `${key}: ${unquoted}`, offset: i });
  }
  return found;
}

/**
 * The directives a Marp comment's text holds, in order; none when it is a note. A comment of directives one a line is
 * read line by line; any other that may hold one (a `style: |` block, a `class:` list) is read as YAML when `yaml` allows.
 */
export function readMarpComment(text: string, yaml = true): MarpCommentDirective[] {
  const trimmed = text.trim();
  if (trimmed === 'fit') return [{ key: 'fit', value: null, text: trimmed, offset: 0 }];
  const classic = CLASSIC_DIRECTIVE.exec(trimmed);
  if (classic) return [{ key: classic[1]!, value: trimmed.slice(classic[0].length).trim(), text: trimmed, offset: 0 }];
  if (!KEY_LINE.test(text)) return [];
  const lines = readDirectiveLines(trimmed);
  if (lines !== null) return lines;
  if (yaml) return readYamlDirectives(trimmed);
  // Unread as YAML, a comment whose first line is a directive holds that one, as a comment of one line would.
  const newline = trimmed.indexOf('\n');
  return newline === -1 ? [] : (readDirectiveLines(trimmed.slice(0, newline)) ?? []);
}

/** The directives of a comment read as YAML, as Marp reads every comment: a map's keys that name directives. */
function readYamlDirectives(text: string): MarpCommentDirective[] {
  const lines = new LineCounter();
  // Keys are not checked for repeats: that check takes time with the square of their number.
  const doc = parseDocument(loosenMarpDirectives(text), { lineCounter: lines, schema: 'core', uniqueKeys: false, prettyErrors: false, customTags: [] });
  // A note that is no YAML map (prose, a list) is a note, as Marp finds no directive in it.
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const found: MarpCommentDirective[] = [];
  for (const pair of doc.contents.items as Pair[]) {
    if (!isScalar(pair.key)) continue;
    const written = String(pair.key.value);
    const key = written.startsWith('$') ? written.slice(1) : written;
    if (!MARP_DIRECTIVES.has(key.replace(/^_/, '')) || (written.startsWith('$') && !MARP_GLOBAL_DIRECTIVES.includes(key))) continue;
    const value = pair.value === null ? null : (pair.value as { toJSON(): unknown }).toJSON();
    // A local directive's text as marp.ts reads it; a list of classes (`class: [a, b]`) is the classes it names.
    const shown = Array.isArray(value) && isSeq(pair.value) ? value.join(' ') : value === null || typeof value === 'object' ? '' : String(value);
    found.push({ key, value, text: `${key}: ${shown}`, offset: lines.linePos(pair.key.range?.[0] ?? 0).line - 1 });
  }
  return found;
}

/** The most text of a deck's comments read as YAML: past it (thousands of long comments), a comment is read line by line only. */
const YAML_BUDGET = 100_000;

/** What a deck's Marp comments hold, each distinct comment read once: the parse reads each comment twice, before the cut and in it. */
export function createMarpCommentReader(): (text: string) => MarpCommentDirective[] {
  const read = new Map<string, MarpCommentDirective[]>();
  let budget = YAML_BUDGET;
  return (text) => {
    let found = read.get(text);
    if (found === undefined) {
      const yaml = text.length <= budget;
      found = readMarpComment(text, yaml);
      if (yaml) budget -= text.length;
      read.set(text, found);
    }
    return found;
  };
}

/** True when a directive, as readMarpComment names it, is a global one, which sets the whole deck. */
export function isMarpGlobalDirective(key: string): boolean {
  return MARP_GLOBAL_DIRECTIVES.includes(key);
}

/** Where a Marp global directive was written in a deck's comments, and what it says. */
export interface MarpGlobalComment {
  key: string;
  value: unknown;
  file: string;
  line: number;
}

/** The global directives a file's whole-line comments hold (`<!-- theme: gaia -->`), in the order written; none from a code block. */
export function readMarpGlobalComments(body: { file: SourceFile; text: string; firstLine: number; lineNumbers?: number[] }, read: (text: string) => MarpCommentDirective[]): MarpGlobalComment[] {
  const lines = body.text.split('\n').map((text, i) => ({ text, number: body.lineNumbers?.[i] ?? body.firstLine + i }));
  const found: MarpGlobalComment[] = [];
  for (const comment of findComments(lines)) {
    const line = lines[comment.from]!.number + comment.skipped;
    for (const d of read(comment.text)) if (isMarpGlobalDirective(d.key)) found.push({ key: d.key, value: d.value, file: body.file.path, line: line + d.offset });
  }
  return found;
}

/**
 * The directive a note comment likely meant: a comment of one `key: value` line whose key, in lower camel case as
 * Marp's are, is near a directive's (`_clas: lead`, `paginat: true`). Marp reads such a comment as a speaker note.
 */
export function guessMarpDirective(text: string): string | undefined {
  const match = /^(_?)([a-z][A-Za-z]*)[ \t]*:[^\n]*$/.exec(text.trim());
  if (!match || MARP_DIRECTIVES.has(match[2]!)) return undefined;
  const meant = suggestClosest(match[2]!, [...MARP_DIRECTIVES].filter((name) => name !== 'fit'), { byPrefix: false });
  return meant === undefined ? undefined : `${match[1]}${meant}`;
}
