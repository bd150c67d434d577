// Style sheets an author wrote into the deck: Marp's `style:` directive and `<style>` blocks (`<style scoped>`
// for one slide), Slidev's `<style>` (always its slide's own), and a `<style>` in any other deck. Each is read
// with a real CSS parser and scoped the way its tool scopes it: `section` (Marp's `:root`, Slidev's
// `.slidev-layout`) is the slide itself, and every other selector is kept to what is on the slides, or on the one slide.
// A deck carries nothing from outside, so whatever would fetch (`@import`, a url() that is neither a data: URI nor a
// picture in the briefing folder, style-pictures.ts) is left out with a warning; comments go too. The bundle escapes what could end the deck's <style> element.
import { createRequire } from 'node:module';
import type { AtRule, Container, Document, Rule } from 'postcss';
import type { Root, Selector } from 'postcss-selector-parser';
import { readCssName } from '../css-references.js';
import { placeStylePictures, type PlaceStylePictureFrom } from './style-pictures.js';
import type { IncludedFile } from '../model.js';
import { SLIDE_CLASS_ALLOWLIST } from './dialects/reveal.js';
import { nameSome } from '../name-some.js';
import { expandStyleImports, readImportedSheet } from './style-imports.js';

/** A style sheet as the author wrote it, with where it starts. */
export interface WrittenStyle {
  css: string;
  /** The line its first line of CSS is on. */
  line: number;
  /** The file it is written in, for messages. */
  file: string;
  /** The number of the one slide it styles; absent for every slide. */
  slide?: number;
  /** Written for Marp or Slidev, where `:root` is the slide; elsewhere it is the page, as in any style sheet. */
  rootIsSlide?: boolean;
  /** Marp's own theme file, whose import of the Marp theme it builds on is left out quietly: a built-in theme stands in for it. */
  marpTheme?: boolean;
  /** Its file's path in the briefing folder, from which its `@import`s of the folder's sheets are read (style-imports.ts); none, and they are left out. */
  relPath?: string;
  /** CSS a compiler wrote (Quarto's theme files, by Sass): where each of its lines was written, for its messages (null: its first file's first line). */
  lineOrigins?: readonly (StyleLineOrigin | null)[];
}

/** The file and line a line of compiled CSS was written at. */
export interface StyleLineOrigin {
  file: string;
  relPath: string;
  line: number;
}

/** The attribute the deck template gives a slide that has a style of its own, to scope that style to it. */
const STYLE_SCOPE_ATTRIBUTE = 'data-style-scope';

/** Every slide of the deck: reveal's own sections, which carry a layout (a vertical stack's wrapper does not). */
const SLIDE = '.reveal .slides section[data-layout]';

/**
 * Set before the author's rules. Everything on a slide but the slide itself is looked for inside its body, so
 * the deck's chrome (the classification banners, the header, the footer with its number) and the speaker notes
 * are out of a style's reach; and the body is a layer of its own, under the chrome, so that nothing moved or
 * raised in it (`position: relative; z-index: 99`) can cover a banner.
 */
const CHROME_GUARD = `${SLIDE} .slide-body{isolation:isolate}${SLIDE} .classification,${SLIDE} .deck-header,${SLIDE} .deck-footer{z-index:1}`;

/** What a style may set on the slide itself: its background and its type, which the chrome sets for itself. Its frame, its display (reveal shows and hides slides by it) and the like are the deck's. */
const SLIDE_PROPERTIES = /^(?:background(?:-color|-image|-position|-size|-repeat)?|color|font(?:-family|-size|-style|-weight)?|line-height|letter-spacing|word-spacing|text-align|text-shadow)$/i;
/**
 * A variable of the author's own on the slide (a Marp theme's `section { --color-primary: #0af }`), which its rules then
 * use: inert until used, and held, like any value, to fetch nothing. Never one of the names the deck's chrome and reveal
 * read (`--r-main-color` colours the classification banner), so a slide cannot restyle its banner or footer through one.
 */
const AUTHOR_VARIABLE = /^--(?!r-|bd-|page-|slide-|vh$|viewport-)[\w-]+$/i;

/** At-rules whose rules are the deck's own (their selectors scoped like any); anything else but keyframes and fonts is left out. */
const GROUPING_RULES = new Set(['media', 'supports', 'container', 'layer']);

const require = createRequire(import.meta.url);

/** What to tell the author of a style's part that was left out for what it would fetch. */
const FETCH_HINT = 'a style may use fonts and pictures only as data: URIs; put a picture on the slide, or a theme file in the briefing folder (theme: ./my-theme.css)';
const PARSE_HINT = 'check the CSS at that line: a brace, quote or comment left open';

