// Fenced code blocks, followed line by line as CommonMark closes them, so that
// line-based readers (the slide cutter, footnotes, cross-references) never read
// a line of code as syntax.

/** A fence's marker, after the indentation its container allows (up to 3 spaces more). */
const FENCE = /^(`{3,}|~{3,})/;
/** A list item's marker and the spaces after it, before its first content: its content starts where this ends. */
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])( {1,4}|\t)(?=\S)/;

/** Follows fenced code blocks line by line, as CommonMark closes them: by a fence of the same character, at least as long. */
export interface FenceReader {
  /** True between a fence's opening line and its closing line. */
  readonly inside: boolean;
  /** Reads the next line: true when it is code (inside a fence, or a fence's opening or closing line). */
  read(line: string): boolean;
}

/** A thematic break: three or more of one of `-`, `*`, `_`, spaces and tabs between. */
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The first characters (by code, below 128) of a line that may be indented, or open a fence or a numbered list item. */
const MAY_OPEN = new Uint8Array(128);
for (const c of ' \t`~0123456789') MAY_OPEN[c.charCodeAt(0)] = 1;

/** Whether text may open with a list item's marker: a digit, or a bullet then a space or tab (a rule, `---`, is none). */
function mayStartItem(text: string): boolean {
  const c = text[0];
  return c === '-' || c === '*' || c === '+' ? text[1] === ' ' || text[1] === '\t' : c !== undefined && c >= '0' && c <= '9';
}

/** Where a line's text starts, past its spaces and tabs. */
function indentEnd(line: string): number {
  let at = 0;
  while (line[at] === ' ' || line[at] === '\t') at++;
  return at;
}

/** The columns a line's indentation (its first `at` characters) takes: a tab to the next multiple of 4, as CommonMark counts it. */
function indentColumns(line: string, at: number): number {
  let columns = 0;
  for (let i = 0; i < at; i++) columns = line[i] === '\t' ? columns + 4 - (columns % 4) : columns + 1;
  return columns;
}

/** Where a reader stands: the fence open, if any, the open list items' content columns, and whether a paragraph is open. */
interface FenceState {
  /** The fence open: its marker, the content column of the list item it stands in (0 at the margin), and its line before. */
  fence: { char: string; length: number; base: number; previous: string | null } | null;
  /** The content column of each open list item, innermost last. */
  items: number[];
  /** The line before was text a lazy line may carry on. */
  paragraph: boolean;
}

/**
 * Starts reading a text's fences from its first line. A fence inside a list item may stand as far in as the item's
 * content (`1. Step` then a fence indented 3 or 4 spaces, or `- ` then one on the item's own line), as marked reads it;
 * so the reader follows the open list items' content columns too: a line that stands left of one ends that item,
 * unless it carries on a paragraph (CommonMark's lazy continuation).
 */
export function createFenceReader(): FenceReader {
  const state: FenceState = { fence: null, items: [], paragraph: false };
  return {
    get inside() {
      return state.fence !== null;
    },
    read(line) {
      if (line === '') {
        if (state.fence) {
          state.fence.previous = '';
          return true;
        }
        state.paragraph = false;
        return false;
      }
      const first = line[0]!;
      // Most lines start at the margin with a letter or a mark that opens no fence or list item: nothing to measure.
      const bullet = (first === '-' || first === '*' || first === '+') && (line[1] === ' ' || line[1] === '\t');
      const plain = !bullet && !MAY_OPEN[line.charCodeAt(0)];
      // Code: at the margin only a closing fence ends it (a plain line or a bullet cannot be one); in a list item, the item's end may too.
      if (state.fence && (state.fence.base === 0 ? plain || bullet || readInFence(state, line) : readInItemFence(state, line))) return true;
      if (plain) {
        // It ends every list item, unless it carries on the paragraph before it.
        if (state.items.length > 0 && !(state.paragraph && !startsBlock(line))) state.items = [];
        state.paragraph = true;
        return false;
      }
      // A bullet at the margin (`- text`, not `- ```js`): an item whose content starts at column 2, and every item before it ended.
      if (bullet && line[1] === ' ' && line[2] !== undefined && line[2] > ' ' && line[2] !== first && line[2] !== '`' && line[2] !== '~') {
        if (state.items.length === 1) state.items[0] = 2;
        else state.items = [2];
        state.paragraph = true;
        return false;
      }
      return readOutside(state, line);
    },
  };
}

/** Reads a line of code for the fence that closes it: true, since the line is code (the closing fence included). */
function readInFence(state: FenceState, line: string, at = indentEnd(line), columns = indentColumns(line, at)): true {
  const fence = state.fence!;
  const marker = columns <= fence.base + 3 ? FENCE.exec(line.slice(at))?.[1] : undefined;
  if (marker && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker) state.fence = null;
  else fence.previous = line;
  return true;
}

/**
 * Reads a line of a fence inside a list item. A line left of the item's content ends the item, and the code with it, as
 * marked ends it: when it starts a block (a fence, heading, HTML, quote, list item or rule), or follows a blank line, the
 * fence's opening line or a line no lazy line carries on; else marked carries the code on through it (a lazy line).
 * False when the code ended before this line, which is then read as any other.
 */
function readInItemFence(state: FenceState, line: string): boolean {
  const fence = state.fence!;
  const at = indentEnd(line);
  const columns = indentColumns(line, at);
  if (columns >= fence.base || at === line.length) return readInFence(state, line, at, columns);
  const previous = fence.previous;
  const ends = (columns <= 3 && startsBlock(line.slice(at))) || previous === null || previous.trim() === '' || endsLazyLines(previous.slice(fence.base));
  if (!ends) return readInFence(state, line, at, columns);
  state.fence = null;
  return false;
}

/** A heading or an HTML block opening (as marked's list items test for them). */
const HEADING_OR_HTML = /^(?:#{1,6}(?:\s|$)|<(?:\/?[a-zA-Z]|!--|\?|![A-Z]))/;

/** Whether text (past its indentation) starts a block that ends a list item, so no lazy line: a fence, heading, HTML, quote, list item or rule. */
function startsBlock(text: string): boolean {
  return FENCE.test(text) || HEADING_OR_HTML.test(text) || /^(?:>|(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$))/.test(text) || THEMATIC_BREAK.test(text);
}

/** Whether an item's line (from its content column) is one no lazy line carries on: indented code, a fence, heading, HTML or rule. */
function endsLazyLines(text: string): boolean {
  const at = indentEnd(text);
  if (indentColumns(text, at) >= 4) return true;
  const rest = text.slice(at);
  return FENCE.test(rest) || HEADING_OR_HTML.test(rest) || THEMATIC_BREAK.test(rest);
}

/** Reads a line outside code that may be indented, or open a list item or a fence: true when it opens a fence. */
function readOutside(state: FenceState, line: string): boolean {
  const { items } = state;
  const at = indentEnd(line);
  if (at === line.length) {
    state.paragraph = false;
    return false;
  }
  const columns = at === 0 ? 0 : indentColumns(line, at);
  let rest = at === 0 ? line : line.slice(at);
  let base = items.length > 0 ? items[items.length - 1]! : 0;
  const item = columns < base + 4 && mayStartItem(rest) ? readListItem(state, rest, columns >= base) : null;
  if (columns < base) {
    if (!(state.paragraph && !item && !startsBlock(rest))) while (items.length > 0 && columns < items[items.length - 1]!) items.pop();
    base = items.length > 0 ? items[items.length - 1]! : 0;
  }
  let start = columns;
  // A list item's first line: its content column opens a container, and a fence may open the item itself (`- ```js`).
  if (item) {
    base = start + item[1]!.length + (item[2] === '\t' ? 4 - ((start + item[1]!.length) % 4) : item[2]!.length);
    items.push(base);
    rest = rest.slice(item[0].length);
    start = base;
  }
  const marker = start <= base + 3 && (rest[0] === '`' || rest[0] === '~') ? FENCE.exec(rest)?.[1] : undefined;
  if (!marker) {
    // Text indented four or more past its container, after a blank line, is indented code, which no lazy line carries on.
    state.paragraph = !(start >= base + 4 && !state.paragraph);
    return false;
  }
  state.fence = { char: marker[0]!, length: marker.length, base, previous: null };
  state.paragraph = false;
  return true;
}

/** A list item's marker opening `text`, unless it is a number other than 1 breaking into a paragraph as a list's first item, which carries the paragraph on. */
function readListItem(state: FenceState, text: string, nested: boolean): RegExpExecArray | null {
  const found = LIST_ITEM.exec(text);
  // A rule of dashes, stars or underscores with spaces between (`- - -`, `* * *`) is a rule, not an item.
  if (found && THEMATIC_BREAK.test(text)) return null;
  if (!found || !state.paragraph || !nested) return found;
  const marker = found[1]!;
  return marker[0]! >= '0' && marker[0]! <= '9' && !/^0*1[.)]$/.test(marker) ? null : found;
}

/** A backtick fence that no line of `text` can close: one longer than its longest run of backticks, and at least three. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * The text with every line inside a fenced code block emptied, line for line, so a reader looking for a tool's syntax
 * never takes code for it (a deck may show Marp's or Slidev's lines in a block). A fence's opening line is kept: its
 * info string is the tool's syntax (Quarto's ```` ```{python} ````, Slidev's ```` ```ts {monaco} ````). A block `keep`
 * accepts, by its opening line and the last line with text before it, is kept whole (Slidev's front matter in a block).
 */
export function blankFencedCode(text: string, keep?: (opening: string, before: string | undefined) => boolean): string {
  if (!text.includes('```') && !text.includes('~~~')) return text;
  const fences = createFenceReader();
  let before: string | undefined;
  let kept = false;
  return text
    .split('\n')
    .map((line) => {
      const opening = !fences.inside;
      const code = fences.read(line);
      if (code && opening) kept = keep?.(line, before) ?? false;
      if (line.trim() !== '') before = line;
      return code && !opening && !kept ? '' : line;
    })
    .join('\n');
}
