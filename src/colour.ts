// Colours as the deck's readers need them: a CSS colour as six hex digits (for PowerPoint, and for telling a
// dark background from a light one), and the one colour a gradient is most like.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `#abc`, `#aabbcc`, `rgb(…)` or a CSS colour name as six hex digits; anything else (a variable, a gradient) is left to the fallback. */
export function toHex(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (short) return `${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  const long = /^#([0-9a-f]{6})$/.exec(v);
  if (long) return long[1]!.toUpperCase();
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(v);
  if (rgb) return rgb.slice(1, 4).map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0')).join('').toUpperCase();
  const names = require('color-name') as Record<string, [number, number, number]>;
  const named = Object.hasOwn(names, v) ? names[v] : undefined;
  return named?.map((n) => n.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** A colour's relative luminance (WCAG), from six hex digits. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Whether light text reads better than dark on a background of six hex digits, as the deck's styles tell them apart. */
export const isDarkColour = (hex: string): boolean => relativeLuminance(hex) < 0.18;

/** Words of a gradient that are not colours, though some are colour-name-like in length. */
const GRADIENT_WORDS = new Set(['to', 'left', 'right', 'top', 'bottom', 'center', 'at', 'circle', 'ellipse', 'closest', 'farthest', 'side', 'corner', 'from', 'in']);

/**
 * The colour a gradient is most like, the mean of its colour stops (hex, rgb() or a name), as six hex digits;
 * undefined when none is one. A slide's text takes the colours that read on it, as on a background colour.
 */
export function averageGradientColour(gradient: string): string | undefined {
  const stops = [...gradient.matchAll(/#[0-9a-f]{3}(?:[0-9a-f]{3})?\b|rgba?\([^()]*\)|[a-z]+/gi)]
    .map((m) => m[0])
    .filter((token) => !GRADIENT_WORDS.has(token.toLowerCase()) && !/gradient$/i.test(token))
    .map(toHex)
    .filter((hex): hex is string => hex !== undefined);
  if (stops.length === 0) return undefined;
  const mean = [0, 2, 4].map((at) => Math.round(stops.reduce((sum, hex) => sum + parseInt(hex.slice(at, at + 2), 16), 0) / stops.length));
  return mean.map((n) => n.toString(16).padStart(2, '0')).join('').toUpperCase();
}
