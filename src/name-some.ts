/**
 * Names items in a message, at most `most` of them and how many more, in English: `a`, `a and b`, `a, b and c`,
 * `a, b, c and 4 more`. A message that names every one of thousands would bury the one line it is.
 */
export function nameSome(items: readonly string[], most: number): string {
  const shown = items.length > most ? [...items.slice(0, most), `${items.length - most} more`] : [...items];
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
