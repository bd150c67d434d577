// `npm run contact-sheet`: shoots the default briefing with `briefdeck shots`
// at a quarter of its size and lays the slides out in one PNG for the README
// (docs/contact-sheet.png). A picture of the deck, made by the deck's own tool.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// It rewrites a committed file: asked for help, or given anything, it says what it does and writes nothing.
const given = process.argv.slice(2);
if (given.length > 0) {
  const help = given.every((arg) => arg === '-h' || arg === '--help');
  (help ? console.log : console.error)(`${help ? '' : `error: the contact sheet takes no arguments, but was given ${given.join(' ')}\n  hint: `}npm run contact-sheet shoots the default briefing (briefdeck shots at a quarter of its size) and writes docs/contact-sheet.png, the picture the README shows`);
  process.exit(help ? 0 : 2);
}
const work = mkdtempSync(path.join(tmpdir(), 'briefdeck-sheet-'));
try {
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'briefdeck.js'), 'shots', path.join(ROOT, 'briefing'), '--scale', '0.25', '-o', work], { stdio: 'inherit' });
  const shots = readdirSync(work).filter((f) => /^slide-\d+\.png$/.test(f)).sort().map((f) => PNG.sync.read(readFileSync(path.join(work, f))));
  const columns = 5;
  const gap = 8;
  const { width, height } = shots[0];
  const rows = Math.ceil(shots.length / columns);
  const sheet = new PNG({ width: columns * width + (columns + 1) * gap, height: rows * height + (rows + 1) * gap });
  sheet.data.fill(0x88); // a grey ground between the slides
  for (let i = 3; i < sheet.data.length; i += 4) sheet.data[i] = 255;
  shots.forEach((shot, i) => PNG.bitblt(shot, sheet, 0, 0, width, height, gap + (i % columns) * (width + gap), gap + Math.floor(i / columns) * (height + gap)));
  const out = path.join(ROOT, 'docs', 'contact-sheet.png');
  writeFileSync(out, PNG.sync.write(sheet));
  console.log(`wrote ${path.relative(ROOT, out)}: ${shots.length} slides`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
