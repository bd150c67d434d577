// The depth guard that runs before marked: marked recurses once per level of
// nesting, so a hostile input nested thousands deep would take it seconds, or
// past its stack. A line nested deeper than any slide can show is an error
// at that line instead, before marked sees it.
import type { Line } from './source-lines.js';

/** Deeper than any slide can show, and shallow enough that marked stays fast and within its stack. */
export const MAX_NESTING = 32;

/** Finds the first line nested deeper than MAX_NESTING, by `>` markers, list indentation, or markers one after another. */
export function findExcessiveNesting(lines: Line[]): Line | undefined {
  return lines.find((line) => {
    const quote = /^(?:[ \t]*>)+/.exec(line.text);
    if (quote && (quote[0].match(/>/g) ?? []).length > MAX_NESTING) return true;
    const item = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/.exec(line.text);
    if (item !== null && item[1]!.replace(/\t/g, '    ').length / 2 > MAX_NESTING) return true;
    // Markers one after another on a line (`- - - - x`, `> - > - x`) nest as deep as indentation does; a line of
    // markers alone (`- - - -`) is a thematic break, not a list.
    const markers = /^(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])(?=[ \t]|$))+/.exec(line.text);
    return markers !== null && line.text.slice(markers[0].length).trim() !== '' && (markers[0].match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0) > MAX_NESTING;
  });
}
