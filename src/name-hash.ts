// A short name for a text, for caches and registries keyed by a name: never a security hash, and free of
// node:crypto, whose loading costs a worker ~8 ms of its start.

/** A short name for a text (FNV-1a over two 32-bit halves, in hex): the same text always gets the same name, another text almost surely another. */
export function nameHash(key: string): string {
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let i = 0; i < key.length; i++) {
    low = Math.imul(low ^ key.charCodeAt(i), 0x01000193) >>> 0;
    high = Math.imul(high ^ low, 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
