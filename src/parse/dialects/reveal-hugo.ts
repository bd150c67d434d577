import { mapOutsideCodeSpans } from '../outside-code-spans.js';
import { createFenceReader } from '../read-fences.js';
import { findEmbedAddress } from './embed-addresses.js';

// How briefdeck reads reveal-hugo's decks (Hugo pages with `outputs = ["Reveal"]`, their front matter often TOML,
// read by toml-front-matter.ts). Slides are cut at `---`; its shortcodes are rewritten, line for line, into
// reveal's and briefdeck's own syntax before the deck is cut:
// - `{{% section %}}` … `{{% /section %}}`: the slides between are a vertical stack (each `---` inside stacks the next);
// - `{{% note %}}` … `{{% /note %}}`: speaker notes, as reveal's `<aside class="notes">`;
// - `{{% fragment %}}text{{% /fragment %}}` and `{{< frag c="text" >}}` step in; on lines of their own, what stands
//   between steps in as one;
// - `{{< slide background-color="#123" class="lead" id="x" transition="zoom" >}}` sets the slide, as reveal's
//   `<!-- .slide: -->` comment does (and under its rules);
// - Hugo's `{{< figure src="a.png" caption="…" >}}` is the picture, and `{{< youtube id >}}` a link to the video;
// - any other shortcode is left out with a warning, never shown as text;
// - Goldmark's block attributes, `{.r-stretch}` on the line under a picture or a heading, are that picture's or heading's,
//   as Hugo reads them; under any other block, they are left out with a warning.

/** A shortcode of either kind, `{{% name args %}}` or `{{< name args >}}`, bounded to its line. */
const SHORTCODE = /\{\{([%<])[ \t]*(\/?)([\w-]+)((?:[ \t][^\n%>]{0,500}?)?)[ \t]*[%>]\}\}/g;
/** reveal-hugo's own shortcodes' names. */
const OWN_NAMES = new Set(['section', 'note', 'fragment', 'frag', 'slide']);
/** reveal-hugo's own shortcodes, which make a deck reveal-hugo's. */
const OWN_SHORTCODE = new RegExp(`\\{\\{[%<][ \\t]*\\/?(?:${[...OWN_NAMES].join('|')})\\b[^\\n]{0,500}?[%>]\\}\\}`);

/** Whether a deck's body is reveal-hugo's: it holds one of its own shortcodes outside code. */
export function readsAsRevealHugoBody(text: string): boolean {
  return OWN_SHORTCODE.test(text);
}

/** `{{< slide >}}`'s settings that are reveal's slide settings of the same name, or with `data-` before it. */
const SLIDE_SETTINGS: Record<string, string> = {
  id: 'id',
  class: 'class',
  background: 'data-background',
  transition: 'data-transition',
  'transition-speed': 'data-transition-speed',
  'background-transition': 'data-background-transition',
  ...Object.fromEntries(['color', 'image', 'size', 'position', 'repeat', 'opacity', 'gradient'].map((k) => [`background-${k}`, `data-background-${k}`])),
};

/** A shortcode's `key="value"` settings. */
function readSettings(args: string): [string, string][] {
  return [...args.matchAll(/([\w-]+)[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|(\S+))/g)].map((m) => [m[1]!, m[2] ?? m[3] ?? m[4] ?? '']);
}

/** `{{< slide … >}}` as a reveal `.slide:` comment, and the settings it leaves out. */
function readSlide(args: string): { text: string; left: string[] } {
  const attributes: string[] = [];
  const left: string[] = [];
  for (const [key, value] of readSettings(args)) {
    if (Object.hasOwn(SLIDE_SETTINGS, key)) attributes.push(`${SLIDE_SETTINGS[key]}="${value.replace(/"/g, '')}"`);
    else left.push(key);
  }
  return { text: attributes.length > 0 ? `<!-- .slide: ${attributes.join(' ')} -->` : '', left };
}

