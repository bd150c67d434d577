// Pandoc reads a heading's attributes over several lines (its attribute parser takes a line break between two of
// them), and Quarto decks write long background settings so:
//   # Formatting {background-image="icon.svg"
//                 background-size="50%"}
// briefdeck reads a line at a time, so such a heading is made one line before the deck is cut.
import { createFenceReader } from '../../read-fences.js';

/** An ATX heading whose attributes open and do not close on its line. */
const OPENED = /^#{1,6}[ \t]+(?:.*[ \t])?\{[^{}]*$/;
/**
 * What may stand between the braces: classes, ids and key=value pairs, each quoted value on one line. Each ends at a
 * space or the end, so there is one way to read a run of them (`a=b=c`), and a long line that is not attributes fails fast.
 */
const ATTRIBUTES = /^\s*(?:(?:[.#][\w:.-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))(?:\s+|$))*$/;
/** How many lines one heading's attributes may take: a brace left open is text, not a search to the end of the file. */
const MAX_LINES = 20;

/**
 * The text with each heading whose attributes go on over the next lines joined into one line, and the lines it took
 * left blank, so every other line keeps its number. Inside code, and where what follows is not attributes closing with
 * `}` at a line's end before a blank line, nothing changes.
 */
export function joinHeadingAttributeLines(text: string): string {
  if (!text.includes('{')) return text;
  const lines = text.split('\n');
  const fences = createFenceReader();
  for (let i = 0; i < lines.length; i++) {
    if (fences.read(lines[i]!) || !OPENED.test(lines[i]!)) continue;
    const end = findClose(lines, i);
    if (end === -1) continue;
    const opened = lines[i]!.indexOf('{');
    const attributes = [lines[i]!.slice(opened + 1), ...lines.slice(i + 1, end + 1).map((line) => line.trim())].join(' ').replace(/\}[ \t]*$/, '');
    if (!ATTRIBUTES.test(attributes)) continue;
    lines[i] = `${lines[i]!.slice(0, opened).trimEnd()} {${attributes.trim()}}`;
    for (let j = i + 1; j <= end; j++) lines[j] = '';
    i = end;
  }
  return lines.join('\n');
}

/** The line after `from` whose `}` closes the attributes, or -1 when a blank line, another brace or MAX_LINES come first. */
function findClose(lines: string[], from: number): number {
  for (let j = from + 1; j < lines.length && j <= from + MAX_LINES; j++) {
    const line = lines[j]!;
    if (line.trim() === '' || line.includes('{')) return -1;
    if (line.includes('}')) return /^[^}]*\}[ \t]*$/.test(line) ? j : -1;
  }
  return -1;
}
