// Highlighted text, `==like this==`, as markdown-it-mark reads it (Obsidian, Typora and the many markdown-it setups
// that add it): a `<mark>`. As there, `a == b` and `x == y == z` stay as written (delimited-text.ts).
import { createDelimitedTextExtension } from './delimited-text.js';

/** The marked extension that turns `==text==` into `<mark>text</mark>`. */
export const highlightMarkExtension = createDelimitedTextExtension('highlightMark', '=', 'mark');
