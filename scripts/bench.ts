// `npm run bench`: whole-process timings and output sizes. Prints a table and
// writes only into a temp folder, never into the repository.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDeck } from '../src/build-deck.js';
import { findBrowser } from '../src/find-browser.js';
import { DEV_EVENTS_PATH } from '../src/bundle/bundle-deck.js';
import { startDevServer } from '../src/dev-server.js';

const USAGE = `briefdeck bench: whole-process timings, as ratios to \`node -e 0\` and, when one is named, to a peer tool run side by side

usage: npm run bench [-- --help]

  Takes about six minutes with a peer named, less without; prints one table and writes only into a temp folder.

  BENCH_PEER       a peer's build command, with {in} and {out} for the deck and the file it writes
                   (for example BENCH_PEER='npx @marp-team/marp-cli {in} -o {out}'); never installed here
  BENCH_PEER_PDF   the same for the peer's PDF export ('npx @marp-team/marp-cli --pdf {in} -o {out}')
  -h, --help       show this help`;

// Asked for help, or given something it does not take, the bench says so and runs nothing: a run takes minutes.
const given = process.argv.slice(2);
if (given.some((arg) => arg === '-h' || arg === '--help')) {
  console.log(USAGE);
  process.exit(0);
}
if (given.length > 0) {
  console.error(`error: the bench takes no arguments, but was given ${given.join(' ')}\n  hint: name a peer with BENCH_PEER (see npm run bench -- --help)`);
  process.exit(2);
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'briefdeck.js');
const work = mkdtempSync(path.join(tmpdir(), 'briefdeck-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

interface Row {
  what: string;
  runs: number;
  median: number;
  min: number;
  max: number;
  note: string;
}

/** Times a whole `briefdeck` process: one warm-up, then `runs` measured runs. */
function timeProcess(args: string[], runs: number, env: NodeJS.ProcessEnv = {}, bare = false): number[] {
  const once = () => timeOnce(args, env, bare);
  once();
  return Array.from({ length: runs }, once);
}

/** Times one whole `briefdeck` process (or, `bare`, one `node` process with these arguments). */
function timeOnce(args: string[], env: NodeJS.ProcessEnv = {}, bare = false): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, bare ? args : [BIN, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, ...env } });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`briefdeck ${args.join(' ')} failed:\n${result.stderr}`);
  return ms;
}

function summarise(what: string, samples: number[], note = ''): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { what, runs: samples.length, median, min: sorted[0]!, max: sorted.at(-1)!, note };
}

/** Writes a briefing with `slides` content slides in sections of ten, each with a list and notes. */
function generateBriefing(slides: number): string {
  const dir = path.join(work, `generated-${slides}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'briefing.yml'), `title: Generated briefing of ${slides} slides\nbottomLine: A benchmark deck.\n`);
  let md = '';
  for (let i = 0; i < slides; i++) {
    if (i % 10 === 0) md += `# Section ${i / 10 + 1}\n\n`;
    md += `## Slide ${i + 1}: a heading of ordinary length\n\n- First point with **bold** and *italic* text\n- Second point with a [link](https://example.org)\n- Third point\n  - A nested point\n\n| Year | Value |\n|---|---|\n| 2019 | ${i} |\n\nNote: Speaker notes for slide ${i + 1}. Two sentences.\n\n`;
  }
  writeFileSync(path.join(dir, 'slides.md'), md);
  return dir;
}

/** Writes a briefing of `charts` chart slides, cycling through every chart type, from inline rows; another `variant` has other values, so none of its charts was drawn before. */
function generateChartBriefing(charts: number, variant = 0): string {
  const dir = path.join(work, `charts-${charts}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'briefing.yml'), `title: ${charts} charts\n`);
  const types = ['column', 'bar', 'line', 'area', 'pie', 'scatter', 'stacked-bar'];
  let md = '';
  for (let i = 0; i < charts; i++) {
    const type = types[i % types.length]!;
    const fields = type === 'scatter' ? 'x: n\ny: value\n' : type === 'area' || type === 'stacked-bar' ? 'x: category\ny: value\nseries: group\n' : 'x: category\ny: value\n';
    const rows = Array.from({ length: 8 }, (_, j) => `  - {category: "C${j}", value: ${j * 3 + (i % 5) + variant}, group: "G${j % 2}", n: ${j}}`).join('\n');
    md += `## Chart ${i + 1}\n\n\`\`\`chart\ntype: ${type}\n${fields}data:\n${rows}\n\`\`\`\n\n`;
  }
  writeFileSync(path.join(dir, 'slides.md'), md);
  return dir;
}

