// Quarto's `{{< include file.qmd >}}`, which puts another file's text in its
// place, Slidev's `src: ./pages/intro.md`, which puts another file's
// slides in a slide's place, and its `<<< @/snippets/a.ts`, which shows a file
// as code. The load stage reads the files they name (the
// file system is its job) and the parse stage reads their lines where they
// stand; both find them, and resolve their paths, through this module.
import path from 'node:path';
import type { IncludedFile, SourceFile } from './model.js';

/** Includes within includes are followed this deep; deeper, or back to a file being read, is the parser's warning. */
export const MAX_INCLUDE_DEPTH = 8;

/**
 * The most text the includes of one file may add, in characters, as much as a file may hold by default: a file that
 * includes another many times, which includes another many times, multiplies at every level, and would grow past
 * any time or memory limit (past it, the includes left are left out, with a warning).
 */
export const MAX_INCLUDED_CHARS = 5 * 1024 * 1024;

/** What is left of a file's MAX_INCLUDED_CHARS as its includes are read. */
export interface IncludeBudget {
  left: number;
}

/** Takes an included file's text from the budget; false, and nothing taken, when it would overdraw it. */
export function spendIncludeBudget(budget: IncludeBudget, text: string): boolean {
  if (text.length > budget.left) return false;
  budget.left -= text.length;
  return true;
}

