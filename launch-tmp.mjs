import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const html = readFileSync(process.env.DECK || '/tmp/g500/g.html', 'utf8');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const opts = { printBackground: true, preferCSSPageSize: true, width: '1280px', height: '720px', margin: { top: 0, bottom: 0, left: 0, right: 0 } };
const variants = JSON.parse(process.env.VARIANTS);
const times = Object.fromEntries(variants.map(([n]) => [n, []]));
for (let round = 0; round < Number(process.env.ROUNDS || 2); round++) {
  for (const [name, css, emulate] of variants) {
    const c = await b.newContext({ viewport: { width: 1280, height: 720 } });
    await c.addInitScript(() => { window.briefdeckMode = { mode: 'print', fragments: false }; });
    const p = await c.newPage();
    if (emulate) await p.emulateMedia({ media: 'print' });
    const t0 = performance.now();
    await p.setContent(css ? html.replace('</head>', `<style>${css}</style></head>`) : html, { waitUntil: 'load' });
    await p.waitForFunction(() => window.briefdeckPdfReady === true);
    const t = performance.now();
    const pdf = await p.pdf(opts);
    times[name].push([Math.round(performance.now() - t), Math.round(t - t0), pdf.length]);
    await c.close();
  }
}
for (const [n, v] of Object.entries(times)) console.log(n.padEnd(24), 'pdf', v.map((x) => x[0]).join(','), 'load', v.map((x) => x[1]).join(','), 'bytes', v[0][2]);
await b.close();
