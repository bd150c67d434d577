// Quarto's project and folder metadata (`_quarto.yml`, then `_metadata.yml`, beside a deck) set options for every
// document of the project, under each document's own front matter, whose keys win. briefdeck reads them so too: their
// `format: revealjs:` options, their options written at the top (`theme:`, `slide-number:`), and the deck's title,
// author, date and language, each as the front matter's key of that name would be, and named at its own line when
// briefdeck leaves it out. What only Quarto's project uses (its site, its code) is passed over.
// The project's variables (`_variables.yml`) are read: they are text the deck shows, through `{{< var name >}}`.
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import type { DiagnosticBag } from '../../errors.js';
import type { BriefingMeta, SourceFile } from '../../model.js';
import { applyFromFile } from '../key-source.js';
import { LANGUAGE_TAG, setSchemaValue } from '../meta-schema.js';
import { applyPeerKey } from './front-matter.js';
import { plainData } from './meta-values.js';

/** Keys that configure the project, its site or its code, never a deck's look or text. */
const PROJECT_ONLY = new Set(['project', 'website', 'book', 'manuscript', 'profile', 'freeze', 'execute', 'engine', 'jupyter', 'knitr', 'filters', 'lang-dir', 'metadata-files', 'editor', 'brand']);

/** briefdeck's own keys a project file sets as the deck's front matter does: its text and its language. */
const DECK_TEXT_KEYS = new Set(['title', 'subtitle', 'author', 'date', 'lang']);

/**
 * Quarto's project and folder metadata among the files beside a deck, for parseMeta: what sets the metadata before the
 * deck's front matter (`deckYaml`) does. Keys and `format: revealjs:` options the deck sets itself are passed over, as
 * Quarto's deck would; each one briefdeck does not read is named at its line in its file.
 */
export function readQuartoProject(files: readonly SourceFile[], deckYaml: string, bag: DiagnosticBag): { beneath?: (meta: BriefingMeta) => void } {
  // The project's file first, then the folder's: the nearer file wins, as in Quarto.
  const project = files.filter((f) => QUARTO_OPTIONS_FILE.test(f.relPath)).sort((a, b) => Number(a.relPath.includes('_metadata.')) - Number(b.relPath.includes('_metadata.')));
  if (project.length === 0) return {};
  const own = readKeys(deckYaml);
  return { beneath: (meta) => project.forEach((file) => applyProjectFile(file, own, meta, bag)) };
}

/** Sets the deck's metadata from one project file's keys, and names each it leaves out at its line. */
function applyProjectFile(file: SourceFile, own: ReturnType<typeof readKeys>, meta: BriefingMeta, bag: DiagnosticBag): void {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, schema: 'core', uniqueKeys: false, prettyErrors: false, customTags: [] });
  // A file Quarto could not read either sets nothing; its errors are Quarto's to report.
  if (doc.errors.length > 0 || !isMap(doc.contents)) return;
  for (const pair of doc.contents.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    // Quarto merges a map's keys, the deck's over the project's: `format:` options, and `crossref:` and `language:` words, which the deck's set one by one after these.
    if (key === '' || PROJECT_ONLY.has(key) || (key !== 'format' && key !== 'crossref' && key !== 'language' && own.keys.has(key))) continue;
    const line = lines.linePos((pair.key as { range?: [number, number, number] }).range?.[0] ?? 0).line;
    const value = plainData(pair.value);
    let applied: boolean | string[];
    if (key === 'format') {
      // Another format's options (`format: html:`) never reach a deck, nor those the deck sets itself.
      if (readRevealOptions(pair.value) === undefined) continue;
      const options = Object.entries(revealOptionsOf(value)).filter(([option]) => !own.revealOptions.has(option));
      if (options.length === 0) continue;
      applied = applyFromFile(meta, file.path, () => applyPeerKey('format', { revealjs: Object.fromEntries(options) }, meta, line));
    } else {
      applied = applyFromFile(meta, file.path, () => applyProjectKey(key, value, meta, line));
    }
    if (applied === true) continue;
    const what = applied === false ? 'ignores it' : `reads part of it and ignores ${applied.join(', ')}`;
    bag.warn('W_META_IGNORED', `Quarto's ${file.relPath} sets "${key}" for every document of its folder; briefdeck ${what}`, {
      file: file.path,
      line,
      hint: 'remove it, or keep it for the deck to stay usable in Quarto',
    });
  }
}

/**
 * Sets one top-level key of a project file as the deck's front matter would: the deck's title, author, date and language,
 * else a key Quarto reads at the top of a deck's front matter, or a `format: revealjs:` option written at the top, which
 * reaches every format; false when briefdeck reads none of it.
 */
