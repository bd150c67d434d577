// What in a trusted author's HTML would run a script though no `<script>` is there: an event handler attribute, and an
// SVG animation that sets a link or a handler. The deck's CSP never runs either; sanitize-fragment.ts takes them out
// all the same, so markup copied out of the deck, without the CSP, runs nothing either.

/** SVG's animation elements, which can set another attribute of the element they stand in. */
const ANIMATIONS: ReadonlySet<string> = new Set(['animate', 'set', 'animatemotion', 'animatetransform']);
/** An attribute that holds a link or a script: what an animation must not set. */
const SCRIPTED_ATTRIBUTE = /^\s*(?:on|(?:xlink:)?href\s*$)/i;

/** Whether an element is an animation that would set a link or a handler (`<set attributeName="onclick">`). */
export function animatesScriptedAttribute(tag: string, attribs: Record<string, string>): boolean {
  return ANIMATIONS.has(tag.toLowerCase()) && SCRIPTED_ATTRIBUTE.test(attribs.attributeName ?? attribs.attributename ?? '');
}

/** An element's attributes without its event handlers (`onclick`, `ontoggle`, in any case). */
export function withoutHandlers(attribs: Record<string, string>): Record<string, string> {
  return Object.keys(attribs).some((name) => /^on/i.test(name)) ? Object.fromEntries(Object.entries(attribs).filter(([name]) => !/^on/i.test(name))) : attribs;
}
