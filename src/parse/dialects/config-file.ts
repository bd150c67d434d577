// A tool's configuration file beside a deck (reveal-md's `reveal-md.json`, Marp CLI's `.marprc.yml`), read as data:
// its top-level options, each with its line, for messages at that line. JSON is YAML, so one reader serves both.
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import type { DiagnosticBag } from '../../errors.js';
import type { BriefingMeta, SourceFile, ThemeSheet } from '../../model.js';
import { settleTheme } from '../settle-theme.js';
import { typesetPlain } from '../typeset-text.js';
import { possessive } from './peer-keys.js';
import { plainData } from './meta-values.js';

/** A tool's configuration file, read: its top-level options, each with its line. */
export interface ConfigFile {
  file: SourceFile;
  options: { key: string; value: unknown; line: number }[];
}

/** A configuration file's top-level options (JSON or YAML); none, with a warning at its line naming `tool`'s options, when it is not a map that parses. */
export function readConfigFile(file: SourceFile, bag: DiagnosticBag, tool: string): ConfigFile | undefined {
  const lines = new LineCounter();
  // JSON is YAML: yaml's parser gives each key its place, for a message at its line.
  const doc = parseDocument(file.text, { lineCounter: lines, schema: 'core', prettyErrors: false, customTags: [] });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    const line = doc.errors[0] ? lines.linePos(doc.errors[0].pos[0]).line : 1;
    bag.warn('W_META_IGNORED', `${file.relPath} is not ${tool === 'reveal-md' ? 'a JSON object' : 'a map of options'} that can be read, so ${possessive(tool)} options in it do not apply`, { file: file.path, line, hint: doc.errors[0]?.message.split('\n')[0] ?? (tool === 'reveal-md' ? 'write the options as one JSON object: { "separator": "^\\n\\n\\n" }' : 'write the options as one map of YAML or JSON: html: true') });
    return undefined;
  }
  const options = (doc.contents.items as Pair[]).flatMap((pair) => {
    if (!isScalar(pair.key)) return [];
    const value = plainData(pair.value);
    return [{ key: String(pair.key.value), value, line: lines.linePos((pair.key as { range?: [number, number, number] }).range?.[0] ?? 0).line }];
  });
  return { file, options };
}

/**
 * Sets the deck's theme or its title from a configuration file's option, as the front matter's key of that name would
 * (the front matter's own, read after, wins); false for any other option, or a value that is no text.
 */
export function applyThemeOrTitle({ key, value, line }: ConfigFile['options'][number], file: SourceFile, meta: BriefingMeta, bag: DiagnosticBag, themeSheets?: ReadonlyMap<string, ThemeSheet>): boolean {
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
