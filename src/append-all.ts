// Appending one array to another. `target.push(...items)` passes every item as an argument to one call, and past
// about a hundred thousand items (the warnings of a hostile deck, the runs of a long paragraph) the call overflows
// the stack; a loop has no such limit.

/** Appends every item of `items` to `target`, in order, and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