/** A line that is one include shortcode and nothing else; its path may be quoted. */
const INCLUDE_LINE = /^[ \t]*\{\{<[ \t]*include[ \t]+(?:"([^"\n]+)"|'([^'\n]+)'|([^\s>]+))[ \t]*>\}\}[ \t]*$/;

/** The path an include line names, or null when the line is not one. */
export function readIncludeLine(line: string): string | null {
  if (!line.includes('include')) return null;
  const match = INCLUDE_LINE.exec(line);
  return match ? (match[1] ?? match[2] ?? match[3]!) : null;
}

/** Slidev's code snippet import (parse/dialects/slidev-snippets.ts shows it) as written: the file, the VS Code region to show, the language, and Slidev's code block options. */
export interface SnippetImport {
  /** The file, resolved as an include is: `@/a.ts` is `/a.ts`, from the briefing folder. */
  target: string;
  /** The path as written, for messages. */
  written: string;
  region?: string;
  lang?: string;
  /** Line highlighting and options as a fence takes them (`{2|3}{lines:true}`); `{*}` stands for every line. */
  options?: string;
}

/** A snippet line: `<<<`, the path (with `#region`), then an optional language and `{…}` options. */
const SNIPPET_LINE = /^[ \t]*<<<[ \t]+([^\s#{}]+)(?:#([\w.-]+))?(?:[ \t]+([A-Za-z][\w+-]*))?((?:[ \t]*\{[^{}\n]*\}){0,2})[ \t]*$/;

/** The snippet import a line is, or null when it is not one. */
export function readSnippetLine(line: string): SnippetImport | null {
  if (!line.includes('<<<')) return null;
  const match = SNIPPET_LINE.exec(line);
  if (!match) return null;
  const [, path, region, lang, options] = match;
  return {
    target: path!.startsWith('@/') ? path!.slice(1) : path!,
    written: path!,
    ...(region ? { region } : {}),
    ...(lang ? { lang } : {}),
    ...(options?.trim() ? { options: options.trim().replace(/^\{\*\}/, '{all}') } : {}),
  };
}

/** Slidev's `src: ./pages/intro.md` in a slide's front matter; found on any line, since the loader cannot tell front matter apart. */
const SRC_LINE = /^src[ \t]*:[ \t]*(["']?)([^"'\s][^"'\n]*?)\1[ \t]*$/;

/** The file a Slidev `src:` line names, and the slides of it a `#2,5-7` picks (as written); undefined for any other line. */
export function readSrcLine(line: string): { target: string; picks?: string } | undefined {
  const written = SRC_LINE.exec(line)?.[2];
  if (written === undefined) return undefined;
  const hash = written.indexOf('#');
  return hash === -1 ? { target: written } : { target: written.slice(0, hash), picks: written.slice(hash + 1) };
}

/** GitPitch's delimiter that takes its slide from a file: its Markdown (`---?include=md/intro.md`) or its code (`---?code=src/a.py`). */
const GITPITCH_FILE = /^---\?(?:[a-z]+=[^&\n]*&)*(include|code)=([^&\s]+)/;

/** The file a GitPitch delimiter's slide comes from, and whether it is Markdown to read or code to show; null for any other line. */
export function readGitPitchFile(line: string): { target: string; kind: 'include' | 'code' } | null {
  const match = line.startsWith('---?') ? GITPITCH_FILE.exec(line) : null;
  return match ? { target: match[2]!, kind: match[1] as 'include' | 'code' } : null;
}

/** presenterm's include command, `<!-- include: a.md -->`, which its module (parse/dialects/presenterm.ts) reads as Quarto's include. */
const PRESENTERM_INCLUDE = /^[ \t]*<!--[ \t]*include[ \t]*:[ \t]*([^\s"][^"\n]*?)[ \t]*-->[ \t]*$/;

/** reveal.js's `<section data-markdown="slides.md">`, which takes its slides from that file: found by its attribute, since the loader does not parse HTML (the parser does, dialects/reveal-html.ts). */
const DATA_MARKDOWN = /\bdata-markdown[ \t\n]*=[ \t\n]*(?:"([^"\n]+)"|'([^'\n]+)'|([^\s"'=<>`]+))/gi;

/** A style's `@import` of a style sheet by its path (`@import 'assets/custom.css';`, `@import url(a.css)`); an address resolves to no path, and is never read. */
const STYLE_IMPORT = /@import[ \t]+(?:url\([ \t]*)?(["']?)([^"'()\s;]+\.css)\1/gi;

/**
 * Every path a file's include lines (`quarto`, GitPitch's `---?include=` too), Slidev's `src:` lines (`slidev`), its code
 * snippet imports (`snippet`, files shown as code, never read for includes of their own, GitPitch's `---?code=` too),
 * reveal.js's `data-markdown` attributes (`reveal`) and its styles' `@import`s (`style`, read by parse/style-imports.ts) name, in order.
 */
export function findIncludes(text: string): { target: string; by: 'quarto' | 'slidev' | 'reveal' | 'snippet' | 'style' }[] {
  const sections = [
    ...(text.includes('data-markdown') ? [...text.matchAll(DATA_MARKDOWN)].map((m) => ({ target: (m[1] ?? m[2] ?? m[3]!).trim(), by: 'reveal' as const })) : []),
    ...(text.includes('@import') ? [...text.matchAll(STYLE_IMPORT)].map((m) => ({ target: m[2]!, by: 'style' as const })) : []),
  ];
  if (!text.includes('{{<') && !text.includes('src:') && !text.includes('<<<') && !text.includes('---?') && !text.includes('include:')) return sections;
  return [
    ...text.split('\n').flatMap((line): { target: string; by: 'quarto' | 'slidev' | 'snippet' }[] => {
      const target = readIncludeLine(line);
      if (target !== null) return [{ target, by: 'quarto' }];
      const presenterm = PRESENTERM_INCLUDE.exec(line)?.[1];
      if (presenterm !== undefined) return [{ target: presenterm, by: 'quarto' }];
      const gitpitch = readGitPitchFile(line);
      if (gitpitch !== null) return [{ target: gitpitch.target, by: gitpitch.kind === 'code' ? 'snippet' : 'quarto' }];
      const snippet = readSnippetLine(line);
      if (snippet !== null) return [{ target: snippet.target, by: 'snippet' }];
      const src = readSrcLine(line)?.target;
      return src === undefined || src === '' ? [] : [{ target: src, by: 'slidev' }];
    }),
    ...sections,
  ];
}

/** What an include finds, read from the innermost of the files being read (`reading`, the outermost first): the file, or why not. */
export type IncludeLookup = { found: IncludedFile & { file: SourceFile } } | { problem: 'outside' | 'missing' | 'unreadable' | 'itself' | 'too deep'; detail?: string };

/** What each problem of an include means, said of the file it names. */
const INCLUDE_PROBLEMS: Record<Extract<IncludeLookup, { problem: unknown }>['problem'], (detail?: string) => string> = {
  outside: () => 'is outside the briefing folder',
  missing: () => 'is not in the briefing folder',
  unreadable: (detail) => `could not be read (${detail})`,
  itself: () => 'includes itself',
  'too deep': () => 'is included too deep',
};

/** The warning for an include that found no file: `target` as written, `named` what named it ("Quarto's include"). */
export function describeIncludeProblem(target: string, named: string, lookup: Extract<IncludeLookup, { problem: unknown }>): string {
  return `the file ${target} that ${named} names ${INCLUDE_PROBLEMS[lookup.problem](lookup.detail)}, so it was left out${lookup.problem === 'itself' || lookup.problem === 'too deep' ? ' there' : ''}`;
}

/** Looks an include up among the files the load stage read (`includes`, by path in the briefing folder). */
export function lookUpInclude(target: string, reading: readonly string[], includes: ReadonlyMap<string, IncludedFile>): IncludeLookup {
  const relPath = resolveIncludePath(reading.at(-1)!, target);
  if (relPath === null) return { problem: 'outside' };
  const found = includes.get(relPath);
  if (!found?.file) return found?.problem ? { problem: 'unreadable', detail: found.problem } : { problem: 'missing' };
  if (reading.includes(relPath)) return { problem: 'itself' };
  if (reading.length > MAX_INCLUDE_DEPTH) return { problem: 'too deep' };
  return { found: found as IncludedFile & { file: SourceFile } };
}

/**
 * A file's text with each include line replaced by the text of the file it
 * names, and theirs, as deep as includes are read: what the deck-wide
 * prescans (headings, labels, a tool's own lines) read. An include that
 * cannot be found stays as it is.
 */
export function expandIncludes(text: string, reading: string[], includes: ReadonlyMap<string, IncludedFile>, budget: IncludeBudget = { left: MAX_INCLUDED_CHARS }): string {
  if (includes.size === 0 || !text.includes('{{<')) return text;
  return text
    .split('\n')
    .map((line) => {
      const target = readIncludeLine(line);
      const lookup = target === null ? null : lookUpInclude(target, reading, includes);
      return lookup && 'found' in lookup && spendIncludeBudget(budget, lookup.found.file.text) ? expandIncludes(lookup.found.file.text, [...reading, lookup.found.relPath], includes, budget) : line;
    })
    .join('\n');
}

/** Whether a name a file links to is an address (`https:`, `data:`, any scheme), which is never read. */
export function namesAddress(target: string): boolean {
  return /^[a-z][\w+.-]*:/i.test(target);
}

/**
 * Where an include in the file at `fromRelPath` leads, as a path relative to
 * the briefing folder with forward slashes: relative to the including file,
 * or to the folder itself when it starts with `/` (Quarto's project root).
 * Null when it leads outside the folder or names an address.
 */
export function resolveIncludePath(fromRelPath: string, target: string): string | null {
  if (namesAddress(target) || target.includes('\0')) return null;
  const posix = target.replace(/\\/g, '/');
  const joined = path.posix.normalize(posix.startsWith('/') ? posix.slice(1) : path.posix.join(path.posix.dirname(fromRelPath), posix));
  return joined === '..' || joined.startsWith('../') || joined.startsWith('/') || joined === '.' ? null : joined;
}
