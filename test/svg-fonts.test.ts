import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { buildDefaultBriefing, writeBriefing } from './helpers.js';

/** The SVG pictures of a built deck, decoded from their data URIs. */
function svgImages(html: string): string[] {
  return [...html.matchAll(/src="data:image\/svg\+xml;base64,([^"]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
}

describe('SVG pictures in the deck\u2019s typeface', () => {
  it('the default briefing\u2019s timeline, which names Source Sans 3, carries it as woff2 in its own <style>, regular and bold', async () => {
    const [timeline] = svgImages((await buildDefaultBriefing()).deck.html);
    expect(timeline).toMatch(/^<svg[^>]*><style>@font-face\{font-family:"Source Sans 3";font-weight:400;src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\) format\("woff2"\)\}@font-face\{font-family:"Source Sans 3";font-weight:700;/);
  });

  it('an SVG with only a generic family is set in the deck\u2019s typeface; one that names another family is left alone', async () => {
    const generic = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text font-family="sans-serif">A</text></svg>';
    const other = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text font-family="Georgia">B</text></svg>';
    const dir = writeBriefing({ 'briefing.yml': 'title: Fonts\n', 'a.md': '## Pictures\n\n![generic](g.svg)\n\n![other](o.svg)\n', 'g.svg': generic, 'o.svg': other }, 'svg-fonts');
    const [g, o] = svgImages((await buildDeck(dir)).deck.html);
    expect(g).toContain('text,tspan{font-family:"Source Sans 3",sans-serif}');
    expect(g).toContain('font/woff2');
    expect(o).toBe(other);
  });
});
