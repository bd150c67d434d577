import os from 'node:os';
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { runCli } from '../src/cli.js';
import { findBrowser } from '../src/find-browser.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const DEFAULT_BRIEFING = path.join(ROOT, 'briefing');
export const BIN = path.join(ROOT, 'bin', 'briefdeck.js');
/** A whole 1×1 PNG: a picture whose header can be read, as a build requires of every raster picture. */
export const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154780163f80f040009fb03fdcf0b68720000000049454e44ae426082', 'hex');

/** How much busier than one job per core the machine is right now, at least 1 and at most 5. */
export const MACHINE_LOAD = Math.min(5, Math.max(1, os.loadavg()[0]! / os.cpus().length));

/** A wait scaled by the machine's load, so a busy shared machine slows a test down instead of failing it. */
export function scaled(ms: number): number {
  return Math.round(ms * MACHINE_LOAD);
}

const found = findBrowser();
/** The browser the browser tests drive, or null when the machine has none. */
export const BROWSER_PATH: string | null = found.path;

/**
 * A fresh empty folder, inside the run's own temp folder when vitest's global setup made one (removed when the
 * run ends), else removed when the process ends.
 */
export function tempDir(prefix = 'briefdeck-test-'): string {
  const root = process.env.BRIEFDECK_TEST_TMP;
  if (root) return mkdtempSync(path.join(root, prefix));
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Copies a fixture (or any folder) into a temp folder and returns the copy's path. */
export function copyToTemp(source: string): string {
  const dir = tempDir();
  const target = path.join(dir, path.basename(source));
  cpSync(source, target, { recursive: true });
  return target;
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCapture(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs the compiled `briefdeck` binary as a user would, in its own process. */
export function runBin(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): { code: number; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: timeoutMs });
  return { code: result.status ?? -1, out: result.stdout, err: result.stderr };
}

/** runBin without blocking the test's thread, so that several processes can run at once (each waits mostly on its browser). */
export function runBinAsync(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, out, err });
    });
  });
}

/** Lists a folder's entries, sorted. */
export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Every fixture folder under `dir` with the expected.json that says what it must produce. */
export function readFixtureCases<T>(dir: string): { name: string; expected: T }[] {
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, expected: JSON.parse(readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as T }));
}

/** Writes a briefing folder `deck/` in a fresh temp folder from file names and contents; returns its path. */
export function writeBriefing(files: Record<string, string | Uint8Array>, name = 'deck'): string {
  const dir = path.join(tempDir(), name);
  mkdirSync(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

let defaultDeck: Promise<import('../src/build-deck.js').BuiltDeck> | undefined;

/**
 * The default briefing built once per test worker and shared by every file
 * that only reads it (test files share a worker's modules: isolate is off).
 * Tests that build it to compare two builds call buildDeck themselves.
 */
export function buildDefaultBriefing(): Promise<import('../src/build-deck.js').BuiltDeck> {
  defaultDeck ??= import('../src/build-deck.js').then(({ buildDeck }) => buildDeck(DEFAULT_BRIEFING));
  return defaultDeck;
}

/** A note's text as the deck shows it (typeset, tags dropped, the five HTML escapes read back), for comparing with what a page or a file shows. */
export function noteText(notes: { html: string }): string {
  return notes.html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

type ParsedNode = { tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: ParsedNode[]; value?: string };
const allNodes = (n: ParsedNode): ParsedNode[] => [n, ...(n.childNodes ?? []).flatMap(allNodes)];
const textOf = (n: ParsedNode): string => (n.value ?? '') + (n.childNodes ?? []).map(textOf).join('');

/** The slide titles of every vertical stack in a built file, read with an HTML parser. */
export function stackTitles(html: string): string[][] {
  const stacks = allNodes(parse(html) as ParsedNode).filter((n) => n.tagName === 'section' && n.attrs?.some((a) => a.name === 'class' && a.value.split(' ').includes('stack')));
  return stacks.map((stack) => (stack.childNodes ?? []).filter((c) => c.tagName === 'section').map((s) => textOf(allNodes(s).find((n) => n.tagName === 'h2')!).trim()));
}
