/**
 * The most names one run looks for a did-you-mean of, in any one list of names (missing pictures, dead links, unknown
 * icons): each look compares the name with every candidate, so a deck of thousands of mistyped names pays for a few.
 */
export const MAX_GUESSES = 50;

/**
 * The candidate a mistyped name most likely meant: the same name in another
 * case, or the closest by edit distance when that distance is small for the
 * name's length, or (unless `byPrefix` is false) a longer or shorter form of
 * it. Undefined when nothing is close enough to be a fair guess. Another tool's
 * settings pass `byPrefix: false`: theirs come in families (`column-page`
 * beside `columns`), where a shared prefix names another setting, not a typo.
 */
export function suggestClosest(name: string, candidates: readonly string[], { byPrefix = true } = {}): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    // Lengths further apart than the limit cannot be within it: skipped before the quadratic distance (a hostile name may be long).
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  if (best || !byPrefix) return best?.candidate;
  // A longer or shorter form of the same word ("quotation" for "quote"): all but one letter of the shorter one shared as a prefix.
  return candidates.find((c) => {
    const shorter = Math.min(c.length, name.length);
    return shorter >= 4 && commonPrefix(lower, c.toLowerCase()) >= shorter - 1;
  });
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** A hint that leads with the likely name and still lists every valid one. */
export function hintWithSuggestion(name: string, candidates: readonly string[], what: string): string {
  const guess = suggestClosest(name, candidates);
  return guess !== undefined ? `did you mean "${guess}"? valid ${what}: ${candidates.join(', ')}` : `valid ${what}: ${candidates.join(', ')}`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
