import * as parse5 from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

// An SVG picture drawn outside the browser (resvg, for PowerPoint) reads every file its
// elements name: `<image href="/home/…/secret.png">` would draw a file from anywhere on
// this machine into the export, and a path to a named pipe would hang it. In the browser
// an SVG picture loads nothing, so nothing it names is part of the deck: before resvg
// draws it, every reference out of the picture itself is taken off.

type Node = DefaultTreeAdapterMap['node'];

/** A reference an SVG may keep: to a part of itself (`#id`), or data written into it (`data:`). */
const SELF_CONTAINED = /^\s*(?:#|data:)/i;

/** The SVG text with every `href` (and `xlink:href`) that points out of the picture removed; read with parse5, as a browser would read it. */
export function dropExternalReferences(svg: string): string {
  if (!/href/i.test(svg)) return svg;
  const fragment = parse5.parseFragment(svg);
  const visit = (node: Node) => {
    if ('attrs' in node) node.attrs = node.attrs.filter((a) => a.name !== 'href' || SELF_CONTAINED.test(a.value));
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if ('content' in node) visit((node as unknown as { content: Node }).content);
  };
  visit(fragment);
  // SVG is XML, which knows no `&nbsp;`: the serializer writes a no-break space so (its only named entity beyond XML's own).
  return parse5.serialize(fragment).replace(/&nbsp;/g, '&#160;');
}