/** Writes one Markdown file of `slides` slides that briefdeck and other Markdown slide tools (Marp, reveal-md) all read: front matter, then `---` between slides. */
function generateSingleFile(slides: number): string {
  const file = path.join(work, `single-${slides}.md`);
  const body = Array.from({ length: slides }, (_, i) => `## Slide ${i + 1}: a heading of ordinary length\n\n- First point with **bold** and *italic* text\n- Second point\n- Third point\n`).join('\n---\n\n');
  writeFileSync(file, `---\ntitle: Generated deck of ${slides} slides\n---\n\n${body}`);
  return file;
}

/**
 * Runs two commands alternately, `runs` times each after one warm-up of each, so both see the same machine; returns their times.
 * The peer is a shell command line, or arguments for a bare `node` (no shell in between to time).
 */
function timeSideBySide(ours: string[], peer: string | string[], runs: number): { ours: number[]; peer: number[] } {
  const result = { ours: [] as number[], peer: [] as number[] };
  const runPeer = () => {
    if (Array.isArray(peer)) return timeOnce(peer, {}, true);
    const start = performance.now();
    const done = spawnSync(peer, { cwd: work, shell: true, encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`peer command failed: ${peer}\n${done.stderr}`);
    return performance.now() - start;
  };
  timeOnce(ours);
  runPeer();
  for (let i = 0; i < runs; i++) {
    result.ours.push(timeOnce(ours));
    result.peer.push(runPeer());
  }
  return result;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const rows: Row[] = [];
const RUNS = 7;

// The yardstick: starting Node itself, timed in the same run, so every row also reads as a multiple of it on a busy machine.
const baseline = summarise('node -e 0 (baseline: Node start-up)', timeProcess(['-e', '0'], RUNS, {}, true));
rows.push(baseline);

// Side by side with a peer tool, when one is named: BENCH_PEER="npx @marp-team/marp-cli {in} -o {out}" (and BENCH_PEER_PDF for PDF).
// The project never installs a peer; {in} is a single Markdown file both tools read, {out} a path in the temp folder.
const sideBySide: string[] = [];
for (const [variable, kind] of [['BENCH_PEER', 'html'], ['BENCH_PEER_PDF', 'pdf']] as const) {
  const peer = process.env[variable];
  if (!peer) continue;
  for (const slides of [14, 500]) {
    const input = generateSingleFile(slides);
    const out = (who: string) => path.join(work, `${who}-${slides}.${kind}`);
    const command = kind === 'html' ? 'build' : 'pdf';
    const times = timeSideBySide([command, input, '-o', out('ours')], peer.replaceAll('{in}', JSON.stringify(input)).replaceAll('{out}', JSON.stringify(out('peer'))), 5);
    const ours = summarise(`${command} ${slides} slides, briefdeck`, times.ours);
    const theirs = summarise(`${command} ${slides} slides, peer`, times.peer);
    sideBySide.push(`${command} ${slides} slides: briefdeck ${fmt(ours.median)}, peer ${fmt(theirs.median)}, ratio ${(ours.median / theirs.median).toFixed(2)} (target ${kind === 'html' ? '≤ 0.30' : '≤ 0.50'})`);
  }
}

// A small deck in one file, as a new user's first build: its start-up overhead over Node's own. The load moves between
// phases of the bench, so this row is timed in alternation with `node -e 0` and its ratio comes from those paired runs.
const startUp = timeSideBySide(['build', generateSingleFile(14), '-o', path.join(work, 'single-14.html')], ['-e', '0'], 9);
const startUpRatio = summarise('', startUp.ours).median / summarise('', startUp.peer).median;
rows.push(summarise('build a 14-slide single file (whole process)', startUp.ours, `target ≤ 3× node; ${startUpRatio.toFixed(2)}× node -e 0 timed in alternation`));

const defaultOut = path.join(work, 'briefing.html');
rows.push(summarise('build default briefing (whole process)', timeProcess(['build', path.join(ROOT, 'briefing'), '-o', defaultOut], RUNS), 'target ≤ 250 ms'));

// Charts drawn before are read back from the build cache, so the data differs from run to run here: each run draws all 20.
let variant = 0;
const drawnAfresh = () => timeOnce(['build', generateChartBriefing(20, ++variant), '-o', path.join(work, 'charts.html')]);
drawnAfresh();
rows.push(summarise('build 20 chart slides, drawn (whole process)', Array.from({ length: 5 }, drawnAfresh), 'target < 1.5 s'));
rows.push(summarise('build 20 chart slides, drawn before (cache)', timeProcess(['build', generateChartBriefing(20, variant), '-o', path.join(work, 'charts.html')], 5)));

const perSlide: string[] = [];
let previous: { n: number; median: number } | undefined;
for (const n of [100, 500, 2000]) {
  const dir = generateBriefing(n);
  const row = summarise(`build ${n} generated slides (whole process)`, timeProcess(['build', dir, '-o', path.join(work, `g${n}.html`)], n === 2000 ? 5 : RUNS), n === 500 ? 'target ≤ 600 ms' : '');
  rows.push(row);
  // The marginal cost per added slide; a quadratic step would make it grow with n.
  if (previous) perSlide.push(`${previous.n}→${n}: ${((row.median - previous.median) / (n - previous.n)).toFixed(3)} ms per added slide`);
  previous = { n, median: row.median };
}

// Save to reload in the dev server: write a file, wait for the reload event a browser would get.
{
  const dir = path.join(work, 'dev-briefing');
  cpSync(path.join(ROOT, 'briefing'), dir, { recursive: true });
  const server = await startDevServer(dir, { port: 0, cwd: work, log: () => undefined });
  const res = await fetch(new URL(DEV_EVENTS_PATH, server.url));
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const nextReload = async () => {
    for (;;) {
      const { value } = await reader.read();
      if (decoder.decode(value).includes('event: reload')) return;
    }
  };
  await reader.read(); // the hello event
  const latencies: number[] = [];
  const rebuildTimes: number[] = [];
  const file = path.join(dir, '02-what-worked.md');
  const original = readFileSync(file, 'utf8');
  for (let i = 0; i < 8; i++) {
    const built = server.nextBuild();
    const start = performance.now();
    writeFileSync(file, `${original}\n<!-- save ${i} -->\n`);
    await nextReload();
    latencies.push(performance.now() - start);
    rebuildTimes.push((await built).ms);
  }
  await reader.cancel();
  await server.close();
  rows.push(summarise('dev server rebuild (build only)', rebuildTimes.slice(1), 'target ≤ 50 ms'));
  rows.push(summarise('dev server save → reload event', latencies.slice(1), 'target < 100 ms (includes a 20 ms debounce)'));
}

rows.push(summarise('pptx default briefing (whole process)', timeProcess(['pptx', path.join(ROOT, 'briefing'), '-o', path.join(work, 'b.pptx')], 5), 'target < 1 s'));
rows.push(summarise('pptx 500 generated slides (whole process)', timeProcess(['pptx', path.join(work, 'generated-500'), '-o', path.join(work, 'g.pptx')], 3), 'target < 3 s'));

const browser = findBrowser();
if (browser.path) {
  rows.push(summarise('pdf default briefing (whole process)', timeProcess(['pdf', path.join(ROOT, 'briefing'), '-o', path.join(work, 'b.pdf')], 5), 'target < 2 s'));
  const g500 = path.join(work, 'generated-500');
  rows.push(summarise('pdf 500 generated slides (whole process)', timeProcess(['pdf', g500, '-o', path.join(work, 'g.pdf')], 3), 'target < 6 s'));
} else {
  console.log('bench: no Chromium found; PDF rows skipped');
}

const width = Math.max(...rows.map((r) => r.what.length));
// Only whole processes compare with a bare Node start; in-process rows (the dev server) have no start-up to compare.
const ratio = (r: Row) => (r === baseline || r.what.includes('whole process') ? `${(r.median / baseline.median).toFixed(1)}×` : '—');
console.log(`\n${'what'.padEnd(width)} | runs | median  | × node  | min     | max     | note`);
console.log(`${'-'.repeat(width)}-|------|---------|---------|---------|---------|-----`);
for (const r of rows) console.log(`${r.what.padEnd(width)} | ${String(r.runs).padStart(4)} | ${fmt(r.median).padStart(7)} | ${ratio(r).padStart(7)} | ${fmt(r.min).padStart(7)} | ${fmt(r.max).padStart(7)} | ${r.note}`);
console.log(`\nscaling: ${perSlide.join('; ')}`);
console.log(sideBySide.length > 0 ? `\nside by side (alternating runs, medians):\n  ${sideBySide.join('\n  ')}` : '\nside by side: no peer named (set BENCH_PEER="<command with {in} and {out}>" to compare with one)');

const built = await buildDeck(path.join(ROOT, 'briefing'));
const b = built.deck.bytes;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\nsize of dist/briefing.html: ${kb(statSync(defaultOut).size)} (target ≤ 360 KB: 300 KB of deck, plus the two Source Sans 3 faces the timeline SVG carries)`);
console.log(`  scripts ${kb(b.scripts)} | css ${kb(b.styles)} | fonts ${kb(b.fonts)} | images ${kb(b.images)} | content ${kb(b.content)}`);