/** What one shortcode becomes (`text` undefined: one briefdeck does not read), with a warning for what it leaves out. */
function readShortcode(name: string, closing: boolean, args: string, alone: boolean): { text?: string; warning?: string } {
  switch (name) {
    case 'section':
      return { text: '' };
    case 'note':
      return { text: closing ? '</aside>' : '<aside class="notes">' };
    case 'fragment':
      // On a line of its own it opens (or ends) a step of all that stands between; inside a line, a step of its words.
      if (alone) return { text: closing ? '<!-- pause: end -->' : '<!-- pause -->' };
      return { text: closing ? '</span>' : '<span class="fragment">' };
    case 'frag':
      return { text: `<span class="fragment">${readSettings(args).find(([key]) => key === 'c')?.[1] ?? ''}</span>` };
    case 'slide': {
      const slide = readSlide(args);
      return { text: slide.text, ...(slide.left.length > 0 ? { warning: `reveal-hugo's slide setting ${slide.left.join(', ')} is not supported and was left out` } : {}) };
    }
    // Hugo's own: a picture from the site, and a video on the web, which a deck shows as a link to it.
    case 'figure': {
      const settings = new Map(readSettings(args));
      const src = settings.get('src');
      const alt = (settings.get('alt') ?? settings.get('caption') ?? settings.get('title') ?? '').replace(/[[\]]/g, '');
      return src ? { text: `![${alt}](<${src}>)` } : {};
    }
    case 'youtube': {
      const id = readSettings(args).find(([key]) => key === 'id')?.[1] ?? args.trim().split(/[ \t]+/)[0]!.replace(/^["']|["']$/g, '');
      const address = findEmbedAddress('youtube', id);
      return address ? { text: `<${address}>`, warning: `Hugo's youtube shortcode is shown as a link to ${address}: a deck embeds nothing from the network` } : {};
    }
    default:
      return {};
  }
}

/**
 * The deck's text with reveal-hugo's shortcodes rewritten line for line, and a warning, by line index, for what is left
 * out. In a deck written for another tool (`ownOnly`), only reveal-hugo's own are: its notes stay notes in any deck,
 * and the other tool's shortcodes (Quarto's `{{< include >}}`) are left to that tool's reader.
 */
export function rewriteRevealHugoDeck(text: string, ownOnly = false): { text: string; warnings: { index: number; message: string }[] } {
  const lines = text.split('\n');
  const warnings: { index: number; message: string }[] = [];
  const fences = createFenceReader();
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fences.read(line)) continue;
    // Inside a section, a cut stacks the next slide under this one.
    if (inSection && /^---[ \t]*$/.test(line)) {
      lines[i] = '----';
      continue;
    }
    const attributes = ownOnly ? null : BLOCK_ATTRIBUTES.exec(line);
    if (attributes && i > 0 && lines[i - 1]!.trim() !== '') {
      const read = attachBlockAttributes(lines[i - 1]!, attributes[1]!.trim());
      if (read.warning) warnings.push({ index: i, message: read.warning });
      lines[i - 1] = read.above;
      lines[i] = '';
      continue;
    }
    if (!line.includes('{{')) continue;
    const alone = /^[ \t]*\{\{[%<][^\n]*[%>]\}\}[ \t]*$/.test(line) && line.match(/\{\{[%<]/g)!.length === 1;
    lines[i] = mapOutsideCodeSpans(line, (part) =>
      part.replace(SHORTCODE, (shortcode, _kind: string, closing: string, name: string, args: string) => {
        if (ownOnly && !OWN_NAMES.has(name)) return shortcode;
        const read = readShortcode(name, closing !== '', args, alone);
        if (name === 'section') inSection = closing === '';
        if (read.warning) warnings.push({ index: i, message: read.warning });
        if (read.text !== undefined) return read.text;
        warnings.push({ index: i, message: `Hugo shortcode ${shortcode} is not supported and was left out` });
        return '';
      }),
    );
  }
  return { text: lines.join('\n'), warnings };
}

/** Goldmark's block attributes alone on a line: `{.class #id key=value}`, which Hugo applies to the block above. */
const BLOCK_ATTRIBUTES = /^[ \t]*\{([ \t]*(?:[.#][\w-]{1,100}|[\w-]{1,100}=(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|[^\s{}"']{1,500}))(?:[ \t]+(?:[.#][\w-]{1,100}|[\w-]{1,100}=(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|[^\s{}"']{1,500}))){0,50}[ \t]*)\}[ \t]*$/;

/** The line above block attributes with them attached: a picture alone on its line or a heading takes them as Pandoc's syntax writes them; other blocks cannot. */
function attachBlockAttributes(above: string, attributes: string): { above: string; warning?: string } {
  if (/^[ \t]*!\[[^\]\n]*\]\([^()\n]*\)[ \t]*$/.test(above)) return { above: `${above.trimEnd()}{${attributes}}` };
  if (/^ {0,3}#{1,6}[ \t]+\S/.test(above) && !/\}[ \t]*$/.test(above)) return { above: `${above.trimEnd()} {${attributes}}` };
  return { above, warning: `Hugo's block attributes {${attributes}} on the block above were left out: only a picture or a heading takes them here` };
}
