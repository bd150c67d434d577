import type { DiagnosticBag } from '../errors.js';
import { ASSET_SCHEME, type ImageRef, type SourceFile } from '../model.js';
import { stripHtmlComments } from '../html-text.js';
import { resolveRawImagePath, truncate } from './resolve-references.js';
import { describeRemoved, sanitizeFragment, stripNavigationAndFrames } from './sanitize-fragment.js';
import { indexLines, joinLines, lineAt, locateLine, type Line } from './source-lines.js';
import { findTopLevelSvgs, pictureInlineSvgs } from './inline-svg.js';
import { stepClickGroups } from './dialects/slidev-click-groups.js';
import type { AnchorLink } from './slide-anchors.js';
import { createIconDrawer, drawIconGlyphs, isSlidevIconName } from './dialects/slidev-icons.js';

// A slide's raw HTML, cleaned under the deck's rules: a trusted author's kept
// but for what navigates, rebases links or frames other content; anyone else's
// sanitized. Whatever goes is reported at the line that holds it, and the
// pictures it names inside the folder are confined and inlined like Markdown's.

/** What cleaning a slide's raw HTML needs to know: the slide's lines, those that held raw HTML, and where pictures and messages go. */
export interface RawHtmlContext {
  file: SourceFile;
  lines: Line[];
  /** The first line of each top-level block that held raw HTML, for a message that can place itself no better. */
  htmlLines: Line[];
  /** `html: true`: the author is trusted. */
  trusted: boolean;
  /** The folder of the briefing a picture path from `/` is read from (Slidev's `public/`); undefined where it is absolute. */
  rootedIn?: string;
  /** Whether a picture is found from the folder of the included file its line was read from (Slidev's, presenterm's), not the slide's file. */
  ownFilePictures?: boolean;
  images: ImageRef[];
  bag: DiagnosticBag;
  /** The classes the deck's own styles name, which an element keeps (author-styles.ts). */
  styleClasses?: ReadonlySet<string>;
  /** Where links to an anchor in the deck go, with their lines, for the pass that points each at its slide (slide-anchors.ts). */
  anchorLinks?: AnchorLink[];
  /** The hint of a warning about another tool's syntax. */
  peerHint?: string;
  /**
   * A Slidev deck: an icon of a set briefdeck carries is its picture (slidev-icons.ts), any other
   * (`<mdi:account class="inline"/>`) is named as an icon, not as neutralised markup.
   */
  slidevIcons?: boolean;
}

/** The element a removed item names (`<carbon:arrow-right>`, `class on <carbon:arrow-right>`). */
const REMOVED_ELEMENT = /<([^<>\s]+)>$/;

