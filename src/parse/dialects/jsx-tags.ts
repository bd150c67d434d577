// An MDX deck's JSX tags, read with acorn and its JSX plugin (acorn-jsx), never by pattern: a component's attributes
// hold JavaScript (`title={() => (<h2>…</h2>)}`, `src={require("./a.png")}`, `style={{ maxHeight: '50vh' }}`), over
// as many lines as the author likes, with `>` and quotes inside. mdx.ts asks where a tag that opens a line ends, and
// which of its attributes are plain strings; the rest of the deck is Markdown, read as any.
import { createRequire } from 'node:module';
import type { Parser } from 'acorn';

const require = createRequire(import.meta.url);
// Loaded for MDX decks only.
let jsxParser: typeof Parser | undefined;

/** How far past a tag's `<` its end is looked for, in characters: far beyond any tag an author writes. */
const MAX_TAG = 20_000;
/** How many `>` are tried as the end of an opening tag whose element does not parse whole (its children are Markdown). */
const MAX_TRIES = 64;

/**
 * How many characters the parser may read for one file, all its tags together. Each tag is read from its `<` on, and a
 * line of unclosed JavaScript reads on to the window's end: thousands of such lines read the same text again each, and
 * once this is spent the rest of the file's tags are left as written (leftovers.ts still says what they are).
 */
export const JSX_READING_BUDGET = 2_000_000;

/** A JSX tag read: where it ends in the text, its name, whether it closes itself, and its attributes whose values are plain strings. */
export interface JsxTag {
  end: number;
  name: string;
  selfClosing: boolean;
  /** `name="value"` pairs, in order; attributes whose value is JavaScript are not among them. */
  stringAttributes: [string, string][];
  /** Whether any attribute's value is JavaScript (`={…}`). */
  scripted: boolean;
}

interface JsxNode {
  type: string;
  start: number;
  end: number;
  openingElement?: { end: number; selfClosing: boolean; name: { type: string; name?: string }; attributes: { type: string; name?: { name?: string }; value?: { type: string; value?: unknown } | null }[] };
}

/**
 * Reads the JSX tag that starts at `start` in `text` (its `<`): the opening tag of an element, or a self-closing one;
 * null when none parses there, or when `budget` (characters left to read, JSX_READING_BUDGET for a file) is spent.
 */
export function readJsxTag(text: string, start: number, budget: { left: number }): JsxTag | null {
  jsxParser ??= (require('acorn') as typeof import('acorn')).Parser.extend((require('acorn-jsx') as () => (p: typeof Parser) => typeof Parser)());
  const window = text.slice(start, start + MAX_TAG);
  const parseElement = (source: string) => (budget.left > 0 ? parseCounted(source, budget) : null);
  const element = parseElement(window);
  if (element) return describe(element, start);
  // Its children are Markdown, which is not JSX, or Markdown after it reads on as JavaScript (`<X/>` over `- item`): the
  // tag alone is read, ended at each `>` in turn until one parses, as a tag that closes itself or as an opening one.
  const name = /^<([A-Za-z][\w.-]*)/.exec(window)?.[1];
  if (!name) return null;
  let tries = 0;
  for (let gt = window.indexOf('>'); gt !== -1 && tries < MAX_TRIES; gt = window.indexOf('>', gt + 1), tries += 1) {
    const tag = window.slice(0, gt + 1);
    const alone = parseElement(tag);
    if (alone?.openingElement?.selfClosing && alone.end === gt + 1) return describe(alone, start);
    const opening = parseElement(`${tag}</${name}>`);
    if (opening?.openingElement && opening.openingElement.end === gt + 1) return describe(opening, start);
  }
  return null;
}

/** Parses a JSX element at the start of `source`, taking what the parser read (to the element's end, or to its error) from `budget`. */
function parseCounted(source: string, budget: { left: number }): JsxNode | null {
  try {
    const node = jsxParser!.parseExpressionAt(source, 0, { ecmaVersion: 'latest' }) as unknown as JsxNode;
    budget.left -= node.end;
    return node.type === 'JSXElement' ? node : null;
  } catch (err) {
    budget.left -= (err as { pos?: number }).pos ?? source.length;
    return null;
  }
}

function describe(element: JsxNode, offset: number): JsxTag {
  const opening = element.openingElement!;
  const stringAttributes: [string, string][] = [];
  let scripted = false;
  for (const a of opening.attributes) {
    if (a.type !== 'JSXAttribute' || !a.name?.name) {
      scripted = true;
      continue;
    }
    if (a.value?.type === 'Literal' && typeof a.value.value === 'string') stringAttributes.push([a.name.name, a.value.value]);
    else if (a.value === null || a.value === undefined) stringAttributes.push([a.name.name, '']);
    else scripted = true;
  }
  return { end: offset + (opening.selfClosing ? element.end : opening.end), name: opening.name.name ?? '', selfClosing: opening.selfClosing, stringAttributes, scripted };
}
