import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFragment } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, loadModel, type BuiltDeck } from '../src/build-deck.js';
import { readDrawnCharts, storeDrawnCharts } from '../src/charts/chart-cache.js';
import { processSandbox } from '../src/sandbox-worker.js';
import { BriefdeckError, DiagnosticBag } from '../src/errors.js';
import { FIXTURES, ROOT, tempDir, writeBriefing } from './helpers.js';

const CHARTS = path.join(FIXTURES, 'charts');

interface Element {
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Element[];
  value?: string;
}

const attr = (el: Element, name: string) => el.attrs?.find((a) => a.name === name)?.value;
const elements = (root: Element): Element[] => [root, ...(root.childNodes ?? []).flatMap(elements)].filter((el) => el.tagName !== undefined);
const textOf = (el: Element): string => (el.value ?? '') + (el.childNodes ?? []).map(textOf).join('');

/** Every chart figure of the built deck, parsed with a real HTML parser, in slide order. */
function chartFigures(html: string): Element[] {
  const slides = /<div class="slides">([\s\S]*)<\/div>\s*<\/div>/.exec(html)?.[1] ?? html;
  return elements(parseFragment(slides) as Element).filter((el) => el.tagName === 'figure' && (attr(el, 'class') ?? '').split(' ').includes('chart'));
}

/** The drawn marks of one kind (rect, arc, line, area, symbol) inside a figure. */
function marks(figure: Element, kind: string): Element[] {
  const groups = elements(figure).filter((el) => el.tagName === 'g' && (attr(el, 'class') ?? '').startsWith(`mark-${kind} role-mark`));
  return groups.flatMap((g) => (g.childNodes ?? []).filter((c) => c.tagName !== undefined));
}

