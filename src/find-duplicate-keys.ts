import { isScalar, visit, type Document, type Scalar } from 'yaml';

/**
 * The keys a YAML document repeats within one map, each repeat after the first, in the order written. yaml's own
 * `uniqueKeys` check compares every key with every other (20,000 keys took 4 s); this reads each map once.
 */
export function findDuplicateKeys(doc: Document): Scalar[] {
  const repeats: Scalar[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) repeats.push(pair.key);
        seen.add(pair.key.value);
      }
    },
  });
  return repeats;
}
