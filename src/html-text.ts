/** Escapes text for an HTML attribute or element body. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The text without its HTML comments (`<!-- … -->`), as `/<!--[\s\S]*?-->/g` would leave it, read in one pass: that pattern
 * looks from each unclosed `<!--` to the end, so a line of thousands of them took time that grew with its square.
 */
export function stripHtmlComments(text: string): string {
  let kept = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open === -1) break;
    const close = text.indexOf('-->', open + 4);
    // No close after this opening means none after any later one: the rest stays as written.
    if (close === -1) break;
    kept += text.slice(from, open);
    from = close + 3;
  }
  return kept + text.slice(from);
}
