import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { checkBriefing } from '../src/check-briefing.js';
import { toPlainText } from '../src/parse/plain-text.js';
import { FIXTURES, TINY_PNG, writeBriefing } from './helpers.js';

describe('a deck written in MDX (mdx-deck, Spectacle)', () => {
  it("is cut at ---, its <Notes> are notes, <Appear> a build step; its modules, head and comments never show, nor does any component's tag", async () => {
    const built = await buildDeck(path.join(FIXTURES, 'dialects', 'mdx-deck.mdx'));
    const slides = built.briefing.slides;
    expect(built.briefing.meta.peerTools).toEqual(['MDX']);
    // No title or agenda slide is added: such a deck brings its own cover.
    expect(slides.map((s) => [s.title, s.notes?.markdown ?? null])).toEqual([
      ['Summit talks', 'Open with the question the talks left.'],
      ['What worked', 'Say it briefly.'],
      ['Side by side', null],
    ]);
    const text = slides.map((s) => toPlainText(`${s.titleHtml} ${s.bodyHtml}`).replace(/\s+/g, ' ')).join(' | ');
    expect(text).not.toMatch(/theme|colors|<title>|opening slide|Notes|Appear|Split|\{\/\*/);
    expect(slides[1]!.bodyHtml).toMatch(/^<div class="fragment"><ul>\s*<li>Leaders met in person<\/li>\s*<\/ul>\s*<\/div><p>Shown at once\.<\/p>/);
    // A code block's import is code, shown as written.
    expect(toPlainText(slides[2]!.bodyHtml)).toContain("import deck from 'mdx-deck'");
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['37: component <Split> (MDX, React) is not supported and was left out; what it wraps shows without it']);
    // check says how to add notes in MDX's own syntax, so the deck keeps working in its tool.
    expect(checkBriefing(built.briefing).filter((d) => d.code === 'W_NO_NOTES').map((d) => d.hint)).toEqual(['add <Notes> … </Notes> to the slide with what you will say']);
  });

  it('reads a tag that holds JavaScript, on one line or several, with a JavaScript parser: a component goes with a warning, an HTML tag keeps its plain attributes, and none shows as text', async () => {
    const deck = [
      "import { CodeSurfer } from 'mdx-deck-code-surfer'",
      '',
      '# Code',
      '',
      '<CodeSurfer',
      '  title={() => (<h2>A <span style={{color: "#f46f55"}}>sample</span></h2>)}',
      "  code={require('!raw-loader!./snippets/a.js')}",
      '  steps={[{ lines: [1] }, { range: [2, 4] }]}',
      '/>',
      '',
      'After the surfer.',
      '',
      '---',
      '',
      '<BGImage opacity={0.3} src={require("file-loader!./images/themes.png")}/>',
      '',
      '# Themes',
      '',
      '<img src="./dot.png" alt="Dot" style={{maxHeight: \'50vh\', objectFit: \'contain\'}}/>',
      '',
      '<iframe',
      '  style={{',
      "    width: '90vw',",
      '  }}',
      '  src="https://example.com/page"',
      '/>',
      '',
      '<Split>',
      '',
      'Wrapped text.',
      '',
      '</Split>',
      '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.mdx': deck, 'dot.png': TINY_PNG }, 'mdx-scripted-tags'), 'deck.mdx'));
    const text = built.briefing.slides.map((s) => toPlainText(`${s.titleHtml} ${s.bodyHtml}`).replace(/\s+/g, ' ').trim());
    expect(text).toEqual(['Code After the surfer.', 'Themes Wrapped text.']);
    expect(built.deck.html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Dot"/);
    // In reading order, as the CLI reports them.
    expect([...built.warnings].sort((a, b) => a.line! - b.line!).map((w) => `${w.line}: ${w.message.split(';')[0]}`)).toEqual([
      '5: component <CodeSurfer> (MDX, React) is not supported and was left out',
      '15: component <BGImage> (MDX, React) is not supported and was left out',
      '19: attributes written as JavaScript (MDX, React: `style={{…}}`) were left out of this tag',
      '21: attributes written as JavaScript (MDX, React: `style={{…}}`) were left out of this tag',
      '21: raw HTML was neutralised: removed <iframe>, src on <iframe>',
      '28: component <Split> (MDX, React) is not supported and was left out',
    ]);
  });

  it('leaves out the JavaScript MDX runs in text ({props.name}, {1 + 1}) with a warning, and the tags of a fragment (<> … </>); an escaped \\{ and one in code stay', async () => {
    const deck = ['# Hello {props.name}', '', 'Sum is {1 + 1}, literally \\{x\\}, in code `{y}`.', '', '<>', 'Grouped text', '</>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.mdx': deck }, 'mdx-expressions'), 'deck.mdx'));
    const slide = built.briefing.slides[0]!;
    expect(slide.title).toBe('Hello');
    expect(slide.bodyHtml).toBe('<p>Sum is , literally {x}, in code <code>{y}</code>.</p>\n<p>Grouped text</p>\n');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['1: JavaScript expressions {…} (MDX, React) are not run and were left out', '3: JavaScript expressions {…} (MDX, React) are not run and were left out']);
  });

  it('names a comment never closed, at its line, which took the rest of the file', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.mdx': ['# One', '', 'Shown.', '', '{/* never closed', '', '---', '', '# Two', ''].join('\n') }, 'mdx-unclosed'), 'deck.mdx'));
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['One']);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['5: an MDX comment {/* is never closed (no */} after it), so the rest of the file was left out']);
  });
});
