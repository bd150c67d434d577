/** A count with its digits in groups of three (285,562), as en-US writes it, without toLocaleString: its first call loads ICU's locale data, ~17 ms of every run. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
