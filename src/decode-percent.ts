/** A path or name with its `%` escapes decoded, or undefined when an escape is broken (`%E0%A4%A`), which `decodeURIComponent` throws on. */
export function decodePercentEscapes(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
