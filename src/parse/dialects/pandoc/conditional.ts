import type { Attributes } from './attributes.js';

// How briefdeck reads Quarto's conditional content: a div or span of class
// `.content-visible` or `.content-hidden`, shown or left out by the output
// format it is rendered to (`when-format`, `unless-format`). A deck is a
// Reveal.js deck, so it is what Quarto renders for `revealjs`: the formats it
// matches are `revealjs` and the aliases that include it, `html` and `html:js`.
// As in Quarto, a div or span matches when any of its conditions does, and one
// without conditions always matches. Conditions on metadata or project
// profiles (`when-meta`, `when-profile`, …) cannot be read here: such content
// is shown, with a warning.

/** The formats a deck is, as Quarto's when-format and unless-format name them. */
const DECK_FORMATS = new Set(['revealjs', 'html', 'html:js']);

/** The attributes that state a condition, and whether briefdeck can tell it. */
const FORMAT_CONDITIONS = new Set(['when-format', 'unless-format']);
const OTHER_CONDITIONS = new Set(['when-meta', 'unless-meta', 'when-profile', 'unless-profile']);

/** Whether content so marked shows in a deck: `shown`, `left out`, `untold` when a condition cannot be told, or null when it is not conditional content. */
export function readConditional(attributes: Pick<Attributes, 'classes' | 'pairs'>): 'shown' | 'left out' | 'untold' | null {
  const visible = attributes.classes.includes('content-visible');
  if (!visible && !attributes.classes.includes('content-hidden')) return null;
  const conditions = attributes.pairs.filter(([key]) => FORMAT_CONDITIONS.has(key) || OTHER_CONDITIONS.has(key));
  if (conditions.some(([key]) => OTHER_CONDITIONS.has(key))) return 'untold';
  // Several formats may be named at once, with commas or spaces.
  const names = (value: string) => value.split(/[\s,]+/).filter(Boolean);
  const matches = conditions.length === 0 || conditions.some(([key, value]) => names(value).some((name) => DECK_FORMATS.has(name)) === (key === 'when-format'));
  return visible === matches ? 'shown' : 'left out';
}
