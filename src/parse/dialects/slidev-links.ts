// Slidev's `<Link to="…">` to another slide, a page's number or a slide's `routeAlias`: read wherever it stands, as a link
// that slide-anchors.ts points at the slide.

/**
 * Slidev's `<Link … to="…" …>`, its `to` anywhere among its attributes: where it goes, a page's number or a slide's `routeAlias`, bound (`:to`) or not.
 * No attribute's name holds a `/`, so the one that closes the tag is never read as one, written after a space (`<Link to="2" />`) or not.
 */
const LINK_TAG = /<Link\b((?:\s+[^\s<>=/]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=]+))?)*)\s*(\/?)>(?:([^<>]*)<\/Link>)?/gu;
const LINK_TARGET = /\s:?to\s*=\s*(["'])([\p{L}\p{N}_.:-]{1,100})\1/u;
const LINK_TITLE = /\stitle\s*=\s*(["'])([^"'<>]*)\1/;

/**
 * Slidev's links to a slide (`<Link to="3">text</Link>`, `<Link to="intro" title="Back"/>`) as HTML links to `#3`, `#intro`,
 * which slide-anchors.ts points at the slide: HTML, so that one inside a block of raw HTML (a cover's `<div>`) is a link
 * there too, its other attributes (a style) kept for the sanitizer to judge. A `<Link>` with no such target is left as it is.
 */
export function rewriteSlidevLinks(line: string): string {
  return line.replace(LINK_TAG, (tag, attributes: string, selfClosing: string, text: string | undefined) => {
    const target = LINK_TARGET.exec(attributes);
    if (!target || (selfClosing === '' && text === undefined)) return tag;
    const title = LINK_TITLE.exec(attributes);
    const others = attributes.replace(LINK_TARGET, '').replace(selfClosing === '/' ? LINK_TITLE : /(?!)/, '');
    return `<a href="#${target[2]}"${others}>${selfClosing === '/' ? (title?.[2] ?? target[2]) : text}</a>`;
  });
}
