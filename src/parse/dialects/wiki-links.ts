import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { escapeHtml } from '../../html-text.js';
import { startWithinWindowOf } from '../extension-start.js';

// Obsidian's wiki links and embeds, as its Slides and Advanced Slides decks hold them (Foam and other note tools
// write them too). A picture embedded by name (`![[map.png]]`, `![[map.png|300]]` for its width) is a picture,
// under the same rules as any; a link to a note (`[[Talks]]`, `[[Talks|the talks]]`, `[[Talks#Hanoi]]`) is its
// text, since a deck has no notes to open; a note embedded in place (`![[Talks]]`) cannot be, and is named in
// a warning. None shows its brackets.

/** `[[target|label]]` or `![[…]]`, on one line, bounded. */
const WIKI = /^(!?)\[\[([^\[\]|\n]{1,300})(?:\|([^\[\]\n]{0,300}))?\]\]/;
/** Files an embed shows as a picture. */
const PICTURE = /\.(?:png|jpe?g|gif|webp|svg|avif)$/i;

/** Where a wiki link or embed could start: at `[[`, or at the `!` before it. */
function findWikiLink(text: string): number {
  const at = text.indexOf('[[');
  return at > 0 && text[at - 1] === '!' ? at - 1 : at;
}

/** The marked extension; `report` names what is left out, at the token. A picture is drawn by the deck's own image renderer. */
export function wikiLinkExtension(report: (raw: string, message: string) => void): TokenizerAndRendererExtension {
  return {
    name: 'wikiLink',
    level: 'inline',
    start: startWithinWindowOf(findWikiLink, 3),
    tokenizer(src: string) {
      const match = WIKI.exec(src);
      if (!match) return undefined;
      return { type: 'wikiLink', raw: match[0], embed: match[1] === '!', target: match[2]!.trim(), label: match[3]?.trim() };
    },
    renderer(token) {
      const { raw, embed, target, label } = token as unknown as { raw: string; embed: boolean; target: string; label?: string };
      if (embed && PICTURE.test(target)) {
        // `|300` or `|300x200` sizes the picture; other text after the bar is its description.
        const size = label !== undefined ? /^(\d{1,4})(?:x(\d{1,4}))?$/.exec(label) : null;
        const alt = label !== undefined && !size ? label : '';
        const image: Tokens.Image = { type: 'image', raw, href: target, title: null, text: alt, tokens: [] };
        const html = this.parser.renderer.image(image);
        return size ? html.replace(/^<img /, `<img width="${size[1]}" `) : html;
      }
      const shown = label || target.replace(/#\^?/, ' > ');
      if (embed) report(raw, `Obsidian's embed of the note ${target} cannot be shown in a deck; its name is shown instead`);
      return escapeHtml(shown);
    },
  };
}
