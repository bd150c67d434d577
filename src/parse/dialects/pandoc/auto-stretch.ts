// Quarto's auto-stretch: in a Quarto deck, a slide's one picture takes the height the slide has left, as reveal's
// `r-stretch` class makes it (templates/themes/layout.css), when the picture stands alone in its paragraph (its caption
// beside it), outside any div (a column, a fragment, a panel), on a slide with no aside, and has no height of its own,
// no place (`.absolute`), no step and no `.nostretch`, and is not a Mermaid diagram (Quarto draws those inline).
// Quarto decides this on the page it writes (applyStretch in its reveal format); here it is decided on the slide's
// HTML as the renderer writes it, one paragraph to a line.
import type { BriefingMeta } from '../../../model.js';

/** Whether the deck's lone pictures stretch: a Quarto deck's do unless `auto-stretch: false`. */
export function stretchesLonePictures(meta: Pick<BriefingMeta, 'peerTools' | 'autoStretch'>, file: string): boolean {
  return meta.autoStretch ?? (meta.peerTools.includes('Quarto') || /\.qmd$/i.test(file));
}

/** The slide's HTML with its one picture stretched, where Quarto would stretch it; else as it was. */
export function stretchLonePicture(html: string): string {
  if (html.match(/<img\b/g)?.length !== 1 || /<div class="aside"|<aside\b/.test(html)) return html;
  const alone = /^<p>(<img [^>]*>)(?:<span class="figure-caption"[^>]*>.*?<\/span>)?<\/p>$/m.exec(html);
  if (!alone) return html;
  const before = html.slice(0, alone.index);
  if (before.split('<div').length !== before.split('</div>').length) return html;
  const img = alone[1]!;
  // A Mermaid diagram is drawn inline by Quarto, not as a picture, so it is never stretched.
  if (/\sheight="|\sstyle="position:absolute|\sclass="[^"]*\b(?:r-stretch|nostretch|fragment|diagram)\b/.test(img)) return html;
  const stretched = img.includes(' class="') ? img.replace(' class="', ' class="r-stretch ') : img.replace(/>$/, ' class="r-stretch">');
  return before + alone[0].replace(img, stretched) + html.slice(alone.index + alone[0].length);
}