/**
 * Reads, scopes and cleans the author's style sheets into one, after the chrome guard; an empty string for none.
 * A picture a style names in the briefing folder is made one of the deck's by `placePicture`; what else is left out,
 * and CSS that will not parse, is warned of at its line.
 */
export function scopeAuthorStyles(written: readonly WrittenStyle[], includes: ReadonlyMap<string, IncludedFile>, warn: (file: string, line: number, message: string, hint: string) => void, placePicture?: PlaceStylePictureFrom): string {
  if (written.length === 0) return '';
  const styles = expandStyleImports(written, includes, warn);
  const postcss = require('postcss') as typeof import('postcss');
  const selectorParser = require('postcss-selector-parser') as typeof import('postcss-selector-parser');
  const sheets: string[] = [];
  for (const style of styles) {
    /** Where a node of the sheet was written: in its file, or, for compiled CSS, where its line came from. */
    const at = (node: { source?: { start?: { line: number } } }): StyleLineOrigin => {
      const line = node.source?.start?.line ?? 1;
      if (style.lineOrigins) return style.lineOrigins[line - 1] ?? { file: style.file, relPath: style.relPath ?? '', line: style.line };
      return { file: style.file, relPath: style.relPath ?? '', line: style.line + line - 1 };
    };
    let root;
    try {
      root = postcss.parse(style.css);
    } catch (err) {
      const { line, reason } = err as { line?: number; reason?: string };
      warn(style.file, style.line + (line ?? 1) - 1, `a style block's CSS does not parse (${reason ?? 'unreadable'}), so it was left out`, PARSE_HINT);
      continue;
    }
    const scope = style.slide === undefined ? SLIDE : `${SLIDE}[${STYLE_SCOPE_ATTRIBUTE}="${style.slide}"]`;
    root.walkComments((comment) => void comment.remove());
    root.walkAtRules((rule) => {
      const name = readCssName(rule.name);
      if (name === 'import' && style.relPath !== undefined && readImportedSheet(rule.params) !== null) {
        // A sheet of the folder: read in its place, or named, by style-imports.ts.
        rule.remove();
      } else if (name === 'import') {
        warn(at(rule).file, at(rule).line, `a style's @import ${rule.params.slice(0, 80)} was left out: a deck carries nothing from elsewhere`, FETCH_HINT);
        rule.remove();
      } else if (!GROUPING_RULES.has(name) && !/keyframes$/.test(name) && name !== 'font-face') {
        rule.remove();
      }
    });
    // A picture in the briefing folder becomes one of the deck's (style-pictures.ts); what else a value would fetch goes, with its declaration.
    root.walkDecls((decl) => {
      const where = at(decl);
      // A picture is found from the folder of the file that names it.
      const place = placePicture && style.relPath !== undefined ? (target: string, line: number) => placePicture(target, { path: where.file, relPath: where.relPath }, line) : undefined;
      const outcome = placeStylePictures(decl, isInFontFace(decl), place, where.line);
      if (outcome.kept) return;
      // A reference hidden by an escape (`\75 rl(…)`, found as the escaped word) is shown as the value it is in, address and all.
      const shown = outcome.fetched?.includes('\\') ? decl.value : `url(${outcome.fetched})`;
      if (outcome.fetched !== undefined) warn(where.file, where.line, `a style's ${decl.prop}: ${shown.length > 84 ? `${shown.slice(0, 83)}…` : shown} was left out: a deck carries nothing from elsewhere`, FETCH_HINT);
      decl.remove();
    });
    // Only a top-level rule, or one in @media and its kin, is scoped: keyframes' steps are not selectors, and a nested rule is relative to its parent.
    const rules: Rule[] = [];
    root.walkRules((rule: Rule) => void (isScopedLevel(rule.parent) && rules.push(rule)));
    /** What the block sets on the slide itself that a slide does not take: named in one warning, not one a property (a rendered page's sheet sets dozens). */
    const leftOnSlide: { what: string; at: StyleLineOrigin }[] = [];
    for (const rule of rules) {
      let scoped: { slide: string[]; content: string[] };
      try {
        scoped = scopeSelectors(selectorParser().astSync(rule.selector), scope, style);
      } catch {
        warn(at(rule).file, at(rule).line, `a style's selector ${rule.selector.slice(0, 80)} does not parse, so its rule was left out`, PARSE_HINT);
        rule.remove();
        continue;
      }
      if (scoped.content.length > 0) rule.cloneBefore({ selector: scoped.content.join(',') });
      if (scoped.slide.length > 0) {
        const own = rule.cloneBefore({ selector: scoped.slide.join(',') });
        own.each((node) => keepToSlide(node, (what) => leftOnSlide.push({ what, at: at(node) })));
        if (own.nodes.length === 0) own.remove();
      }
      rule.remove();
    }
    if (leftOnSlide.length > 0) warn(leftOnSlide[0]!.at.file, leftOnSlide[0]!.at.line, `a style's ${nameSome([...new Set(leftOnSlide.map((l) => l.what))], 8)} on the slide itself ${leftOnSlide.length === 1 ? 'was' : 'were'} left out: a slide's own style may set its background and its type, and the rest of it is the deck's`, SLIDE_HINT);
    sheets.push(root.toString());
  }
  return sheets.length === 0 ? '' : `${CHROME_GUARD}\n${sheets.join('\n')}\n`;
}

