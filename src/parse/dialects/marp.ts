// How briefdeck reads Marp's image syntax: keywords inside the alt text size
// or place the image (`![w:300px](a.png)`, `![bg right:40%](b.png)`). They are
// instructions, never alt text: width and height are kept, `bg` makes the image
// the slide's background (or a split beside the content), the rest is reported.

const SIZE = /^(w|h|width|height):(\d+(?:\.\d+)?)(px)?$/i;
const KEYWORD = /^(bg|contain|cover|fit|auto|left|right|vertical|(?:left|right):\d+(?:\.\d+)?%|\d+(?:\.\d+)?%|(?:blur|brightness|contrast|grayscale|hue-rotate|invert|opacity|saturate|sepia|drop-shadow)(?::\S+)?)$/i;

/** An image's alt text with Marp's keywords taken out, and what they asked for. */
export interface MarpImage {
  alt: string;
  width?: number;
  height?: number;
  /** `bg`: the image is the slide's background; `left`/`right` (with a width, such as `right:40%`) make it a split. */
  background?: { side?: 'left' | 'right'; percent: number };
  /** Keywords briefdeck cannot honour yet, such as filters. */
  ignored: string[];
}

/** Splits Marp's keywords off an image's alt text. */
export function readMarpImage(alt: string): MarpImage {
  const words: string[] = [];
  const image: MarpImage = { alt: '', ignored: [] };
  for (const word of alt.split(/\s+/).filter(Boolean)) {
    const size = SIZE.exec(word);
    if (size) {
      if (/^w/i.test(size[1]!)) image.width = Number(size[2]);
      else image.height = Number(size[2]);
    } else if (KEYWORD.test(word)) image.ignored.push(word);
    else words.push(word);
  }
  image.alt = words.join(' ');
  // `bg` with `left`/`right[:N%]` is a split background; `bg` alone fills the slide. Sizing words (cover, contain, fit) are reveal's default look.
  if (image.ignored.some((w) => w.toLowerCase() === 'bg')) {
    const side = image.ignored.map((w) => /^(left|right)(?::(\d+(?:\.\d+)?)%)?$/i.exec(w)).find(Boolean);
    image.background = side ? { side: side[1]!.toLowerCase() as 'left' | 'right', percent: side[2] ? Number(side[2]) : 50 } : { percent: 100 };
    image.ignored = image.ignored.filter((w) => !/^(bg|left|right|cover|contain|fit|auto)(?::[\d.]+%)?$/i.test(w));
  }
  return image;
}

/** Lines only a Marp deck holds: a directive in a comment (`<!-- _class: lead -->`, `<!-- paginate: false -->`), a `bg` picture, or `<!--fit-->`. */
const MARP_LINE = /^[ \t]*<!--[ \t]*_?(?:class|paginate|header|footer|backgroundColor|backgroundImage|color|headingDivider)[ \t]*:|!\[[^\]\n]{0,60}\bbg\b[^\]\n]{0,60}\]\(|<!--[ \t]*fit[ \t]*-->/m;

/** True when a deck's body is written for Marp though it has no front matter saying so (Marp CLI needs none): its directives, `bg` pictures or `<!--fit-->`. */
export function readsAsMarpBody(text: string): boolean {
  return MARP_LINE.test(text);
}

/** Marp's local directives: in front matter they set every slide, and with a leading `_` (`_class: lead`) the first slide only. */
export const MARP_LOCAL_DIRECTIVES = ['paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'color'];

/** Marp's directives whose values are text, which Marp reads loosely (its `looseYAML`): `header: ![logo](a.png)`, `backgroundColor: #fff`. */
const LOOSE_KEYS = ['theme', ...MARP_LOCAL_DIRECTIVES.filter((k) => k !== 'paginate')].join('|');

/**
 * Quotes the values of Marp's text directives that YAML would misread: a
 * leading `#` is a comment to YAML, `!` a tag, `&` and `*` anchors, `@` and a
 * backquote reserved; Marp reads each as the text it is. One line for one, so
 * line numbers hold; any other line is left as it is.
 */
export function loosenMarpDirectives(yaml: string): string {
  return yaml.replace(new RegExp(`^([ \\t]*(?:${LOOSE_KEYS})[ \\t]*:[ \\t]*)([#!&*@\`%][^\\n]*?)[ \\t]*$`, 'gm'), (_, key: string, value: string) => `${key}${JSON.stringify(value)}`);
}
