import { createRequire } from 'node:module';
import { parse as parseYaml } from 'yaml';
import type { BriefingMeta, DeckCitations, IncludedFile } from '../model.js';
import { sanitizeFragment } from './sanitize-fragment.js';
import { namesAddress, resolveIncludePath } from '../include-paths.js';
import { nameHash } from '../name-hash.js';
import { appendAll } from '../append-all.js';

// How a deck's references are read and formatted, as Pandoc's citeproc does it:
// citation-js reads BibTeX, CSL JSON and CSL YAML files (and `references:` in
// the metadata) into CSL items, and citeproc-js formats each citation and the
// list of works cited in the deck's CSL style: the one `csl:` names, else
// Harvard, an author-date style like Pandoc's default (Chicago author-date).
// Every input is read as text of a type given here, never detected: citation-js
// would fetch a file whose text reads as an address. Loaded only for a deck
// with references, since citation-js and citeproc take ~0.2 s to load.

const require = createRequire(import.meta.url);

/** One citation in a group, as the text asked for it. */
export interface CiteItem {
  id: string;
  prefix?: string;
  suffix?: string;
  /** The locator (`33-35`) and its CSL label (`page`, `chapter`, …). */
  locator?: string;
  label?: string;
  /** `-@key`: the year without the author; `author`: the author alone, for `@key` written in the text. */
  mode?: 'suppress-author' | 'author-only';
}

/** A deck's references, ready to format citations and the list of works cited. */
export interface Bibliography {
  /** The ids of every reference, for messages about a key that is not there. */
  readonly ids: readonly string[];
  has(id: string): boolean;
  /** One citation group as HTML: `(Doe 2005, p. 30; Roe 2007)`; null past MAX_CITATIONS different ones, when it stays as written. */
  cite(items: CiteItem[]): string | null;
  /** The list of works cited, as HTML, in the style's order. */
  list(ids: string[]): string;
}

/** A problem with the deck's references: at the metadata line that names them, or at another line (`at`): of a bibliography file, or the metadata's `csl:`. */
export type ReportProblem = (message: string, hint: string, at?: { file?: string; line: number }) => void;

/**
 * The most different citations a deck has formatted: each costs citeproc about half a millisecond, so a hostile
 * deck of short citations would otherwise spend its time limit here. A real deck cites far fewer.
 */
export const MAX_CITATIONS = 1000;

/** citeproc's locales: a deck's language picks the nearest, else US English. */
const LOCALES = ['en-US', 'fr-FR', 'de-DE', 'es-ES', 'nl-NL'];

/**
 * Reads the references a deck names (`bibliography:` files, as the load stage
 * read them, and `references:` in the metadata); null when it names none.
 * Paths are relative to the file holding the metadata (`metaRelPath`).
 * Files that cannot be read or parsed are reported and left out. At most
 * `maxCitations` different citations are formatted (MAX_CITATIONS).
 */
