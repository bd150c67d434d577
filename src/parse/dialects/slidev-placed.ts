// Slidev's elements placed at points of its 980px-wide canvas: `<Arrow x1="10" y1="20" x2="100" y2="200" />` (its starter
// deck's `<arrow>`, and `<v-drag-arrow pos="x,y,w,h">`), a line with an arrowhead, drawn here as Slidev draws it (its
// marker, its stroke), as an `<svg>` the raw-HTML reader makes a picture of itself (inline-svg.ts), placed over the slide
// at those points scaled to the deck's width, in a box of its own size, so that nothing under the rest of the slide is
// covered; and `<v-drag pos="x,y,w,h">`, its content placed in that box.

/** Slidev's canvas width, which its coordinates are in. */
const CANVAS_WIDTH = 980;

/** Room around the line for its arrowhead, in canvas pixels. */
const PAD = 12;

/** A colour an arrow may take: a hex value or a colour's name; nothing that could leave the attribute. */
const SAFE_COLOUR = /^(?:#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

/** The attributes of an arrow as written (`x1="10"`, `:x1="10"`, `two-way`), by name. */
function readAttributes(written: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of written.matchAll(/(?:^|\s):?([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+)))?/g)) found.set(m[1]!, m[2] ?? m[3] ?? m[4] ?? '');
  return found;
}

/**
 * The HTML that draws an arrow of these attributes on a slide `slideWidth` pixels wide, in a `dark` theme or not, or
 * undefined when its points are not numbers. A click attribute (`v-click`) steps the arrow in, as on any element.
 */
export function drawSlidevArrow(attributes: string, options: { slideWidth: number; dark: boolean }): string | undefined {
  const read = readAttributes(attributes);
  const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) => Number(read.get(name)));
  if (![x1, y1, x2, y2].every((n) => Number.isFinite(n) && Math.abs(n!) <= 10_000)) return undefined;
  const colour = SAFE_COLOUR.test(read.get('color') ?? '') ? read.get('color')! : options.dark ? '#fff' : '#222';
  const width = Math.min(20, Math.max(0.5, Number(read.get('width')) || 2));
  const twoWay = read.has('two-way') || read.has('twoWay');
  const left = Math.min(x1!, x2!) - PAD;
  const top = Math.min(y1!, y2!) - PAD;
  const boxWidth = Math.abs(x2! - x1!) + 2 * PAD;
  const boxHeight = Math.abs(y2! - y1!) + 2 * PAD;
  const scale = options.slideWidth / CANVAS_WIDTH;
  const px = (n: number) => `${Math.round(n * scale * 100) / 100}px`;
  const marker = (id: string, points: string, refX: number, markerWidth: number) =>
    `<marker id="${id}" markerWidth="${markerWidth}" markerHeight="7" refX="${refX}" refY="3.5" orient="auto" markerUnits="strokeWidth"><polygon points="${points}" fill="${colour}"/></marker>`;
  const markers = marker('head', '0 0, 10 3.5, 0 7', 9, 10) + (twoWay ? marker('tail', '20 0, 10 3.5, 20 7', 11, 20) : '');
  const line = `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}" stroke-width="${width}" marker-end="url(#head)"${twoWay ? ' marker-start="url(#tail)"' : ''}/>`;
  const svg = `<svg width="${px(boxWidth)}" height="${px(boxHeight)}" viewBox="${left} ${top} ${boxWidth} ${boxHeight}" aria-hidden="true"><defs>${markers}</defs>${line}</svg>`;
  // Its click as written (`v-click="3"`, at the third click), its value held to what a click's place may be.
  const click = [...read].filter(([name, value]) => /^v-(?:click|after)(?:\.[\w-]+)*$/.test(name) && /^[\w+\-[\], ]{0,20}$/.test(value)).map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${value}"`)).join('');
  return `<div class="drawn-arrow"${click} style="position:absolute;left:${px(left)};top:${px(top)};width:${px(boxWidth)};height:${px(boxHeight)}">${svg}</div>`;
}

/** A `pos` as Slidev writes it (`x,y,w,h,rotate`, `_` for a size left to the content), as numbers; undefined when x and y are not numbers. */
function readPos(pos: string | undefined): (number | undefined)[] | undefined {
  const parts = (pos ?? '').split(',').map((part) => (part.trim() === '' || part.trim() === '_' ? undefined : Number(part)));
  if (parts.length < 2 || parts.some((n) => n !== undefined && (!Number.isFinite(n) || Math.abs(n) > 10_000)) || parts[0] === undefined || parts[1] === undefined) return undefined;
  return parts;
}

/** Slidev's `<v-drag-arrow pos="x,y,w,h">`: the arrow from (x, y) to (x + w, y + h), its default `100,100,300,300`; undefined for a `pos` of no numbers. */
export function drawSlidevDragArrow(attributes: string, options: { slideWidth: number; dark: boolean }): string | undefined {
  const read = readAttributes(attributes);
  const [x, y, w = 0, h = 0] = readPos(read.get('pos') ?? '100,100,300,300') ?? [];
  if (x === undefined || y === undefined) return undefined;
  const rest = attributes.replace(/(?:^|\s):?pos\s*=\s*(?:"[^"]*"|'[^']*')/, '');
  return drawSlidevArrow(`${rest} x1="${x}" y1="${y}" x2="${x + w}" y2="${y + h}"`, options);
}

/**
 * Slidev's `<v-drag pos="x,y,w,h">` opening its content: a box placed over the slide there (its width, and its height
 * unless `_` leaves it to the content), its other attributes kept for the raw-HTML reader (utilities, a click); undefined
 * without such a `pos`. A rotation (its fifth number) is not drawn: `rotated` says so.
 */
export function placeSlidevDrag(attributes: string, slideWidth: number): { html: string; rotated: boolean } | undefined {
  const pos = readPos(readAttributes(attributes).get('pos'));
  if (!pos) return undefined;
  const [x, y, w, h, rotate] = pos;
  const scale = slideWidth / CANVAS_WIDTH;
  const px = (n: number) => `${Math.round(n * scale * 100) / 100}px`;
  const size = `${w !== undefined ? `;width:${px(w)}` : ''}${h !== undefined ? `;height:${px(h)}` : ''}`;
  const rest = attributes.replace(/(?:^|\s):?pos\s*=\s*(?:"[^"]*"|'[^']*')/, '').trim();
  return { html: `<div${rest ? ` ${rest}` : ''} style="position:absolute;left:${px(x!)};top:${px(y!)}${size}">`, rotated: rotate !== undefined && rotate !== 0 };
}