/** A Vue directive or binding on an element, as Slidev decks write them (`v-mark.underline`, `v-motion`, `:initial`, `@click`): Slidev's, not markup's. */
const VUE_ATTRIBUTE = /^(?:v-[\w.:-]+|[:@#][\w.:-]+) on </;

/** Cleans a slide's raw HTML, reporting each thing removed at the line that holds it. */
export function cleanSlideRawHtml(html: string, c: RawHtmlContext): string {
  // Raw links follow the same rules as Markdown links, and are reported the same way, at the line that holds them.
  const source = joinLines(c.lines);
  const lineIndexAt = indexLines(source);
  // Links are met in order too, so each search goes on from the last one found (from the start, a slide of thousands
  // of links searched its whole text for each).
  let textFrom = 0;
  const lineOf = (text: string) => {
    const index = source.indexOf(text, textFrom);
    if (index !== -1) textFrom = index + text.length;
    return locateLine(index === -1 ? (c.htmlLines[0] ?? c.lines[0]!) : lineAt(c.lines, lineIndexAt(index)), c.file);
  };
  // A picture's source, as an attribute: the cleaner meets them in order, so each search goes on from the last one found.
  let sourcesFrom = 0;
  const findSource = (src: string) => {
    // Its first characters tell it apart: a source of megabytes (a picture written out as data) made a pattern too large to compile.
    const pattern = new RegExp(`\\bsrc\\s*=\\s*["']?${src.slice(0, 200).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'gi');
    pattern.lastIndex = sourcesFrom;
    return pattern.exec(source);
  };
  const lineOfSource = (src: string) => {
    const found = findSource(src);
    if (!found) return lineOf(src);
    sourcesFrom = found.index + found[0].length;
    return locateLine(lineAt(c.lines, lineIndexAt(found.index)), c.file);
  };
  // The included file the line of a picture's source was read from, if any; the search moves on at lineOfSource.
  const fileOfSource = (src: string) => {
    const found = findSource(src);
    return found ? lineAt(c.lines, lineIndexAt(found.index)).file : undefined;
  };
  // "<iframe>", or "onerror on <img>": the line where that tag first opens (with that attribute).
  const lineOfMarkup = (what: string) => {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // An element's name may hold a colon (Slidev's icons, `<carbon:arrow-right>`), which the sanitizer reports as written.
    const tag = escape(/<([\w:.-]+)>$/.exec(what)?.[1] ?? '');
    const attribute = /^([^\s<]+) on </.exec(what)?.[1];
    const match = (attribute === undefined ? null : new RegExp(`<${tag}\\b[^>]*?\\s${escape(attribute)}(?:\\s*=|[\\s/>])`, 'i').exec(source)) ?? new RegExp(`<${tag}\\b`, 'i').exec(source);
    return locateLine(match ? lineAt(c.lines, lineIndexAt(match.index)) : (c.htmlLines[0] ?? c.lines[0]!), c.file);
  };
  // An <svg> made a picture is said at its own line: the pictures come in the order they stand, each the next of the
  // source's top-level <svg>s, found once, in one pass.
  let topSvgs: number[] | undefined;
  let svgsTaken = 0;
  const lineOfNextSvg = () => {
    topSvgs ??= findTopLevelSvgs(source);
    const at = topSvgs[svgsTaken++];
    return at === undefined ? lineOfMarkup('<svg>') : locateLine(lineAt(c.lines, lineIndexAt(at)), c.file);
  };
  // A link whose address goes is said at its own line; when every address that went was said so, the removal warning below
  // leaves them unnamed, as it does pictures. One the sanitizer took on its own (an address it decoded to a script) is named there.
  let linksLeftOut = 0;
  const removedLink = (href: string, kind: 'relative' | 'unsafe') => {
    linksLeftOut++;
    // An address the page wrote with entities (`javascript&colon;…`) is found by what follows its scheme.
    const tail = href.slice(href.indexOf(':') + 1);
    c.bag.warn('W_LINK', `link to "${truncate(href)}" in raw HTML was removed; links may be https:, mailto: or #anchors`, {
      ...lineOf(source.includes(href) || tail.length < 4 ? href : tail),
      hint: kind === 'relative' ? 'a single-file deck cannot link to other local files; paste the content or link to a web page' : 'use an https: address',
    });
  };
  // A picture an `<img>` in raw HTML names inside the folder is confined and inlined like a Markdown image;
  // one it cannot be is left out, said at its own line (the removal warning below then leaves it unnamed).
  let sourcesLeftOut = 0;
  const rawImage = (src: string, alt: string): string | undefined => {
    const resolved = resolveRawImagePath(src, (c.ownFilePictures ? fileOfSource(src) : undefined) ?? c.file, c.rootedIn);
    if ('problem' in resolved) {
      sourcesLeftOut++;
      c.bag.warn('W_RAW_HTML', `the picture "${truncate(src)}" of an <img> in raw HTML was left out: ${resolved.problem}`, { ...lineOfSource(src), hint: 'copy the picture into the briefing folder and name it by its relative path' });
      return undefined;
    }
    c.images.push({ src, relPath: resolved.relPath, alt, source: lineOfSource(src) });
    return `${ASSET_SCHEME}${c.images.length - 1}`;
  };
  // A link to a slide, trusted or not, is checked against the deck's slides once they are all known (slide-anchors.ts).
  const onAnchorLink = (href: string) => c.anchorLinks?.push({ href, at: lineOf(href) });
  /** What a cleaning removed, less the picture sources and link addresses already reported one by one. */
  const unreported = (before: string, after: string) => {
    const counts = new Map<string, number>();
    // A picture left out went with its `<img>` and the attributes that only placed or sized it, its alt text in its place
    // (sanitize-fragment.ts): said at its own line already. A handler on it is still named, as on any element.
    const ofPictureLeftOut = (r: string) => (r === '<img>' || (r.endsWith(' on <img>') && !/^on/i.test(r))) && counts.get(r)! <= sourcesLeftOut;
    return describeRemoved(before, after, counts).filter((r) => !ofPictureLeftOut(r) && !(r === 'href on <a>' && counts.get(r)! <= linksLeftOut));
  };
  // Slidev's icons are its syntax, not markup: drawn, or written as the character that draws them, whoever wrote the HTML.
  // One of another set is left to the sanitizer, which names it; a trusted author's HTML is not sanitized, so it goes here.
  const leaveOutIcon = (name: string) => {
    c.bag.warn('W_PEER_SYNTAX', `Slidev icon <${name}> has no picture offline and was left out`, { ...lineOfMarkup(`<${name}>`), hint: c.peerHint ?? '' });
    return '';
  };
  const drawIcon = c.slidevIcons ? createIconDrawer(c.images) : undefined;
  if (drawIcon) html = drawIconGlyphs(html, (name, raw) => drawIcon(name, () => lineOfMarkup(`<${name}>`), raw) ?? (c.trusted ? leaveOutIcon(name) : undefined));
  if (c.trusted) {
    // A trusted author keeps their HTML, but nothing that could navigate the deck, rebase its links or frame other content.
    const kept = stripNavigationAndFrames(html, removedLink, rawImage, onAnchorLink);
    const removed = kept === html ? [] : unreported(html, kept);
    if (removed.length > 0) {
      c.bag.warn('W_RAW_HTML', `raw HTML that runs scripts, navigates, rebases links or embeds frames was removed, even with \`html: true\`: ${removed.join(', ')}`, {
        ...lineOfMarkup(removed[0]!),
        hint: 'script, meta, base, iframe, frame, object and embed never reach a deck; link to the page instead',
      });
    }
    html = kept;
  }
  if (!c.trusted) {
    // An <svg> is kept as a picture of itself, which runs and loads nothing, rather than removed as markup (inline-svg.ts).
    html = pictureInlineSvgs(html, (svg, alt, leftOut, decorative) => {
      const at = lineOfNextSvg();
      if (leftOut.length > 0) {
        c.bag.warn('W_RAW_HTML', `an <svg>'s reference out of the picture was left out: ${leftOut.map((url) => truncate(url)).join(', ')}`, { ...at, hint: 'a deck carries nothing from elsewhere; draw the part into the picture, or write it as a data: URL' });
      }
      c.images.push({ src: '<svg>', relPath: `#inline-svg-${c.images.length}`, alt, source: at, inlineSvg: svg, ...(decorative ? { decorative } : {}) });
      return `${ASSET_SCHEME}${c.images.length - 1}`;
    });
    if (c.slidevIcons) html = stepClickGroups(html);
    const cleaned = sanitizeFragment(html, removedLink, rawImage, c.styleClasses, onAnchorLink);
    // Comments are dropped silently: an author's note to self is not a problem worth a warning.
    let removed = cleaned === stripHtmlComments(html) ? [] : unreported(html, cleaned);
    // Vue's directives (Slidev's marks and motions, bindings, handlers) mean nothing outside Slidev: said as such, not as neutralised markup.
    // One warning per line that holds them, each where its element opens.
    const vueByLine = new Map<string, { at: ReturnType<typeof lineOfMarkup>; what: string[] }>();
    for (const what of removed.filter((item) => VUE_ATTRIBUTE.test(item))) {
      const at = lineOfMarkup(what);
      const key = `${at.file}:${at.line}`;
      if (!vueByLine.has(key)) vueByLine.set(key, { at, what: [] });
      vueByLine.get(key)!.what.push(what);
    }
    for (const { at, what } of vueByLine.values()) {
      const one = what.length === 1;
      // Named in Vue's shorthand (`@click`), as Slidev decks write them; the leftover reader wrote them out in full (`v-on:click`) for the HTML reader.
      const named = what.map((item) => item.replace(/^v-on:/, '@').replace(/^v-slot:/, '#'));
      c.bag.warn('W_PEER_SYNTAX', `Slidev's (Vue's) ${named.join(', ')} ${one ? 'does' : 'do'} nothing outside Slidev and ${one ? 'was' : 'were'} left out; the element and its text stay`, { ...at, hint: c.peerHint ?? '' });
    }
    if (vueByLine.size > 0) removed = removed.filter((what) => !VUE_ATTRIBUTE.test(what));
    // Slidev's icons inside HTML (`<p>Next <carbon:arrow-right class="inline"/></p>`): each named once, as the inline reader names them.
    const isIcon = (what: string) => c.slidevIcons === true && isSlidevIconName(REMOVED_ELEMENT.exec(what)?.[1] ?? '');
    for (const name of new Set(removed.filter((what) => what.startsWith('<') && isIcon(what)))) {
      c.bag.warn('W_PEER_SYNTAX', `Slidev icon ${name} has no picture offline and was left out`, { ...lineOfMarkup(name), hint: c.peerHint ?? '' });
    }
    removed = removed.filter((what) => !isIcon(what));
    // Only classes went, which no style of the deck names: that draws nothing here, and saying how to keep them serves better than calling it neutralised.
    if (removed.length > 0 && removed.every((what) => what.startsWith('class on <'))) {
      c.bag.warn('W_RAW_HTML', `classes no style of the deck names were left out of raw HTML (${removed.map((what) => what.slice('class on '.length)).join(', ')})`, {
        ...lineOfMarkup(removed[0]!),
        hint: 'give them a rule in a <style> block (or the deck\'s css: file) to keep them, or leave them out',
      });
    } else if (removed.length > 0) {
      c.bag.warn('W_RAW_HTML', `raw HTML was neutralised: removed ${removed.join(', ')}`, {
        ...lineOfMarkup(removed[0]!),
        hint: 'write Markdown instead, or set `html: true` in the metadata if you trust every author of this briefing',
      });
    }
    html = cleaned;
  }
  return html;
}
