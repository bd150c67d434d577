import type * as parse5 from 'parse5';
import { loadHtmlParser } from './load-html-parser.js';

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

type ParentNode = parse5.DefaultTreeAdapterMap['parentNode'];
type TreeAdapter = typeof parse5.defaultTreeAdapter;

/** Nodes parse5 has taken from the front of a parent's list and that are not yet cut from it, by parent (one parse at a time). */
const takenFromFront = new Map<ParentNode, number>();

/** Cuts from a parent's list the nodes taken from its front, before anything else reads or changes it. */
function settle(parent: ParentNode): void {
  const taken = takenFromFront.get(parent);
  if (taken === undefined) return;
  parent.childNodes.splice(0, taken);
  takenFromFront.delete(parent);
}

/**
 * parse5's own tree, but for how a node leaves its parent. parse5 moves a fragment's nodes into it one by one, each
 * taken from the front of its parent's list; spliced off the front one at a time, a list of thousands of nodes (a
 * slide of thousands of elements) made the parse quadratic. Here the nodes taken from the front are counted, and cut
 * in one splice when the list is next read or changed, or dropped at once when the last is taken; the tree is the same.
 */
function makeLinearTree(tree: TreeAdapter): TreeAdapter {
  return {
    ...tree,
    getFirstChild: (node) => node.childNodes[takenFromFront.get(node) ?? 0] ?? null,
    getChildNodes: (node) => (settle(node), node.childNodes),
    appendChild: (parent, node) => (settle(parent), tree.appendChild(parent, node)),
    insertBefore: (parent, node, reference) => (settle(parent), tree.insertBefore(parent, node, reference)),
    insertText: (parent, text) => (settle(parent), tree.insertText(parent, text)),
    insertTextBefore: (parent, text, reference) => (settle(parent), tree.insertTextBefore(parent, text, reference)),
    detachNode(node) {
      const parent = node.parentNode;
      if (!parent) return;
      const taken = takenFromFront.get(parent) ?? 0;
      if (parent.childNodes[taken] !== node) {
        settle(parent);
        tree.detachNode(node);
        return;
      }
      node.parentNode = null;
      if (taken + 1 < parent.childNodes.length) takenFromFront.set(parent, taken + 1);
      else {
        parent.childNodes.length = 0;
        takenFromFront.delete(parent);
      }
    },
  };
}

/** The tree parseHtmlFragment builds with, made the first time one is parsed (parse5 loads only then). */
let linearTree: TreeAdapter | undefined;

/** Parses an HTML fragment as a browser would, as `parse5.parseFragment` does, in a time that grows with its length alone. */
export function parseHtmlFragment(html: string): parse5.DefaultTreeAdapterMap['documentFragment'] {
  try {
    const parser = loadHtmlParser();
    return parser.parseFragment(html, { treeAdapter: (linearTree ??= makeLinearTree(parser.defaultTreeAdapter)) });
  } finally {
    // A parent whose front nodes were taken and that parse5 did not touch again is cut now: the tree handed on is whole.
    for (const parent of [...takenFromFront.keys()]) settle(parent);
  }
}

/** Parses an HTML fragment as a browser would, keeping the character `marks` (NUL by default) where it stands. */
export function parseFragmentKeepingMarks(html: string, marks = '\u0000'): KeptFragment {
  const fragment = parseHtmlFragment(html.replaceAll(STAND, '\ufffd').replaceAll(marks, STAND));
  return { fragment, serialize: (node = fragment) => loadHtmlParser().serialize(node).replaceAll(STAND, marks) };
}

/** The text of a parse5 node, entities decoded, as the DOM's `textContent` gives it. */
export function textOf(node: parse5.DefaultTreeAdapterMap['node']): string {
  if (node.nodeName === '#text') return (node as parse5.DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
