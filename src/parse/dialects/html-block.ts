// Raw HTML that a reader of another tool's deck writes out into the Markdown it makes (a reveal.js
// page's sections, a notebook's HTML outputs), so that Markdown passes it on as HTML and reads
// nothing of it as Markdown: no line of it may be blank, open a code block, cut a slide or start a note.

/** Elements whose line breaks are kept as written. */
const PREFORMATTED = /<(?:pre|textarea|listing|plaintext)\b/i;

/**
 * Writes HTML as one HTML block, which Markdown passes on as it is: on one line, as HTML's
 * spaces between tags allow, or, where line breaks count (`<pre>`), on its lines with blank
 * ones kept by an empty comment and none read as a separator or a note.
 */
export function writeHtmlBlock(html: string, line: number, emit: (text: string, line: number) => void): void {
  emit('', line);
  // Split and trimmed, not a pattern such as `\s*\n\s*`, which looks along a long run of spaces from each of its characters.
  if (!PREFORMATTED.test(html)) emit(html.split('\n').map((part) => part.trim()).filter(Boolean).join(' '), line);
  else html.split('\n').forEach((text, i) => emit(i > 0 ? `<!---->${text}` : text, line + i));
  emit('', line);
}

