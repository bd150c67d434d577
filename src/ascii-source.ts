// A large bundle with a few non-ASCII characters (a dash or a box-drawing line in a comment) is read by Node as UTF-8
// and held by V8 as a two-byte string: playwright-core's two bundles, 7 MB, took about 90 ms to read that way and
// about 25 as one-byte text, on every export. So the first run writes an ASCII copy of such a bundle beside its code
// cache, each of those characters escaped where an escape means the same (in a comment or a string), and later runs
// read the copy as one-byte text. A bundle with such a character anywhere else (a template, a regular expression,
// a name) is read as written: the copy is not made, and a marker says so, so that it is not looked at again.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { makeFolder } from './make-folder.js';
import { pruneCache } from './prune-cache.js';

const require = createRequire(import.meta.url);

/**
 * The source of `file` as ASCII text when an ASCII copy of it can be made (read from `<name>-<key>.js` in `cacheDir`,
 * written there by the first run), else as written. `key` names the version of the file the copy is of.
 */
export function readAsciiSource(file: string, cacheDir: string, name: string, key: string): string {
  const copy = path.join(cacheDir, `${name}-${key}.js`);
  const marker = path.join(cacheDir, `${name}-${key}.none`);
  try {
    return readFileSync(copy, 'latin1');
  } catch {
    // No copy yet, or none to be made: the file as written.
  }
  const source = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/.test(source)) return source;
  // Refused before: read as written, without reading it as JavaScript again.
  if (existsSync(marker)) return source;
  const ascii = escapeToAscii(source);
  try {
    makeFolder(cacheDir);
    const target = ascii === undefined ? marker : copy;
    const temp = `${target}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temp, ascii ?? '', ascii === undefined ? 'utf8' : 'latin1');
    renameSync(temp, target);
    // Copies and markers of earlier versions of the file are never read again: one of each stays.
    pruneCache(cacheDir, `${name}-`, 1, target);
  } catch {
    // A read-only install: every run reads the file as written, as before.
  }
  return ascii ?? source;
}

/** Removes the ASCII copy `readAsciiSource` made, should it not compile. */
export function removeAsciiCopy(cacheDir: string, name: string, key: string): void {
  rmSync(path.join(cacheDir, `${name}-${key}.js`), { force: true });
}

/**
 * `source` with each non-ASCII character escaped (`\u2500`), when every one stands in a comment or a string literal,
 * where the escape means the same; undefined when one stands anywhere else, or the source cannot be read as JavaScript.
 * A comment's extent is acorn's, so a line separator (U+2028) that ends a comment is outside it, and refuses the copy.
 */
export function escapeToAscii(source: string): string | undefined {
  const acorn = require('acorn') as typeof import('acorn');
  const allowed: [number, number][] = [];
  try {
    const tokens = acorn.tokenizer(source, { ecmaVersion: 'latest', allowHashBang: true, onComment: (_block, _text, start, end) => void allowed.push([start, end]) });
    for (const token of tokens) if (token.type === acorn.tokTypes.string) allowed.push([token.start, token.end]);
  } catch {
    return undefined;
  }
  allowed.sort((a, b) => a[0] - b[0]);
  let at = 0;
  let inside = true;
  const escaped = source.replace(/[^\x00-\x7f]/g, (char, offset: number) => {
    while (at < allowed.length && allowed[at]![1] <= offset) at++;
    if (!(at < allowed.length && allowed[at]![0] <= offset)) inside = false;
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return inside ? escaped : undefined;
}