export function readBibliography(citations: DeckCitations, files: readonly IncludedFile[], metaRelPath: string, meta: Pick<BriefingMeta, 'lang'>, report: ReportProblem, maxCitations = MAX_CITATIONS): Bibliography | null {
  const sources: { items: unknown; type: string; name: string; path?: string }[] = [];
  const lookUp = (name: string) => {
    const relPath = resolveIncludePath(metaRelPath, name);
    return relPath === null ? { relPath: name, outside: true as const } : files.find((f) => f.relPath === relPath);
  };
  for (const name of citations.bibliography) {
    const file = lookUp(name);
    if (file && 'outside' in file) {
      report(`the bibliography ${name} is ${namesAddress(name) ? 'an address, which a deck never fetches' : 'outside the briefing folder'}, so its references are left out`, 'copy the file into the briefing folder and name it from there');
      continue;
    }
    if (!file?.file) {
      report(`the bibliography ${name} could not be read (${file?.problem ?? 'not found'}), so its references are left out`, 'name a .bib, .json or .yaml file inside the briefing folder');
      continue;
    }
    const read = readReferenceText(file.file.text, name);
    if ('problem' in read) report(`the bibliography ${name} could not be read: ${read.problem}`, 'BibTeX (.bib), CSL JSON (.json) and CSL YAML (.yaml) are read');
    else sources.push({ ...read, name, path: file.file.path });
  }
  if (citations.references !== undefined) sources.push({ items: citations.references, type: '@csl/list+object', name: 'references:' });
  if (sources.length === 0) return null;
  const { Cite, plugins } = loadCitationJs();
  const items: { id: string }[] = [];
  for (const source of sources) {
    try {
      appendAll(items, new Cite(source.items, { forceType: source.type }).data as { id: string }[]);
    } catch (err) {
      // citation-js names the line of a BibTeX file where it stopped: the message points there.
      const first = (err as Error).message.split('\n')[0]!.replace(/:\s*$/, '');
      const line = /\bat line (\d+)/.exec(first)?.[1];
      const hint = 'fix the entry there; BibTeX entries look like @book{key, author = {…}, title = {…}, year = {…}}';
      report(`the references in ${source.name} could not be read (${first}), so they are left out`, hint, line !== undefined && source.path ? { file: source.path, line: Number(line) } : undefined);
    }
  }
  // Nothing read: the deck's citations stay as written, since every one would be a key with no reference.
  if (items.length === 0) return null;
  const csl = plugins.config.get('@csl');
  /** Where a message about the style goes: the metadata's `csl:` line. */
  const atStyle = citations.cslLine === undefined ? undefined : { line: citations.cslLine };
  let template = 'harvard1';
  if (citations.csl !== undefined) {
    const found = lookUp(citations.csl);
    const style = found && 'file' in found ? found.file?.text : undefined;
    if (style === undefined) {
      const why = found && 'outside' in found ? 'it is not a file inside the briefing folder' : (found?.problem ?? 'not found');
      report(`the citation style ${citations.csl} could not be read (${why}), so the deck's references are in Harvard style`, 'name a .csl file inside the briefing folder', atStyle);
    }
    else {
      // Named by its text: citation-js keeps one citeproc engine per style name, so an edited style needs a new name.
      template = `briefdeck-style-${nameHash(style)}`;
      csl.templates.add(template, style);
    }
  }
  const lang = LOCALES.find((l) => l.slice(0, 2) === meta.lang.slice(0, 2).toLowerCase()) ?? 'en-US';
  // Each source's items are citation-js's already, as CSL: the engine takes them as they are.
  const ids = items.map((item) => item.id);
  const known = new Set(ids);
  // One citeproc engine for the deck: each citation is a cluster it formats, far cheaper than a format() call each.
  let engine: CiteprocEngine;
  try {
    engine = csl.engine(items, template, lang, 'html');
  } catch (err) {
    report(`the citation style ${citations.csl} could not be used (${(err as Error).message.split('\n')[0]}), so the deck's references are in Harvard style`, 'check the .csl file against the CSL schema', atStyle);
    engine = csl.engine(items, 'harvard1', lang, 'html');
  }
  engine.updateItems(ids);
  let failed = false;
  const fail = (err: unknown) => {
    if (!failed) report(`the references could not be formatted: ${(err as Error).message.split('\n')[0]}`, 'check the citation style named by csl:');
    failed = true;
    return '';
  };
  // The same citation formats the same way: each is formatted once, and a deck gets at most `maxCitations` different ones.
  const clusters = new Map<string, string>();
  return {
    ids,
    has: (id) => known.has(id),
    cite(group) {
      const key = JSON.stringify(group);
      const known = clusters.get(key);
      if (known !== undefined) return known;
      if (clusters.size >= maxCitations) return null;
      let html: string;
      try {
        html = cleanHtml(engine.makeCitationCluster(group.map(toCitationItem)));
      } catch (err) {
        html = fail(err);
      }
      clusters.set(key, html);
      return html;
    },
    list(cited) {
      try {
        engine.updateItems(cited);
        const made = engine.makeBibliography();
        return made ? cleanHtml(`${made[0].bibstart}${made[1].join('')}${made[0].bibend}`) : '';
      } catch (err) {
        return fail(err);
      }
    },
  };
}

/** Reads one bibliography file by its name's extension into what citation-js takes, with the type forced. */
function readReferenceText(text: string, name: string): { items: unknown; type: string } | { problem: string } {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  try {
    if (extension === 'bib' || extension === 'bibtex') return { items: text, type: '@bibtex/text' };
    if (extension === 'json') return { items: JSON.parse(text) as unknown, type: '@csl/list+object' };
    if (extension === 'yaml' || extension === 'yml') {
      const data = parseYaml(text, { uniqueKeys: false }) as unknown;
      // Pandoc's CSL YAML is a map with the list under `references:`.
      const list = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as { references?: unknown }).references : data;
      return { items: list, type: '@csl/list+object' };
    }
  } catch (err) {
    return { problem: (err as Error).message.split('\n')[0]! };
  }
  return { problem: `its format (.${extension ?? '?'}) is not one briefdeck reads` };
}

/** A citation in the terms citeproc takes. */
function toCitationItem(item: CiteItem): Record<string, unknown> {
  return {
    id: item.id,
    ...(item.prefix ? { prefix: item.prefix } : {}),
    ...(item.suffix ? { suffix: item.suffix } : {}),
    ...(item.locator ? { locator: item.locator, label: item.label ?? 'page' } : {}),
    ...(item.mode ? { [item.mode]: true } : {}),
  };
}

/** citeproc's HTML, cleaned like raw HTML: a style or a reference is author input too. */
function cleanHtml(html: string): string {
  return sanitizeFragment(html, () => undefined).trim();
}

/** The part of a citeproc engine briefdeck uses. */
interface CiteprocEngine {
  updateItems(ids: string[]): void;
  makeCitationCluster(items: Record<string, unknown>[]): string;
  makeBibliography(): [{ bibstart: string; bibend: string }, string[]] | false;
}

type CitationJs = {
  Cite: new (data: unknown, options: { forceType: string }) => { data: unknown[] };
  plugins: { config: { get(name: '@csl'): { templates: { add(name: string, xml: string): void }; engine(data: unknown[], style: string, lang: string, format: 'html'): CiteprocEngine } } };
};

/** citation-js with its BibTeX and CSL plugins, loaded on first use. */
function loadCitationJs(): CitationJs {
  const core = require('@citation-js/core') as CitationJs;
  require('@citation-js/plugin-bibtex');
  require('@citation-js/plugin-csl');
  return core;
}