function applyProjectKey(key: string, value: unknown, meta: BriefingMeta, line: number): boolean | string[] {
  if (DECK_TEXT_KEYS.has(key)) {
    // A language the deck could not take is left out here, where it is named, rather than refused as the deck's own.
    const lang = key === 'lang' && typeof value === 'string' ? value.replace(/_/g, '-') : undefined;
    if (key === 'lang' && !(lang && LANGUAGE_TAG.test(lang))) return false;
    if (!setSchemaValue(meta, key, lang ?? value, () => value, () => undefined)) return false;
    meta.keyLines[key] = line;
    return true;
  }
  // Quarto's theme (`[default, custom.scss]`), not briefdeck's theme name.
  const atTop = key === 'theme' ? false : applyPeerKey(key, value, meta, line);
  if (atTop !== false) return atTop;
  const asOption = applyPeerKey('format', { revealjs: { [key]: value } }, meta, line);
  return Array.isArray(asOption) && asOption.length === 1 && asOption[0] === key ? false : asOption;
}

/** The options of `format: revealjs:` as plain data (none for `format: revealjs` alone). */
function revealOptionsOf(format: unknown): Record<string, unknown> {
  const reveal = typeof format === 'object' && format !== null ? (format as Record<string, unknown>).revealjs : undefined;
  return typeof reveal === 'object' && reveal !== null && !Array.isArray(reveal) ? (reveal as Record<string, unknown>) : {};
}

/** Quarto's project and folder metadata files, which set options (the folder may hold other tools' files too). */
const QUARTO_OPTIONS_FILE = /(?:^|\/)_(?:quarto|metadata)\.ya?ml$/;

/** Quarto's file of variables, which sets no option. */
const VARIABLES_FILE = /(?:^|\/)_variables\.ya?ml$/;

/**
 * The variables of Quarto's `_variables.yml` among the project files, by dotted name (`engine.version`), each a scalar's
 * text (a list or map is reached only through its members' names); undefined when there is none. A file that does not
 * parse is named at its first problem, and gives none.
 */
export function readQuartoVariables(files: readonly SourceFile[], bag: DiagnosticBag): Record<string, string> | undefined {
  const file = files.find((f) => VARIABLES_FILE.test(f.relPath));
  if (!file) return undefined;
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, schema: 'core', prettyErrors: false, customTags: [] });
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    const line = doc.errors[0] ? lines.linePos(doc.errors[0].pos[0]).line : 1;
    bag.warn('W_META_IGNORED', `Quarto's ${file.relPath} is not a map of variables that YAML can read, so {{< var >}} shows none of it`, { file: file.path, line, hint: doc.errors[0]?.message.split('\n')[0] ?? 'write each variable as name: value' });
    return undefined;
  }
  const variables: Record<string, string> = {};
  const visit = (value: unknown, name: string, depth: number) => {
    if (isScalar(value)) {
      if (value.value !== null) variables[name] = String(value.value);
    } else if (isMap(value) && depth < 8) {
      for (const pair of value.items as Pair[]) if (isScalar(pair.key)) visit(pair.value, name === '' ? String(pair.key.value) : `${name}.${String(pair.key.value)}`, depth + 1);
    }
  };
  visit(doc.contents, '', 0);
  return variables;
}

/** The option names of `format: revealjs:` (none for `format: revealjs` alone); undefined when the format is another. */
function readRevealOptions(value: unknown): string[] | undefined {
  if (isScalar(value)) return value.value === 'revealjs' ? [] : undefined;
  if (!isMap(value)) return undefined;
  const reveal = (value.items as Pair[]).find((pair) => isScalar(pair.key) && pair.key.value === 'revealjs');
  if (!reveal) return undefined;
  return isMap(reveal.value) ? (reveal.value.items as Pair[]).map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')).filter(Boolean) : [];
}

/** The top-level keys of a front matter, and the options its `format: revealjs:` names. */
function readKeys(yaml: string): { keys: Set<string>; revealOptions: Set<string> } {
  const doc = parseDocument(yaml, { schema: 'core', uniqueKeys: false, prettyErrors: false, customTags: [] });
  if (!isMap(doc.contents)) return { keys: new Set(), revealOptions: new Set() };
  const pairs = doc.contents.items as Pair[];
  const format = pairs.find((pair) => isScalar(pair.key) && pair.key.value === 'format');
  return { keys: new Set(pairs.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''))), revealOptions: new Set((format && readRevealOptions(format.value)) ?? []) };
}
