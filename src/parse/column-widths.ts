// The widths of a slide's columns, as its tool gave them (Pandoc's and Quarto's `::: {.column width="40%"}`, presenterm's
// `column_layout: [3, 2]`), shared out to fill the row: those given as given, the rest sharing what is left.

/** Every column's width in percent, to 0.01: those given as given (scaled down when they add up to more than 100), the rest sharing what is left. */
export function shareWidths(given: (number | undefined)[], count: number): number[] {
  const sized = Array.from({ length: count }, (_, i) => given[i]);
  const open = sized.filter((w) => w === undefined).length;
  // Columns given all the room (40% and 60%, then a third unsized) leave none for the rest: each of those takes the mean
  // of the given widths instead, and all are scaled to fit, so no column is drawn with no width at all.
  const givenSum = sized.reduce<number>((total, w) => total + (w ?? 0), 0);
  const widths = open > 0 && givenSum >= 100 ? sized.map((w) => w ?? givenSum / (count - open)) : sized;
  const sum = widths.reduce<number>((total, w) => total + (w ?? 0), 0);
  const unsized = widths.filter((w) => w === undefined).length;
  const scale = sum > 100 || (unsized === 0 && sum > 0) ? 100 / sum : 1;
  const rest = unsized === 0 ? 0 : Math.max(0, 100 - sum * scale) / unsized;
  return widths.map((w) => Math.round((w === undefined ? rest : w * scale) * 100) / 100);
}
