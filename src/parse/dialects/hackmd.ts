// How briefdeck reads HackMD's and HedgeDoc's slide decks (`type: slide`, `slideOptions:` in front matter). They are
// reveal.js Markdown (`---` cuts, `----` stacks, `Note:` notes, `.slide:` and `.element:` comments, read by reveal.ts),
// with HackMD's own syntax, rewritten here line by line into briefdeck's:
// - its alert boxes, `:::info`, `:::success`, `:::warning`, `:::danger` … `:::`, are callouts (note, tip, warning,
//   important) without a title, as HackMD draws them, and `:::spoiler Title` a callout with that title, shown open,
//   as a slide has no one to open it;
// - its tags `[name=Ann]` and `[time=Mon]` are their text; `[color=#f00]` goes (each read to 200 characters, so a
//   line of thousands of unclosed tags costs little);
// - its embeds: `{%youtube id %}`, `{%vimeo id %}`, `{%gist user/id %}`, `{%slideshare user/deck %}`, `{%speakerdeck user/deck %}`,
//   `{%pdf https://… %}` and `{%figma https://… %}` are links to what they would show (a deck embeds nothing from the
//   network), any other goes with a warning; `[TOC]` lists the deck's slide titles, as Slidev's `<Toc />` does;
// - a picture's size after its address, `![](a.png =450x)` (markdown-it-imsize's syntax), is its width and height.
import type { DialectLine } from '../directive-lines.js';
import { findEmbedAddress } from './embed-addresses.js';

/** The callout each of HackMD's alert boxes is. */
const ALERTS: Record<string, string> = { info: 'note', success: 'tip', warning: 'warning', danger: 'important' };
/** HackMD's own lines: an alert box or spoiler, an embed, a name or time tag. */
const OWN_LINE = /^:::[ \t]*(?:info|success|warning|danger|spoiler)\b|\{%[ \t]*(?:youtube|vimeo|gist|slideshare|speakerdeck|pdf|figma)[ \t]|\[(?:name|time)=[^\]\n]{1,200}\]/m;
/** A picture with HackMD's size after its address: the picture up to its address, then its width and height (either may be left out). */
const IMAGE_SIZE = /(!\[[^\]\n]{0,500}\]\([^()\s]{1,2000})[ \t]+=(\d{1,4})?x(\d{1,4})?\)/g;

/** An embed: its kind and what it names. */
const EMBED = /\{%[ \t]*([a-z]+)[ \t]+([^%\n]{1,300}?)[ \t]*%\}/g;

/** Whether a deck's body is HackMD's: one of its alert boxes, embeds or tags. */
export function readsAsHackmdBody(text: string): boolean {
  return OWN_LINE.test(text);
}

/** Rewrites one line of a HackMD deck: null when nothing in it is HackMD's own, else what to read instead. */
export function rewriteHackmdLine(line: string): DialectLine | null {
  const box = /^:::[ \t]*(info|success|warning|danger|spoiler)\b[ \t]*(.*?)[ \t]*$/.exec(line);
  if (box) {
    const [, kind, title] = box as unknown as [string, string, string];
    // HackMD's boxes have no title of their own: the box alone, as Quarto's minimal callout draws it.
    const named = title ? ` title="${title.replace(/"/g, "'")}"` : ' appearance="minimal"';
    return { text: `::: {.callout-${kind === 'spoiler' ? 'note' : ALERTS[kind]}${named}}` };
  }
  // Its table of contents: the deck's slide titles, as Slidev's <Toc /> lists them (slidev-toc.ts), read again as a line of its own.
  if (/^[ \t]*\[TOC\][ \t]*$/.test(line)) return { text: '', after: ['<Toc />'] };
  if (!line.includes('[') && !line.includes('{%')) return null;
  const left: string[] = [];
  const linked: string[] = [];
  // Code spans stay as written: only the pieces between them are read.
  const text = line
    .split(/(`+[^`]*`+)/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece
            .replace(/\[(?:name|time)=([^\]\n]{1,200})\]/g, '$1')
            .replace(/\[color=[^\]\n]{0,200}\]/g, '')
            // A picture's size, as HackMD writes it after its address (`![](a.png =450x)`, `=x200`, `=450x200`): Pandoc's attributes, which the deck reads.
            .replace(IMAGE_SIZE, (_whole, image: string, width?: string, height?: string) => {
              const size = [width && `width=${width}`, height && `height=${height}`].filter(Boolean).join(' ');
              return `${image})${size ? `{${size}}` : ''}`;
            })
            .replace(EMBED, (embed, kind: string, id: string) => {
              const address = kind === 'tweet' ? undefined : findEmbedAddress(kind, id.trim());
              if (address === undefined) {
                left.push(embed);
                return '';
              }
              linked.push(kind);
              return `<${address}>`;
            }),
    )
    .join('');
  if (text === line) return null;
  const said = [...(linked.length > 0 ? [`HackMD's ${linked.join(', ')} embed is shown as a link to it: a deck embeds nothing from the network`] : []), ...(left.length > 0 ? [`HackMD's ${left.join(', ')} is not supported and was left out`] : [])];
  return { text, ...(said.length > 0 ? { warning: said.join('; ') } : {}) };
}
