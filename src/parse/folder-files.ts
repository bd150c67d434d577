// A folder briefing's Markdown files: which are read and in what order (`files:` in the metadata), and the
// front matter a file brought from another tool opens with, read only to know that tool.
import path from 'node:path';
import { suggestClosest } from '../did-you-mean.js';
import { DiagnosticBag } from '../errors.js';
import type { BriefingMeta, LoadedBriefing, SourceFile } from '../model.js';
import { parseMeta } from './parse-meta.js';
import { splitFrontMatter } from './split-front-matter.js';

/**
 * Applies `files:` from the metadata: those files, in that order, subfolders
 * included; without it, every top-level file by name. A file that ends up
 * unread is a warning, never silently dropped; so is a file listed twice,
 * whose slides show twice. `lineOf` gives the line of the list's i-th item.
 */
export function orderFiles(files: SourceFile[], nested: SourceFile[], order: string[] | undefined, location: { file: string; line: number }, bag: DiagnosticBag, lineOf: (item: number) => number | undefined = () => undefined): SourceFile[] {
  const skip = (file: SourceFile, why: string) => bag.warn('W_FILE_SKIPPED', `${file.relPath} ${why} and is left out`, { file: file.path, hint: `list it in \`files:\` in the metadata (files: [${file.relPath}]), or delete it` });
  if (!order) {
    for (const file of nested) skip(file, 'is in a subfolder');
    return files;
  }
  const byName = new Map([...files, ...nested].map((f) => [f.relPath, f]));
  const ordered: SourceFile[] = [];
  for (const [i, name] of order.entries()) {
    const at = { ...location, line: lineOf(i) ?? location.line };
    const file = byName.get(name);
    if (!file) {
      const here = [...byName.keys()];
      const meant = suggestClosest(name, here);
      bag.error('E_META', `"files" lists ${name}, which is not a Markdown file in the briefing folder`, { ...at, hint: `${meant === undefined ? '' : `did you mean ${meant}? `}files here: ${here.join(', ')}` });
    }
    else {
      if (ordered.includes(file)) bag.warn('W_FILE_REPEATED', `"files" lists ${name} more than once, so its slides show again here`, { ...at, hint: 'list each file once, unless its slides are meant to show twice' });
      ordered.push(file);
    }
  }
  for (const file of byName.values()) if (!order.includes(file.relPath)) skip(file, 'is not listed in "files"');
  return ordered;
}

/** The folder a briefing's messages name when no file fits: the one its metadata or first file is in. */
export function displayRoot(loaded: LoadedBriefing): string {
  const first = loaded.metaFile ?? loaded.markdownFiles[0];
  return first ? path.dirname(first.path) : loaded.name;
}

/**
 * A folder briefing's Markdown file that opens with YAML front matter (a deck
 * brought from Marp, Slidev or Quarto): the tools its keys belong to are noted,
 * so their syntax is read; its keys are one warning, since deck settings live
 * in briefing.yml. Returns the body after it, or null when the file has none.
 */
export function readFileFrontMatter(file: SourceFile, meta: BriefingMeta, bag: DiagnosticBag): { file: SourceFile; text: string; firstLine: number } | null {
  // Front matter, not a slide separator: `---`, then `key: value` lines, then `---`.
  const block = /^---[ \t]*\n((?:[A-Za-z][\w-]*:[^\n]*\n(?:[ \t]+[^\n]*\n)*)+)(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(file.text);
  if (!block) return null;
  const local = new DiagnosticBag();
  const split = splitFrontMatter(file, local);
  if (!split.meta) return null;
  const own = parseMeta(split.meta, file.path, local).meta;
  for (const tool of own.peerTools) if (!meta.peerTools.includes(tool)) meta.peerTools.push(tool);
  const keys = [...block[1]!.matchAll(/^([A-Za-z][\w-]*):/gm)].map((m) => m[1]!);
  bag.warn('W_META_IGNORED', `${file.path} opens with its own front matter (${keys.join(', ')}); it is read only to know the tool it was written for`, {
    file: file.path,
    line: 1,
    hint: 'deck settings (title, theme, size, …) belong in briefing.yml',
  });
  return { file, text: split.body, firstLine: split.bodyLine };
}
