import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { DEFAULT_LIMITS } from '../src/load/input-limits.js';
import { BriefdeckError } from '../src/errors.js';
import { checkBriefing } from '../src/check-briefing.js';
import { FIXTURES, writeBriefing } from './helpers.js';

const SQUARE = readFileSync(path.join(FIXTURES, 'layouts', 'square.png'));
const SQUARE_DATA = `data:image/png;base64,${SQUARE.toString('base64')}`;
/** A picture of one pixel, another than the square. */
const DOT = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** The pictures a built deck shows, each as the bytes it carries. */
const shownPictures = (html: string) => [...html.matchAll(/<img src="data:(image\/[\w+]+);base64,([^"]+)"/g)].map((m) => [m[1], Buffer.from(m[2]!, 'base64')] as const);

describe('pictures written out in the deck as data: URLs', () => {
  it('are shown as the pictures they are, read from the deck itself: Markdown images, the same one again, and an <img> in raw HTML', async () => {
    const dot = `data:image/png;base64,${DOT.toString('base64')}`;
    const deck = ['---', 'title: Data', '---', '', '## Pasted', '', `![A red square](${SQUARE_DATA})`, '', `![A dot](${dot})`, '', `![Again](${SQUARE_DATA})`, '', `<img src="${dot}" alt="Raw" width="20%">`, ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'data-own'), 'deck.md'));
    expect(built.warnings).toEqual([]);
    // Named, not a path; each picture still its own, never another one's.
    expect(built.briefing.images.map((i) => i.relPath)).toEqual(Array(4).fill('#data-picture'));
    expect(shownPictures(built.deck.html).map(([mime, bytes]) => [mime, bytes.equals(SQUARE) ? 'square' : bytes.equals(DOT) ? 'dot' : 'other'])).toEqual([
      ['image/png', 'square'],
      ['image/png', 'dot'],
      ['image/png', 'square'],
      ['image/png', 'dot'],
    ]);
    expect(built.deck.html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Raw" width="20%"/);
    // `check` names a picture with no alt text by its first characters.
    const unnamed = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: Data', '---', '', '## Bare', '', `![](${SQUARE_DATA})`, ''].join('\n') }, 'data-no-alt'), 'deck.md'));
    expect(checkBriefing(unnamed.briefing).filter((d) => d.code === 'W_IMAGE_ALT').map((d) => d.message)).toEqual([`image ${SQUARE_DATA.slice(0, 57)}... has no alt text`]);
  });

  it('an SVG written with % escapes, not base64, is read as its text; the type comes from the content, not the URL', async () => {
    const svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='5' height='5'/></svg>";
    const deck = ['---', 'title: Data', '---', '', '## Drawn', '', `![A rectangle](data:image/svg+xml,${encodeURIComponent(svg)})`, ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'data-svg'), 'deck.md'));
    expect(shownPictures(built.deck.html).map(([mime, bytes]) => [mime, bytes.toString('utf8')])).toEqual([['image/svg+xml', svg]]);
  });

  it('held to the limits a picture file is held to, named by its first characters, never its kilobytes', async () => {
    const padded = `data:image/png;base64,${Buffer.concat([SQUARE, Buffer.alloc(300_000)]).toString('base64')}`;
    const deck = ['---', 'title: Data', '---', '', '## Big', '', `![Big](${padded})`, ''].join('\n');
    const dir = writeBriefing({ 'deck.md': deck }, 'data-big');
    const error = (await buildDeck(path.join(dir, 'deck.md'), { limits: { ...DEFAULT_LIMITS, maxImageBytes: 100_000 } }).catch((e: unknown) => e)) as BriefdeckError;
    expect(error).toBeInstanceOf(BriefdeckError);
    expect([error.code, error.diagnostics[0]!.line]).toEqual(['E_IMAGE_TOO_LARGE', 7]);
    expect(error.message).toMatch(/^image data:image\/png;base64,iVBORw0KGgo[\w+/]{0,40}\.\.\. is 30\d{4} bytes, over the 100000-byte limit$/);
    expect(error.diagnostics[0]!.hint).toBe('save the picture as a smaller file in the briefing folder and name it by its path, or raise the limit with --max-image-bytes');
    // Under the limit, the same picture is shown whole.
    const built = await buildDeck(path.join(dir, 'deck.md'));
    expect(shownPictures(built.deck.html).map(([, bytes]) => bytes.length)).toEqual([SQUARE.length + 300_000]);
  });

  it('a data: URL of anything but a picture is still refused; chart data never comes as one', async () => {
    const deck = ['---', 'title: Data', '---', '', '## Page', '', '![A page](data:text/html,<b>hi</b>)', ''].join('\n');
    const error = (await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'data-html'), 'deck.md')).catch((e: unknown) => e)) as BriefdeckError;
    expect([error.code, error.message]).toEqual(['E_PATH_OUTSIDE', 'image "data:text/html,<b>hi</b>" uses the data: scheme; only files in the briefing folder can be inlined']);
  });

  it("in another tool's deck, a rendered reveal.js page keeps its data pictures, and a damaged one is left out with a warning, its alt text in its place", async () => {
    const page = `<div class="reveal"><div class="slides"><section><h2>Plot</h2><img src="${SQUARE_DATA}" alt="A plot"></section></div></div>\n<script src="dist/reveal.js"></script>\n`;
    const rendered = await buildDeck(path.join(writeBriefing({ 'index.html': page }, 'data-page'), 'index.html'));
    expect(rendered.warnings).toEqual([]);
    expect(shownPictures(rendered.deck.html).map(([, bytes]) => bytes.equals(SQUARE))).toEqual([true]);
    const marp = ['---', 'marp: true', '---', '', '# Cut', '', '![The cut plot](data:image/png;base64,iVBORw0KGgoAAAANSURBVAAAAA)', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': marp }, 'data-marp'), 'deck.md'));
    expect(built.warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_IMAGE_MISSING', 7, 'data:image/png;base64,iVBORw0KGgoAAAANSURBVAAAAA is a damaged PNG image: its size cannot be read from its header; it was left out, its alt text in its place'],
    ]);
    expect(built.deck.html).toContain('The cut plot');
    expect(shownPictures(built.deck.html)).toEqual([]);
  });
});