const SLIDE_HINT = 'style what is on the slide instead (section h1, section p), or use a theme file in the briefing folder (theme: ./my-theme.css)';

/** Keeps, of what a rule for the slide itself holds, the declarations a slide may take; a nested rule would reach past the slide's body, and goes. */
function keepToSlide(node: import('postcss').ChildNode, leftOut: (what: string) => void): void {
  if (node.type === 'decl') {
    if (!SLIDE_PROPERTIES.test(node.prop) && !AUTHOR_VARIABLE.test(node.prop)) {
      leftOut(node.prop);
      node.remove();
    }
  } else if (node.type === 'rule') {
    leftOut(`nested rule ${node.selector.slice(0, 80)}`);
    node.remove();
  } else if (node.type === 'atrule') {
    node.each((child) => keepToSlide(child, leftOut));
  }
}

/** Whether a declaration is a font face's: its `src:` names a font, never a picture. */
function isInFontFace(decl: import('postcss').Declaration): boolean {
  for (let node = decl.parent as { type: string; name?: string; parent?: unknown } | undefined; node; node = node.parent as typeof node) if (node.type === 'atrule' && readCssName(node.name ?? '') === 'font-face') return true;
  return false;
}

/** Whether a rule inside `parent` is one whose selector is scoped: at the top, or in a grouping at-rule. */
function isScopedLevel(parent: Container | Document | undefined): boolean {
  if (!parent || parent.type === 'root') return true;
  return parent.type === 'atrule' && GROUPING_RULES.has(readCssName((parent as AtRule).name)) && isScopedLevel(parent.parent);
}

type SelectorNode = Selector['nodes'][number];

/** A selector's compounds once what names the page is dropped from its front, and the node in the first that names the slide, if one does; null for a selector that starts with a combinator. */
function locateSlide(selector: Selector, style: Pick<WrittenStyle, 'rootIsSlide'>): { compounds: Compound[]; own?: SelectorNode } | null {
  const isRoot = (node: SelectorNode) => node.type === 'pseudo' && node.value.toLowerCase() === ':root';
  const isPage = (node: SelectorNode) => (node.type === 'tag' && /^(html|body)$/i.test(node.value)) || (node.type === 'class' && (node.value === 'reveal' || node.value === 'slides')) || (isRoot(node) && !style.rootIsSlide);
  const isSlide = (node: SelectorNode) => (node.type === 'tag' && node.value.toLowerCase() === 'section') || (isRoot(node) && style.rootIsSlide === true) || (node.type === 'class' && node.value === 'slidev-layout');
  const compounds = splitCompounds(selector.nodes);
  if (compounds[0]?.nodes.length === 0) return null;
  while (compounds.length > 0 && compounds[0]!.nodes.some(isPage)) compounds.shift();
  const own = compounds[0]?.nodes.find(isSlide);
  return own ? { compounds, own } : { compounds };
}

/** A class on the slide that is not one of the built-in looks: the deck's own, which a slide carries as data-author-class (never as a class, which reveal and the deck's chrome read). */
// Only a plain name counts: it is written into an attribute selector, where an escaped quote or brace could end it.
const isAuthorClass = (node: SelectorNode) => node.type === 'class' && /^-?[A-Za-z_][\w-]*$/.test(node.value) && node.value !== 'slidev-layout' && !SLIDE_CLASS_ALLOWLIST.has(node.value);

/**
 * The most classes an element may keep from the deck's styles: the sanitizer looks each class up among them, per
 * element, so a style naming a hundred thousand would make every slide's cleaning slow; a deck's own styles name far fewer.
 */
const MAX_ELEMENT_CLASSES = 500;

/**
 * The classes the deck's styles define: those they give the slide itself (`section.big`, Marp's `:root.big`) beyond
 * the built-in ones, which a slide may then take (`<!-- _class: big -->`), and every class their selectors name,
 * which an element of a slide's HTML may then keep (`<p class="big">`). Read from Marp's `style:` and the deck's
 * `<style>` blocks before the deck is cut, so that a class set for the slides after it is carried on; CSS that does
 * not parse gives none (it is warned of once it is scoped).
 */