describe('charts drawn at build time', () => {
  let built: BuiltDeck;
  let figures: Element[];
  beforeAll(async () => {
    built = await buildDeck(CHARTS);
    figures = chartFigures(built.deck.html);
  });

  it('draws one figure per chart block, each an SVG image with a title, a description and a data table', () => {
    expect(figures).toHaveLength(8);
    for (const figure of figures) {
      const svg = elements(figure).find((el) => el.tagName === 'svg')!;
      expect(attr(svg, 'role')).toBe('img');
      const [titleId, descId] = attr(svg, 'aria-labelledby')!.split(' ');
      expect(textOf(elements(figure).find((el) => attr(el, 'id') === titleId)!)).not.toBe('');
      expect(textOf(elements(figure).find((el) => attr(el, 'id') === descId)!)).toMatch(/chart: /i);
      const table = elements(figure).find((el) => el.tagName === 'table')!;
      expect(attr(table, 'class')).toBe('sr-only');
      // One image: nothing inside it claims a role (Vega's marks would each be a graphics symbol with no name).
      const roles = elements(svg).filter((el) => el !== svg && (attr(el, 'role') !== undefined || attr(el, 'aria-roledescription') !== undefined));
      expect(roles.map((el) => `${el.tagName} ${attr(el, 'role')}`)).toEqual([]);
    }
  });

  it('has the right number of marks for the data, in every type', () => {
    const [column, bar, line, area, pie, scatter, stacked, vegaLite] = figures as [Element, Element, Element, Element, Element, Element, Element, Element];
    expect(marks(column, 'rect')).toHaveLength(5);
    expect(marks(bar, 'rect')).toHaveLength(4);
    expect(marks(line, 'line')).toHaveLength(1);
    expect(marks(line, 'symbol')).toHaveLength(4);
    expect(marks(area, 'area')).toHaveLength(2);
    expect(marks(pie, 'arc')).toHaveLength(3);
    expect(marks(scatter, 'symbol')).toHaveLength(6);
    expect(marks(stacked, 'rect')).toHaveLength(6);
    expect(marks(vegaLite, 'rect')).toHaveLength(4);
  });

  it('draws the highlighted category in the accent colour and the others muted', () => {
    const fills = marks(figures[0]!, 'rect').map((m) => attr(m, 'fill'));
    expect(fills).toEqual(['#0bd000', '#0bd000', '#0bd001', '#0bd000', '#0bd000']);
    // The stand-in colours are the theme's: its CSS maps accent and muted to the theme's link and text colours.
    expect(built.deck.html).toMatch(/\.reveal \.chart \[fill="#0bd001"\]\s*\{\s*fill:\s*var\(--bd-chart-1\)/);
    expect(built.deck.html).toMatch(/--bd-chart-1:\s*var\(--r-link-color\)/);
  });

  it('describes the chart from its data, and lists the data for screen readers', () => {
    const desc = elements(figures[0]!).find((el) => el.tagName === 'desc')!;
    expect(textOf(desc)).toBe('Column chart: Tests per year, highest 2017 (20), lowest 2018 (3), 2017 highlighted');
    expect(textOf(elements(figures[1]!).find((el) => el.tagName === 'desc')!)).toBe('Bar chart: Budget by agency, highest Defence (1,200 million), lowest Transport (300 million)');
    expect(textOf(elements(figures[4]!).find((el) => el.tagName === 'desc')!)).toBe('Pie chart: Seats, largest share Blue (120, 50%)');
    const rows = elements(figures[0]!).filter((el) => el.tagName === 'tr');
    expect(rows).toHaveLength(6);
    expect(textOf(rows[3]!)).toBe('201720');
    expect(textOf(elements(figures[0]!).find((el) => el.tagName === 'figcaption')!)).toBe('Invented figures for the test deck');
  });

  it('sorts categories when asked: the CSV bar chart lists the largest first', () => {
    const labels = elements(figures[1]!)
      .filter((el) => el.tagName === 'g' && (attr(el, 'class') ?? '').startsWith('mark-text role-axis-label'))
      .flatMap((g) => (g.childNodes ?? []).map(textOf))
      .filter((label) => !/^[\d,]+$/.test(label));
    expect(labels).toEqual(['Defence', 'Health', 'Schools', 'Transport']);
  });

  it('labels axes at 20 px or more, for a 1280×720 slide', () => {
    const sizes = figures.flatMap((f) => elements(f).filter((el) => el.tagName === 'text').map((t) => Number.parseFloat(attr(t, 'font-size') ?? '0')));
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
  });

  it('carries no script, no link, no handler and no outside reference', () => {
    for (const figure of figures) {
      for (const el of elements(figure)) {
        expect(['script', 'foreignobject', 'a', 'image', 'use', 'iframe']).not.toContain(el.tagName!.toLowerCase());
        for (const a of el.attrs ?? []) {
          expect(a.name).not.toMatch(/^on|href$/i);
          if (/url\(/i.test(a.value)) expect(a.value).toMatch(/^url\(#[\w-]+\)$/);
          expect(a.value).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
        }
      }
    }
  });

  it('a handout keeps every chart: charts are slide content, not notes', async () => {
    const handout = await buildDeck(CHARTS, { handout: true });
    expect(chartFigures(handout.deck.html)).toHaveLength(8);
  });
});

describe('chart input stays inside the briefing', () => {
  it('refuses a CSV that is a symlink to a file outside the folder, without reading it', async () => {
    const outside = path.join(tempDir(), 'secret.csv');
    writeFileSync(outside, 'name,value\nsecret-row,1\n');
    const dir = writeBriefing({ 'briefing.yml': 'title: Linked\n', 'a.md': '## Data\n\n```chart\ntype: column\nfile: data.csv\n```\n' });
    symlinkSync(outside, path.join(dir, 'data.csv'));
    const error = (await buildDeck(dir).catch((e: unknown) => e)) as BriefdeckError;
    expect(error).toBeInstanceOf(BriefdeckError);
    expect(error.code).toBe('E_PATH_OUTSIDE');
    expect(error.line).toBe(3);
    expect(error.message).not.toContain('secret-row');
  });

  it('reads a CSV in a subfolder, relative to the Markdown file', async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Nested\n', 'a.md': '## Data\n\n```chart\ntype: pie\nfile: data/shares.csv\n```\n' });
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data', 'shares.csv'), 'part,share\nA,3\nB,1\n');
    const figures = chartFigures((await buildDeck(dir)).deck.html);
    expect(marks(figures[0]!, 'arc')).toHaveLength(2);
  });

  it('reads a CSV separated by semicolons or tabs, as spreadsheets save it in much of Europe (its header was one field)', async () => {
    const chart = (file: string) => `\`\`\`chart\ntype: column\nfile: ${file}\nx: party\ny: seats\n\`\`\`\n`;
    const dir = writeBriefing({ 'briefing.yml': 'title: Separated\n', 'a.md': `## Semicolons\n\n${chart('semi.csv')}\n## Tabs\n\n${chart('tabs.csv')}`, 'semi.csv': 'party;seats\nBlue;120\nRed;90\nGreen;15\n', 'tabs.csv': 'party\tseats\nBlue\t120\nRed\t90\n' });
    const figures = chartFigures((await buildDeck(dir)).deck.html);
    expect(figures.map((figure) => marks(figure, 'rect').length)).toEqual([3, 2]);
  });

  it('loads Vega only when a deck has a chart: the compiled sandbox imports it lazily', () => {
    // The sandbox's code never loads Vega itself; its loader hands it a function that imports the bundle on demand.
    const core = readFileSync(path.join(ROOT, 'lib', 'sandbox-core.cjs'), 'utf8');
    expect(core).not.toMatch(/require\(["'](?:vega|vega-lite|\.\/vega-modules\.js)["']\)|from\s*["']vega(-lite)?["']/);
    expect(core.match(/vega-modules\.js/g)).toEqual(['vega-modules.js']);
    expect(core).toMatch(/import\("\.\/vega-modules\.js"\)/);
    const loader = readFileSync(path.join(ROOT, 'lib', 'sandbox-entry.cjs'), 'utf8');
    expect(loader).toMatch(/globalThis\.briefdeckImportVega = \(\) => vega \?\?= /);
    expect(loader).toContain('runCached("vega-modules.cjs")');
  });
});

describe('charts drawn by an earlier build', () => {
  it('are read from the cache, not drawn again, until their block or their data changes; a stored drawing that is more than a picture is drawn afresh', async () => {
    const deck = writeBriefing({
      'briefing.yml': 'title: Cached charts\n',
      'slides.md': '## Inline\n\n```chart\ntype: column\nx: k\ny: v\ndata:\n  - {k: a, v: 1}\n  - {k: b, v: 3}\n```\n\n## From a file\n\n```chart\ntype: bar\nfile: data.csv\nx: k\ny: v\n```\n',
      'data.csv': 'k,v\nc,2\nd,5\n',
    }, 'cached-charts');
    // A build stores what it drew in the build cache, where the next build of the same charts finds it.
    const first = await buildDeck(deck);
    const model = await loadModel(deck);
    expect(readDrawnCharts(model.briefing.charts, model.chartData).map(([index]) => index)).toEqual([0, 1]);
    // The worker, handed drawings (marked here, so what it shows tells whether it drew), reuses them and draws nothing.
    const render = (drawnCharts: [number, string][]) => processSandbox().render(model.briefing, model.templates, model.assets, { handout: false, chartData: [...model.chartData], drawnCharts, markerNonce: 'c4c4' });
    const fresh = await render([]);
    expect(fresh.drawnCharts!.map(([index]) => index)).toEqual([0, 1]);
    const marked = fresh.drawnCharts!.map(([index, svg]): [number, string] => [index, svg.replace(/<\/svg>$/, `<text>stored-${index}</text></svg>`)]);
    const reused = await render(marked);
    expect(reused.drawnCharts).toEqual([]);
    expect(reused.rendered!.html.match(/stored-\d/g)).toEqual(['stored-0', 'stored-1']);
    expect(reused.rendered!.html.replace(/<text>stored-\d<\/text>/g, '')).toBe(fresh.rendered!.html);
    // A stored drawing that carries a script (a cache written by anyone but briefdeck) is refused and drawn again.
    const tampered = await render(marked.map(([index, svg]): [number, string] => [index, svg.replace(/<text>stored-\d<\/text>/, '<script>alert(1)</script>')]));
    expect(tampered.drawnCharts!.map(([index]) => index)).toEqual([0, 1]);
    expect(tampered.rendered!.html).toBe(fresh.rendered!.html);
    // Other data is another drawing: stored under the old data, the file's chart is not found under the new.
    const cache = tempDir('briefdeck-chart-cache-');
    storeDrawnCharts(model.briefing.charts, model.chartData, marked, cache);
    expect(readDrawnCharts(model.briefing.charts, model.chartData, cache)).toEqual(marked);
    writeFileSync(path.join(deck, 'data.csv'), 'k,v\nc,2\nd,6\n');
    const changed = await loadModel(deck);
    expect(readDrawnCharts(changed.briefing.charts, changed.chartData, cache).map(([index]) => index)).toEqual([0]);
    // Where the blocks and their rows stand, and the folder a build runs from, serve only messages: moved down a line
    // and loaded from another folder, both charts are found as stored.
    writeFileSync(path.join(deck, 'data.csv'), 'k,v\nc,2\nd,5\n');
    const slides = readFileSync(path.join(deck, 'slides.md'), 'utf8');
    writeFileSync(path.join(deck, 'slides.md'), `\n${slides}`);
    const moved = await loadModel(deck, { cwd: path.dirname(deck) });
    expect(moved.briefing.charts.map((chart) => chart.source.line)).toEqual(model.briefing.charts.map((chart) => chart.source.line + 1));
    expect(readDrawnCharts(moved.briefing.charts, moved.chartData, cache)).toEqual(marked);
    // Read back from the cache, the deck is the one drawn afresh, byte for byte.
    writeFileSync(path.join(deck, 'slides.md'), slides);
    expect((await buildDeck(deck)).deck.html).toBe(first.deck.html);
  });
});

describe('a chart in an included file', () => {
  it('is reported at its own line in that file', async () => {
    const dir = writeBriefing({ 'deck.qmd': '---\ntitle: C\n---\n\n## Chart\n\n{{< include _chart.qmd >}}\n', '_chart.qmd': 'Before.\n\n```chart\ntype: columnz\ndata: |\n  a,b\n  x,1\n```\n' }, 'chart-in-include');
    // A deck for Quarto, where ```chart is code: what briefdeck cannot draw is shown as that code, with a warning at its line.
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(built.warnings.map((w) => [w.code, path.basename(w.file!), w.line, w.message])).toEqual([['W_PEER_SYNTAX', '_chart.qmd', 4, 'a chart block briefdeck cannot draw is shown as the code it is: unknown chart type "columnz"']]);
    expect(built.briefing.slides.at(-1)!.bodyHtml).toContain('type: columnz');
    // In briefdeck's own deck the same block is an error, at its line, and nothing is built.
    const own = writeBriefing({ 'briefing.yml': 'title: C\n', 'a.md': '## Chart\n\nBefore.\n\n```chart\ntype: columnz\ndata: |\n  a,b\n  x,1\n```\n' }, 'chart-own-error');
    const error = (await buildDeck(own).catch((e: unknown) => e)) as { diagnostics: { file: string; line: number; code: string }[] };
    expect(error.diagnostics[0]).toMatchObject({ code: 'E_CHART', line: 6 });
  });
});

describe('a chart whose row is wrong', () => {
  it('is reported at that row\'s line, in the deck and in the PowerPoint export, which check the data alike', async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: C\n', 'a.md': '## Chart\n\n```chart\ntype: column\nx: year\ny: count\ndata:\n  - {year: "2017", count: 4}\n  - {year: "2018", count: 5}\n  - {year: "2019", count: many}\n```\n\nNote: n.\n' }, 'chart-row-line');
    const error = (await buildDeck(dir).catch((e: unknown) => e)) as { diagnostics: { line: number; code: string; message: string }[] };
    expect(error.diagnostics).toEqual([expect.objectContaining({ code: 'E_CHART', line: 10, message: 'field "count" must hold numbers, but row 3 has "many"' })]);
    // Rows written in the block are checked as the deck is read, so the model is never made. Rows in a file are checked
    // once it is read, by the deck and by the PowerPoint export alike: at the file's own line.
    await expect(loadModel(dir)).rejects.toMatchObject({ code: 'E_CHART', line: 10 });
    const filed = writeBriefing({ 'briefing.yml': 'title: C\n', 'a.md': '## Chart\n\n```chart\ntype: column\nx: year\ny: count\nfile: counts.csv\n```\n\nNote: n.\n', 'counts.csv': 'year,count\n2017,4\n2018,5\n2019,many\n' }, 'chart-file-row-line');
    const fileError = (await buildDeck(filed).catch((e: unknown) => e)) as { diagnostics: { file: string; line: number; code: string }[] };
    expect(fileError.diagnostics.map((d) => [d.code, path.basename(d.file), d.line])).toEqual([['E_CHART', 'counts.csv', 4]]);
    const { checkChartsForExport } = await import('../src/export/pptx-charts.js');
    const model = await loadModel(filed);
    const bag = new DiagnosticBag();
    checkChartsForExport(model.briefing.charts, model.chartData, bag);
    expect(bag.errors.map((d) => [d.code, path.basename(d.file!), d.line])).toEqual([['E_CHART', 'counts.csv', 4]]);
  });

  it('is reported in the same run as the deck\'s other problems: another chart\'s unknown type, a row of a chart written in the block, and one of a chart\'s data file', async () => {
    const deck = '## One\n\n```chart\ntype: colum\ndata:\n  - {year: "2017", count: 4}\n```\n\n## Two\n\n```chart\ntype: bar\nx: yaer\ny: count\ndata:\n  - {year: "2017", count: 4}\n```\n\n## Three\n\n```chart\ntype: line\nx: year\ny: count\nfile: counts.csv\n```\n';
    const dir = writeBriefing({ 'briefing.yml': 'title: C\n', 'a.md': deck, 'counts.csv': 'year,count\n2017,4\n2018,many\n' }, 'chart-problems-together');
    const error = (await buildDeck(dir).catch((e: unknown) => e)) as { diagnostics: { file: string; line: number; code: string; message: string }[] };
    expect(error.diagnostics.map((d) => [d.code, path.basename(d.file), d.line, d.message])).toEqual([
      ['E_CHART', 'a.md', 4, 'unknown chart type "colum"'],
      ['E_CHART', 'a.md', 11, 'unknown field "yaer" in `x:`'],
      ['E_CHART', 'counts.csv', 3, 'field "count" must hold numbers, but row 2 has "many"'],
    ]);
  });
});

describe("a chart in the Obsidian Charts plugin's format (Advanced Slides draws it too)", () => {
  it('is drawn from its labels and series: several series side by side, a doughnut as a pie, one series naming its axis; what only Chart.js draws is named, and a chart it cannot read is left out with a warning, never failing the build', async () => {
    const block = (lines: string[]) => ['```chart', ...lines, '```'].join('\n');
    const deck = [
      '---', 'theme: consult', '---', '', '## Grouped', '',
      block(['    type: bar', '    labels: [Mon, Tue, Wed]', '    series:', '      - title: One', '        data: [1, 2, 3]', '      - title: Two', '        data: [3, 2, 1]', '    width: 80%', '    tooltips: true']), '',
      '---', '', '## Doughnut', '', block(['type: doughnut', 'labels: [A, B]', 'series:', '  - title: Share', '    data: [3, 1]']), '',
      '---', '', '## Single', '', block(['type: line', 'labels: [2019, 2020]', 'series:', '  - title: Gateways', '    data: [14, 31]']), '',
      '---', '', '## Bubble', '', block(['type: bubble', 'labels: [a]', 'series:', '  - data: [1]']), '',
      '---', '', '## Stacked', '', block(['type: bar', 'stacked: true', 'labels: [Mon, Tue, Wed]', 'series:', '  - title: One', '    data: [1, 2, 3]', '  - title: Two', '    data: [3, 2, 1]', 'id: talks', 'select: [One, Two]']), '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'obsidian-charts'), 'deck.md'));
    const [grouped, doughnut, single, stacked] = chartFigures(built.deck.html);
    expect(chartFigures(built.deck.html)).toHaveLength(4);
    // Six columns, each category's two side by side: no column starts where another in its category does, none stacked on another.
    const columns = marks(grouped!, 'rect').map((el) => /^M([\d.]+),([\d.]+)/.exec(attr(el, 'd') ?? '')!.slice(1).map(Number));
    expect(columns).toHaveLength(6);
    expect(new Set(columns.map(([x]) => Math.round(x!))).size).toBe(6);
    expect(marks(doughnut!, 'arc')).toHaveLength(2);
    expect(textOf(single!)).toContain('Gateways');
    // Stacked: each category's two columns one on the other, three places along the axis for six columns.
    const stackedColumns = marks(stacked!, 'rect').map((el) => /^M([\d.]+),([\d.]+)/.exec(attr(el, 'd') ?? '')!.slice(1).map(Number));
    expect([stackedColumns.length, new Set(stackedColumns.map(([x]) => Math.round(x!))).size]).toEqual([6, 3]);
    expect(textOf(stacked!)).toContain('Stacked column chart');
    expect(built.briefing.charts.map((c) => [c.type, c.x, c.y, c.series ?? null, c.rows?.length])).toEqual([['column', 'label', 'value', 'series', 6], ['pie', 'label', 'Share', null, 2], ['line', 'label', 'Gateways', null, 2], ['stacked-column', 'label', 'value', 'series', 6]]);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message}`)).toEqual([
      '7: Obsidian Charts options tooltips are not read',
      '23: the Obsidian Charts doughnut chart is drawn as a pie',
      '47: the Obsidian Charts chart was left out: its type "bubble" has no drawing here (bar, line, pie, doughnut, polarArea and radar do)',
      // Data from a table of the note is not read: said, since the chart draws its own `series:` instead.
      '58: Obsidian Charts options id, select are not read',
    ]);
  });
});

describe('a chart block in a deck for a tool that shows it as code', () => {
  it('is shown as that code, with a warning, when briefdeck cannot draw it (a Chart.js config in a Marp deck), and drawn when it can', async () => {
    const deck = ['---', 'marp: true', '---', '', '# Theirs', '', '```chart', '{"type": "bar", "data": {"labels": ["a"], "datasets": [{"data": [1]}]}}', '```', '', '---', '', '# Ours', '', '```chart', 'type: column', 'x: a', 'y: b', 'data: [{a: x, b: 1}]', '```', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'chart-as-code'), 'deck.md'));
    expect(built.briefing.slides[0]!.bodyHtml).toContain('<pre><code class="hljs">{&quot;type&quot;: &quot;bar&quot;');
    expect(chartFigures(built.deck.html)).toHaveLength(1);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['8: a chart block briefdeck cannot draw is shown as the code it is: `data:` is neither a list of rows nor a table']);
    // So is one whose rows do not fit its fields (it failed the build, found only when drawn).
    const unfit = ['---', 'marp: true', '---', '', '# Theirs', '', '```chart', 'type: column', 'x: yaer', 'y: count', 'data: [{year: "2017", count: 4}]', '```', ''].join('\n');
    const shown = await buildDeck(path.join(writeBriefing({ 'deck.md': unfit }, 'chart-unfit-as-code'), 'deck.md'));
    expect(shown.briefing.slides[0]!.bodyHtml).toContain('x: yaer');
    expect(chartFigures(shown.deck.html)).toHaveLength(0);
    expect(shown.warnings.map((w) => `${w.code} ${w.line}: ${w.message}`)).toEqual(['W_PEER_SYNTAX 7: a chart block briefdeck cannot draw is shown as the code it is: unknown field "yaer" in `x:`']);
  });
});
