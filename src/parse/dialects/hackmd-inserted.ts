// HackMD's (and HedgeDoc's) inserted text, `++like this++`, as markdown-it-ins reads it: an `<ins>`. As there,
// `C++ and C++` and `i++ + j++` stay as written (delimited-text.ts). Read in a HackMD deck only: elsewhere `++` means nothing.
import { createDelimitedTextExtension } from '../delimited-text.js';

/** The marked extension that turns `++text++` into `<ins>text</ins>`. */
export const insertedTextExtension = createDelimitedTextExtension('insertedText', '+', 'ins');
