// A tool's configuration file beside a deck (reveal-md's `reveal-md.json`, Marp CLI's `.marprc.yml`), read as data:
// its top-level options, each with its line, for messages at that line. JSON is YAML, so one reader serves both.
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import type { DiagnosticBag } from '../../errors.js';
import type { BriefingMeta, SourceFile, ThemeSheet } from '../../model.js';
import { settleTheme } from '../settle-theme.js';
import { typesetPlain } from '../typeset-text.js';
import { possessive } from './peer-keys.js';
import { plainData } from './meta-values.js';

/** One option of a configuration file, with its line; a map's own options (Marp CLI's `options:`) each with theirs. */
export interface ConfigOption {
  key: string;
  value: unknown;
  line: number;
  entries?: ConfigOption[];
}

/** A tool's configuration file, read: its top-level options, each with its line. */
export interface ConfigFile {
  file: SourceFile;
  options: ConfigOption[];
}

/**
 * A configuration file's top-level options (JSON or YAML); none, with a warning at its line naming `tool`'s options, when it is not a map that parses.
 * With `under`, the options are those of that key of the file (Marp CLI's `"marp"` in package.json), and a file without the key, or that does not parse, holds none, silently: it is another tool's file.
 */
export function readConfigFile(file: SourceFile, bag: DiagnosticBag, tool: string, under?: string): ConfigFile | undefined {
  const lines = new LineCounter();
  // JSON is YAML: yaml's parser gives each key its place, for a message at its line.
  const doc = parseDocument(file.text, { lineCounter: lines, schema: 'core', prettyErrors: false, customTags: [] });
  const lineOf = (node: unknown) => lines.linePos((node as { range?: [number, number, number] }).range?.[0] ?? 0).line;
  let options: unknown = doc.contents;
  if (under !== undefined) {
    const pair = doc.errors.length === 0 && isMap(doc.contents) ? (doc.contents.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === under) : undefined;
    if (!pair) return undefined;
    if (!isMap(pair.value)) {
      bag.warn('W_META_IGNORED', `"${under}" in ${file.relPath} is not a map of options, so ${possessive(tool)} options in it do not apply`, { file: file.path, line: lineOf(pair.key), hint: `write the options as one JSON object: "${under}": { "html": true }` });
      return undefined;
    }
    options = pair.value;
  } else if (doc.errors.length > 0 || !isMap(doc.contents)) {
    const line = doc.errors[0] ? lines.linePos(doc.errors[0].pos[0]).line : 1;
    bag.warn('W_META_IGNORED', `${file.relPath} is not ${tool === 'reveal-md' ? 'a JSON object' : 'a map of options'} that can be read, so ${possessive(tool)} options in it do not apply`, { file: file.path, line, hint: doc.errors[0]?.message.split('\n')[0] ?? (tool === 'reveal-md' ? 'write the options as one JSON object: { "separator": "^\\n\\n\\n" }' : 'write the options as one map of YAML or JSON: html: true') });
    return undefined;
  }
  /** A map's options, each with its line, and a map's own options with theirs. */
  const readOptions = (map: unknown): ConfigOption[] =>
    isMap(map)
      ? (map.items as Pair[]).flatMap((pair) => {
          if (!isScalar(pair.key)) return [];
          return [{ key: String(pair.key.value), value: plainData(pair.value), line: lineOf(pair.key), ...(isMap(pair.value) ? { entries: readOptions(pair.value) } : {}) }];
        })
      : [];
  return { file, options: readOptions(options) };
}

/**
 * Sets the deck's theme or its title from a configuration file's option, as the front matter's key of that name would
 * (the front matter's own, read after, wins); false for any other option, or a value that is no text.
 */
export function applyThemeOrTitle({ key, value, line }: ConfigOption, file: SourceFile, meta: BriefingMeta, bag: DiagnosticBag, themeSheets?: ReadonlyMap<string, ThemeSheet>): boolean {
  const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  if (text === undefined) return false;
  if (key === 'theme') {
    meta.theme = text;
    // Named by this file, at its line, for a message about it later (a theme file that cannot be read), unless the front matter names its own.
    meta.keyLines.theme = line;
    (meta.keyFiles ??= {}).theme = file.path;
    // Settled here, at this file's line: the front matter's own theme, if it names one, is settled again at its own.
    settleTheme(meta, { file: file.path, line }, bag, themeSheets);
    return true;
  }
  // The page's title, as the front matter's `title:` is.
  if (key === 'title') {
    meta.title = meta.smartypants ? typesetPlain(text, meta.lang) : text;
    return true;
  }
  return false;
}
