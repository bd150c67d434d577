import * as parse5 from 'parse5';

// The parse reads and rewrites a slide's HTML with parse5 in several passes (notes,
// reveal's element comments, raw-text elements) while the math renderer's marks,
// made of NUL, stand in its text for the formulas it puts back at the end. parse5
// drops NUL, as a browser does; these passes swap the marks for a noncharacter
// while they hold the tree, so a formula is never lost to them.

/** What stands for a mark while parse5 holds the HTML. */
const STAND = '\uffff';

/** A fragment parsed with `marks` kept, and how to write it (or a part of it) back with them. */
export interface KeptFragment {
  fragment: parse5.DefaultTreeAdapterMap['documentFragment'];
  serialize(node?: parse5.DefaultTreeAdapterMap['parentNode']): string;
}

/** Parses an HTML fragment as a browser would, keeping the character `marks` (NUL by default) where it stands. */
export function parseFragmentKeepingMarks(html: string, marks = '\u0000'): KeptFragment {
  const fragment = parse5.parseFragment(html.replaceAll(STAND, '\ufffd').replaceAll(marks, STAND));
  return { fragment, serialize: (node = fragment) => parse5.serialize(node).replaceAll(STAND, marks) };
}

/** The text of a parse5 node, entities decoded, as the DOM's `textContent` gives it. */
export function textOf(node: parse5.DefaultTreeAdapterMap['node']): string {
  if (node.nodeName === '#text') return (node as parse5.DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
