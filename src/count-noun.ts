/** A count and its noun, in English: `1 slide`, `2 slides`; a noun that already ends in s (`series`) is the same for any count. */
export function countNoun(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 || noun.endsWith('s') ? '' : 's'}`;
}
