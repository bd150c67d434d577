// Pandoc's attribute blocks, `{#id .class key=value}`, read once for every place they follow.

/** An attribute block's parts: `{#id .class key=value}`. */
export interface Attributes {
  id: string | null;
  classes: string[];
  pairs: [string, string][];
}

/** One part of an attribute block: `#id`, `.class`, or `key=value` with the value bare or quoted. */
const ATTRIBUTE = /^(?:#([\w:.-]+)|\.([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))(?:\s+|$)/;

/** Reads `{…}`'s inside as Pandoc attributes, or null when it is not that shape (then it is text, as in Pandoc). MDC's props are read by mdc.ts. */
export function readAttributes(inside: string): Attributes | null {
  const read: Attributes = { id: null, classes: [], pairs: [] };
  let rest = inside.trim();
  if (rest === '') return null;
  while (rest !== '') {
    const part = ATTRIBUTE.exec(rest);
    if (!part) return null;
    if (part[1] !== undefined) read.id = part[1];
    else if (part[2] !== undefined) read.classes.push(part[2]);
    else read.pairs.push([part[3]!, part[4] ?? part[5] ?? part[6]!]);
    rest = rest.slice(part[0].length);
  }
  return read;
}

/** A place on the slide for Quarto's `.absolute` (`top=200`, `left="10%"`, `right=-2em`): a number is pixels. */
export const PLACE_LENGTH = /^-?(?:\d{1,5}(?:\.\d+)?|\.\d+)(?:px|%|em|rem)?$/;

/** The pairs of `keys` (`top`, `width`, …) whose values are lengths, for Quarto's `.absolute`. */
export function readPlaces(attributes: Attributes, keys: readonly string[]): [string, string][] {
  return attributes.pairs.filter(([key, value]) => keys.includes(key) && PLACE_LENGTH.test(value.trim()));
}

/** Places as CSS declarations (`top:200px;left:10%`), a bare number in pixels. */
export function writePlaces(places: readonly [string, string][]): string {
  return places.map(([key, value]) => `${key}:${/\d$/.test(value.trim()) ? `${value.trim()}px` : value.trim()}`).join(';');
}

/** Names what an attribute block holds that was not used, such as `.absolute`, `#fig-x` or `top=200`. */
export function describeIgnored(attributes: Attributes, usedClass: (cls: string) => boolean): string[] {
  return [...(attributes.id ? [`#${attributes.id}`] : []), ...attributes.classes.filter((c) => !usedClass(c)).map((c) => `.${c}`), ...attributes.pairs.map(([k, v]) => `${k}=${v}`)];
}
