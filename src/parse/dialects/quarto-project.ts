// Quarto's project and folder metadata (`_quarto.yml`, `_metadata.yml` beside a deck) set options for every document of
// the project, a deck's theme or slide numbers among them. briefdeck reads a deck's own front matter only: a project
// file's options that would reach the deck are named in a warning at their line, so a deck that looks other than in
// Quarto says why, and the options can be copied into its front matter. What only Quarto's project uses is not named.
// The project's variables (`_variables.yml`) are read: they are text the deck shows, through `{{< var name >}}`.
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import type { DiagnosticBag } from '../../errors.js';
import type { SourceFile } from '../../model.js';

/** Keys that configure the project, its site or its code, never a deck's look or text. */
const PROJECT_ONLY = new Set(['project', 'website', 'book', 'manuscript', 'profile', 'freeze', 'execute', 'engine', 'jupyter', 'knitr', 'filters', 'lang-dir', 'metadata-files', 'crossref', 'editor', 'brand']);

/**
 * Warns at each key of a Quarto project or folder metadata file that would set a deck option, which briefdeck does not
 * read from there; `deckYaml` is the deck's own front matter, whose keys win in Quarto too and are not named.
 */
export function warnQuartoProjectOptions(files: readonly SourceFile[], deck: SourceFile, deckYaml: string, bag: DiagnosticBag): void {
  const own = readKeys(deckYaml);
  for (const file of files.filter((f) => QUARTO_OPTIONS_FILE.test(f.relPath))) {
    const lines = new LineCounter();
    const doc = parseDocument(file.text, { lineCounter: lines, schema: 'core', uniqueKeys: false, prettyErrors: false, customTags: [] });
    // A file Quarto could not read either sets nothing; its errors are Quarto's to report.
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    for (const pair of doc.contents.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key === '' || PROJECT_ONLY.has(key) || (key !== 'format' && own.keys.has(key))) continue;
      const options = key === 'format' ? readRevealOptions(pair.value)?.filter((option) => !own.revealOptions.has(option)) : [];
      // Another format's options (`format: html:`) never reach a deck, nor those the deck sets itself.
      if (key === 'format' && (options === undefined || (options.length === 0 && own.keys.has('format')))) continue;
      const named = key === 'format' ? `format: revealjs${options!.length > 0 ? ` (${options!.join(', ')})` : ''}` : key;
      const line = lines.linePos((pair.key as { range?: [number, number, number] }).range?.[0] ?? 0).line;
      bag.warn('W_META_IGNORED', `Quarto's ${file.relPath} sets ${named} for every document of its folder; briefdeck reads only ${deck.relPath}'s own front matter, so it does not apply`, {
        file: file.path,
        line,
        hint: `copy what the deck needs into the front matter of ${deck.relPath}`,
      });
    }
  }
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
