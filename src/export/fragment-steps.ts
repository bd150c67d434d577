// A slide's build steps as clicks, for exports that animate (PowerPoint): each fragment of the slide's HTML is a
// mark, numbered once the whole slide is read in the order reveal.js steps through them (its `sort` of fragments:
// those with a `data-fragment-index` by that index, those without after them in the order they stand), and a block
// steps in at the last click of the fragments around it, or out at the first that hides it.

/** When a block steps in and out, as clicks counted from 1; absent, it shows from the start and stays. */
export interface BuildStep {
  in?: number;
  out?: number;
}

/** A fragment met in the slide's HTML: its place as written, and whether it hides what it holds (reveal's `fade-out`). */
export interface FragmentMark {
  index?: number;
  /** Its place among the slide's fragments, in the order they stand. */
  order: number;
  exit: boolean;
}

/** Fragment effects that neither show nor hide what they hold (a colour, a size, a strike, Slidev's marks' `custom`), or show it for one click only: not a step PowerPoint's appear and disappear can make. */
const UNANIMATED = /^(?:semi-fade-out|grow|shrink|strike|custom|current-visible|fade-in-then-out|fade-in-then-semi-out|highlight-(?:current-)?(?:red|green|blue))$/;

/** The mark of a fragment of these classes and `data-fragment-index`, the `order`-th on its slide; undefined for one that is no appear or disappear. */
export function markFragment(classes: readonly string[], index: string | undefined, order: number): FragmentMark | undefined {
  if (classes.some((cls) => UNANIMATED.test(cls))) return undefined;
  const at = index !== undefined && /^\d{1,4}$/.test(index) ? Number(index) : undefined;
  return { ...(at !== undefined ? { index: at } : {}), order, exit: classes.includes('fade-out') };
}

/** Each mark's click, counted from 1, as reveal orders a slide's fragments: by index, those without one after, in the order they stand; one index is one click. */
export function numberFragments(marks: readonly FragmentMark[]): Map<FragmentMark, number> {
  const indexed: FragmentMark[][] = [];
  const unindexed: FragmentMark[][] = [];
  for (const mark of [...marks].sort((a, b) => a.order - b.order)) {
    if (mark.index === undefined) unindexed.push([mark]);
    else (indexed[mark.index] ??= []).push(mark);
  }
  const numbers = new Map<FragmentMark, number>();
  let click = 0;
  // A sparse array's holes are indices no fragment has: they are no click.
  for (const group of [...indexed, ...unindexed]) {
    if (!group) continue;
    click++;
    for (const mark of group) numbers.set(mark, click);
  }
  return numbers;
}

/** The step of a block inside these fragments: in at the last click of those that show it, out at the first of those that hide it; undefined in none. */
export function stepOf(marks: readonly FragmentMark[], numbers: ReadonlyMap<FragmentMark, number>): BuildStep | undefined {
  const clicks = (exit: boolean) => marks.filter((m) => m.exit === exit).map((m) => numbers.get(m)!);
  const shown = clicks(false);
  const hidden = clicks(true);
  const stepIn = shown.length > 0 ? Math.max(...shown) : undefined;
  const stepOut = hidden.length > 0 ? Math.min(...hidden) : undefined;
  if (stepIn === undefined && stepOut === undefined) return undefined;
  // A block hidden before it shows is never seen to go: it steps in only.
  return { ...(stepIn !== undefined ? { in: stepIn } : {}), ...(stepOut !== undefined && (stepIn === undefined || stepOut > stepIn) ? { out: stepOut } : {}) };
}