export function readStyleClasses(texts: readonly string[], deckStyle: string | undefined, rootIsSlide: boolean): { slide: Set<string>; element: Set<string> } {
  const classes = new Set<string>();
  const element = new Set<string>();
  const sheets = texts.flatMap(findStyleBlocks);
  if (deckStyle) sheets.push(deckStyle);
  if (sheets.length === 0) return { slide: classes, element };
  const postcss = require('postcss') as typeof import('postcss');
  const selectorParser = require('postcss-selector-parser') as typeof import('postcss-selector-parser');
  for (const css of sheets) {
    try {
      postcss.parse(css).walkRules((rule) => {
        if (!isScopedLevel(rule.parent)) return;
        for (const selector of selectorParser().astSync(rule.selector).nodes) {
          const located = locateSlide(selector, { rootIsSlide });
          if (located?.own) for (const node of located.compounds[0]!.nodes) if (isAuthorClass(node)) classes.add(node.value!);
          selector.walkClasses((node) => void (isAuthorClass(node) && element.size < MAX_ELEMENT_CLASSES && element.add(node.value)));
        }
      });
    } catch {
      // Not CSS: nothing is defined by it.
    }
  }
  return { slide: classes, element };
}

/**
 * The CSS of a text's `<style>` blocks, for the classes they define; found with indexOf, in one pass whatever
 * the text holds (a pattern would try every unclosed `<style` to the end), and the first unclosed one ends the search.
 */
function findStyleBlocks(text: string): string[] {
  // Most decks have none: they are not copied to be searched.
  if (!/<style/i.test(text)) return [];
  const lower = text.toLowerCase();
  const blocks: string[] = [];
  for (let at = lower.indexOf('<style'); at !== -1; at = lower.indexOf('<style', at)) {
    const open = lower.indexOf('>', at);
    const close = open === -1 ? -1 : lower.indexOf('</style', open);
    if (close === -1) break;
    blocks.push(text.slice(open + 1, close));
    at = close;
  }
  return blocks;
}

/**
 * Scopes a selector list to `scope`, sorting its selectors into those for the slide itself and those for what
 * is on it. What names the page (`html`, `body`, `.reveal`, `.slides`, and `:root` outside Marp and Slidev) is
 * dropped from the front; then `section` (Marp's `:root`, Slidev's `.slidev-layout`) is the slide, keeping its
 * classes and states (`section.lead`; a class of the deck's own as data-author-class); anything after it, or a
 * selector without it, is looked for inside the slide's body. A selector that starts with a combinator, or
 * reaches a slide's siblings, is dropped.
 */
function scopeSelectors(list: Root, scope: string, style: WrittenStyle): { slide: string[]; content: string[] } {
  const slide: string[] = [];
  const content: string[] = [];
  for (const selector of list.nodes) {
    // Every slide's title is an h2 of class slide-title; written as `# Title`, the author's `h1` is meant for it.
    if (style.rootIsSlide) {
      selector.walkTags((tag) => {
        const level = /^h([1-6])$/i.exec(tag.value)?.[1];
        if (level) tag.value = `:is(h${level}:not(.slide-title), [data-title-level="${level}"] .slide-title)`;
      });
    }
    const located = locateSlide(selector, style);
    if (!located) continue;
    const { compounds, own } = located;
    const first = compounds[0];
    if (!first || own) {
      const states = own ? first!.nodes.filter((node) => node !== own).map((node) => (isAuthorClass(node) ? `[data-author-class~="${node.value}"]` : String(node))).join('') : '';
      const rest = compounds.slice(1);
      if (rest.length === 0) slide.push(`${scope}${states}`);
      // A slide's siblings (`section + section`) are other slides, which a style of one must not reach.
      else if (!/[+~]/.test(rest[0]!.combinator)) content.push(`${scope}${states} .slide-body ${joinCompounds(rest)}`);
      continue;
    }
    if (/[+~]/.test(first.combinator)) continue;
    content.push(`${scope} .slide-body ${joinCompounds(compounds)}`);
  }
  return { slide, content };
}

type Compound = { combinator: string; nodes: SelectorNode[] };

/** A selector's compounds, each with the combinator before it (empty for the first). */
function splitCompounds(nodes: readonly SelectorNode[]): Compound[] {
  const compounds: Compound[] = [{ combinator: '', nodes: [] }];
  for (const node of nodes) {
    if (node.type === 'combinator') compounds.push({ combinator: node.value.trim(), nodes: [] });
    else compounds.at(-1)!.nodes.push(node);
  }
  return compounds;
}

/** Writes compounds back as a selector, a descendant combinator where none is written; the first's combinator is dropped. */
function joinCompounds(compounds: readonly Compound[]): string {
  return compounds.map((c, i) => `${i > 0 ? (c.combinator ? ` ${c.combinator} ` : ' ') : ''}${c.nodes.map((n) => { n.spaces.before = ''; n.spaces.after = ''; return String(n); }).join('')}`).join('');
}
