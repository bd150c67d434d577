import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import type { NotesBlock } from './notes-block.js';
import { startWithinWindow } from '../extension-start.js';
import { readSlideDirective, type SlideDirectiveLook } from './reveal.js';

// How briefdeck reads Pandoc's and Quarto's slide syntax. Speaker notes are a
// fenced div with the class `notes`: `::: notes` or `::: {.notes}` … `:::`.
const NOTES_OPEN = /^ {0,3}(:{3,})[ \t]*(?:notes|\{[ \t]*\.notes[ \t]*\})[ \t]*$/;

/** Opens a Pandoc `::: notes` block on this line, or returns null. */
export function openPandocNotes(line: string): NotesBlock | null {
  const open = NOTES_OPEN.exec(line);
  if (!open) return null;
  const fence = open[1]!.length;
  return {
    first: '',
    closedOnOpen: false,
    rest: '',
    close: (text) => {
      const closer = /^ {0,3}(:{3,})[ \t]*$/.exec(text);
      return { closed: closer !== null && closer[1]!.length >= fence, before: '', after: '' };
    },
  };
}

/**
 * What a div's closing `:::` becomes, by the div it closes: after a fragment what follows shows at once, as in
 * Quarto; a footer ends; a callout keeps its fence for the renderer. Any other div's fence just goes.
 */
const DIV_CLOSERS: Record<string, string> = { fragment: '<!-- pause: end -->', footer: '<!-- footer: end -->', callout: ':::' };

/** A line rewritten into briefdeck's own syntax, and what could not be carried over. */
export interface Rewrite {
  text: string;
  /** A heading's attributes that set the look of the slide it titles. */
  look?: SlideDirectiveLook;
  warning?: string;
}

/**
 * Rewrites Pandoc's and Quarto's slide syntax, line by line, into briefdeck's
 * own: `::: columns` and `::: {.column}` become `<!-- column -->` splits of a
 * two-column slide, `::: incremental` becomes `<!-- incremental -->`, other
 * fenced divs keep their content without the fences, and heading attributes
 * such as `{.smaller}` or `{background-color="…"}` are taken off the title.
 * What has no briefdeck meaning yet comes back as a warning, never as text.
 * `state` carries the open divs from one line to the next within a file.
 */
export function rewritePandocLine(line: string, state: { divs: string[]; columnsSeen: number }): Rewrite | null {
  // A div fence, a pause and a heading start with `:`, `.` or `#`; most lines start with none, and are done with here.
  if (!/^[ \t]*[:.#]/.test(line)) return null;
  const open = /^ {0,3}:{3,}[ \t]*(?:\{([^}]*)\}|([A-Za-z][\w-]*))[ \t]*$/.exec(line);
  if (open) {
    const spec = (open[1] ?? `.${open[2]}`).trim();
    const cls = /(?:^|\s)\.([\w-]+)/.exec(spec)?.[1] ?? '';
    // Notes blocks are read by openPandocNotes.
    if (cls === 'notes') return null;
    state.divs.push(cls);
    if (cls === 'columns') {
      state.columnsSeen = 0;
      return { text: '<!-- layout: two-column -->' };
    }
    if (cls === 'column') return { text: state.columnsSeen++ === 0 ? '' : '<!-- column -->' };
    if (cls === 'incremental') return { text: '<!-- incremental -->' };
    // Quarto's per-slide footer: its text goes in the slide's footer, never in its body.
    if (cls === 'footer') return { text: '<!-- footer -->' };
    // A Quarto callout keeps its fences for the renderer (pandocBlockExtensions), which draws it as a box.
    if (CALLOUT.test(cls)) {
      state.divs[state.divs.length - 1] = 'callout';
      return { text: `::: {${spec}}` };
    }
    if (cls === 'nonincremental') return { text: '' };
    // Quarto's fragment div (`::: {.fragment .fade-in}`): its content is one build step; the effect classes have no meaning here.
    if (cls === 'fragment' || /(?:^|\s)\.fragment(?:\s|$)/.test(spec)) {
      state.divs[state.divs.length - 1] = 'fragment';
      return { text: '<!-- pause -->' };
    }
    return { text: '', warning: `Pandoc div "${line.trim()}" has no briefdeck meaning; its content is shown without it` };
  }
  if (/^ {0,3}:{3,}[ \t]*$/.test(line) && state.divs.length > 0) {
    const closed = state.divs.pop()!;
    return { text: Object.hasOwn(DIV_CLOSERS, closed) ? DIV_CLOSERS[closed]! : '' };
  }
  // A heading inside a div (a callout's title, a tab's name) is part of the slide in Pandoc, never the start of another.
  const inner = state.divs.length > 0 ? /^ {0,3}#{1,2}([ \t]+.*)$/.exec(line) : null;
  if (inner) return { text: `###${inner[1]!.replace(/[ \t]+\{[^}]*\}[ \t]*$/, '')}` };
  // A pause: what follows on the slide is the next build step.
  if (/^[ \t]*\.[ \t]\.[ \t]\.[ \t]*$/.test(line)) return { text: '<!-- pause -->' };
  const heading = /^(#{1,6}[ \t]+.*?)[ \t]+\{([^}]*)\}[ \t]*$/.exec(line);
  if (heading && /^[.#]|=/.test(heading[2]!.trim())) return readHeadingAttributes(heading[1]!, heading[2]!.trim());
  return null;
}

/**
 * Quarto's heading attributes: `{.smaller}` and other allowlisted classes, and
 * `{background-color="…"}` or `{background-image="…"}`, set the slide's look
 * through the same safe reading as reveal's `.slide:` comments; the rest is a
 * warning.
 */
function readHeadingAttributes(heading: string, attributes: string): Rewrite {
  const classes = [...attributes.matchAll(/(?:^|\s)\.([\w-]+)/g)].map((m) => m[1]!);
  // Quarto's `background=` is reveal's shorthand: an image when it names a file or an address, else a colour.
  const named = (key: string, value: string) => (key !== 'background' ? key : /\.(?:png|jpe?g|gif|webp|svg|avif)["']?$|^["']?(?:https?:|data:)/i.test(value) ? 'background-image' : 'background-color');
  const pairs = [...attributes.matchAll(/([\w-]+)\s*=\s*("[^"]*"|'[^']*'|\S+)/g)].map((m) => {
    const key = named(m[1]!, m[2]!);
    return `${key === 'background-color' || key === 'background-image' ? `data-${key}` : key}=${m[2]}`;
  });
  const id = /(?:^|\s)#[\w-]+/.test(attributes);
  const read = readSlideDirective(`<!-- .slide: ${classes.length > 0 ? `class="${classes.join(' ')}" ` : ''}${pairs.join(' ')} -->`);
  const ignored = [...(read?.ignored ?? []), ...(id ? ['an #id'] : [])];
  return { text: heading, look: read?.look, ...(ignored.length > 0 ? { warning: `heading attributes ${ignored.join(', ')} are not supported and were left out` } : {}) };
}

/** An attribute block's parts: `{#id .class key=value}`. */
interface Attributes {
  id: string | null;
  classes: string[];
  pairs: [string, string][];
}

/** One part of an attribute block: `#id`, `.class`, or `key=value` with the value bare or quoted. */
const ATTRIBUTE = /^(?:#([\w:.-]+)|\.([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'}]+)))(?:\s+|$)/;

/** Reads `{…}`'s inside as Pandoc attributes, or null when it is not that shape (then it is text, as in Pandoc). */
function readAttributes(inside: string): Attributes | null {
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

/** The longest bracketed span read, in characters; a longer one stays text. */
const MAX_SPAN = 1000;
/** A size an `<img>` can take as its attribute: pixels or a percentage. */
const IMAGE_SIZE = /^(\d+(?:\.\d+)?)(px|%)?$/;
/** reveal's fragment effects, which Quarto writes beside `.fragment`; a step here has one look. */
const FRAGMENT_EFFECT = /^(?:fade-[\w-]+|grow|shrink|strike|semi-fade-out|highlight-[\w-]+|current-visible|custom)$/;

/** Classes of a bracketed span that Pandoc writes as an HTML element: `[text]{.mark}` is highlighted, `{.underline}` underlined. */
const SPAN_ELEMENTS: Record<string, string> = { mark: 'mark', underline: 'u' };

/** An image, code span, link or span that an attribute block may follow directly. */
const TAKES_ATTRIBUTES = new Set(['image', 'codespan', 'link', 'pandocSpan']);

/**
 * Pandoc's inline attributes, which Quarto decks use everywhere: `![](a.png){width=50%}`,
 * `` `x`{.python} ``, `[text](url){target=_blank}` and bracketed spans `[text]{.fragment}`.
 * None shows as text: an image takes its width and height (pixels or a percentage), an image
 * or a span with `.fragment` steps in, a span with `.mark` or `.underline` is highlighted or
 * underlined, and whatever else the block asked for is passed to `report`
 * (at render time, in order, so it can name the line).
 */
export function pandocInlineExtensions(report: (raw: string, ignored: string[]) => void): TokenizerAndRendererExtension[] {
  return [
    {
      name: 'pandocSpan',
      level: 'inline',
      // No `start`: marked ends a stretch of text at every `[` already, so a span is always tried where it could begin.
      tokenizer(src: string) {
        // Read within a bounded window: tried at every `[`, an unbounded search of a long unclosed run would be quadratic.
        const match = /^\[((?:\\.|[^\\[\]]|\[(?:\\.|[^\\[\]])*\])*)\]\{([^{}\n]*)\}/.exec(src.slice(0, MAX_SPAN));
        const attributes = match ? readAttributes(match[2]!) : null;
        if (!match || !attributes) return undefined;
        return { type: 'pandocSpan', raw: match[0], attributes, tokens: this.lexer.inlineTokens(match[1]!) };
      },
      renderer(token) {
        const { attributes, tokens } = token as unknown as { attributes: Attributes; tokens: Tokens.Generic[] };
        let inner = this.parser.parseInline(tokens);
        const fragment = attributes.classes.includes('fragment');
        const ignored = describeIgnored(attributes, (cls) => cls === 'fragment' || Object.hasOwn(SPAN_ELEMENTS, cls) || (fragment && FRAGMENT_EFFECT.test(cls)));
        if (ignored.length > 0) report(token.raw, ignored);
        for (const cls of new Set(attributes.classes)) if (Object.hasOwn(SPAN_ELEMENTS, cls)) inner = `<${SPAN_ELEMENTS[cls]}>${inner}</${SPAN_ELEMENTS[cls]}>`;
        return fragment ? `<span class="fragment">${inner}</span>` : inner;
      },
    },
    {
      name: 'pandocAttributes',
      level: 'inline',
      start: startWithinWindow('{'),
      tokenizer(src: string, tokens: Tokens.Generic[]) {
        const before = tokens.at(-1);
        if (!before || !TAKES_ATTRIBUTES.has(before.type)) return undefined;
        const match = /^\{([^{}\n]{0,500})\}/.exec(src);
        const attributes = match ? readAttributes(match[1]!) : null;
        if (!match || !attributes) return undefined;
        let usedPair: (name: string) => boolean = () => false;
        let usedClass: (cls: string) => boolean = () => false;
        if (before.type === 'image') {
          // The image renders first and reads its size and step from its own token.
          const size = Object.fromEntries(attributes.pairs.filter(([k, v]) => (k === 'width' || k === 'height') && IMAGE_SIZE.test(v)).map(([k, v]) => [k, v.replace(/px$/, '')]));
          const fragment = attributes.classes.includes('fragment');
          before.pandocSize = size;
          before.pandocFragment = fragment;
          usedPair = (name) => Object.hasOwn(size, name);
          usedClass = (cls) => cls === 'fragment' || (fragment && FRAGMENT_EFFECT.test(cls));
        }
        // A code span's class names its language, which inline code has no use for; a deck's links open outside it already.
        if (before.type === 'codespan') usedClass = () => true;
        if (before.type === 'link') usedPair = (name) => name === 'target';
        return { type: 'pandocAttributes', raw: match[0], attributes, usedPair, usedClass };
      },
      renderer(token) {
        const { attributes, usedPair, usedClass } = token as unknown as { attributes: Attributes; usedPair: (name: string) => boolean; usedClass: (cls: string) => boolean };
        const ignored = describeIgnored({ ...attributes, pairs: attributes.pairs.filter(([k]) => !usedPair(k)) }, usedClass);
        if (ignored.length > 0) report(token.raw, ignored);
        return '';
      },
    },
  ];
}

/** Names what an attribute block holds that was not used, such as `.absolute`, `#fig-x` or `top=200`. */
function describeIgnored(attributes: Attributes, usedClass: (cls: string) => boolean): string[] {
  return [...(attributes.id ? [`#${attributes.id}`] : []), ...attributes.classes.filter((c) => !usedClass(c)).map((c) => `.${c}`), ...attributes.pairs.map(([k, v]) => `${k}=${v}`)];
}

/**
 * Pandoc's title block: up to three `%` lines opening a file, the title, the
 * authors (separated by `;`) and the date, each going on over lines that
 * start with a space; an empty `%` line leaves that field out. Returns it as
 * YAML front matter with one line for each line of the block, so messages
 * keep their line numbers, and where the body starts; null when the file
 * does not open with one.
 */
export function readPandocTitleBlock(text: string): { yaml: string; bodyLine: number; body: string } | null {
  if (!/^%(?:[ \t]|\n|$)/.test(text)) return null;
  const lines = text.split('\n');
  const fields: { key: string; parts: string[] }[] = [];
  const keys = ['title', 'author', 'date'];
  let i = 0;
  for (; i < lines.length && fields.length <= keys.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('%') && fields.length < keys.length) fields.push({ key: keys[fields.length]!, parts: [line.slice(1).trim()] });
    else if (/^[ \t]+\S/.test(line) && fields.length > 0) fields.at(-1)!.parts.push(line.trim());
    else break;
  }
  const yaml: string[] = [];
  for (const { key, parts } of fields) {
    const value = parts.join(' ').trim();
    const written = key === 'author' ? value.split(';').map((a) => a.trim()).filter(Boolean).join(', ') : value;
    yaml.push(written === '' ? '' : `${key}: ${JSON.stringify(written)}`, ...parts.slice(1).map(() => ''));
  }
  return { yaml: `${yaml.join('\n')}\n`, bodyLine: i + 1, body: lines.slice(i).join('\n') };
}

/** A definition's marker, `:` or `~`, then its text; lines indented under it go on with it. */
const DEFINITION = /^ {0,3}[:~][ \t]+([^\n]*)((?:\n(?: {2,}|\t)[^\n]*)*)(?:\n|$)/;
/** A term: one line of text that is not itself a definition, a list item or a block's opening. */
const TERM = /^(?! {0,3}[:~][ \t])(?! {0,3}(?:[-*+]|\d+[.)])[ \t])(?! {0,3}[#>|`~<])([^\n]+)\n(?:[ \t]*\n)?(?= {0,3}[:~][ \t])/;
/** Quarto's callouts, by kind, and the title each shows when the callout names none. */
const CALLOUT_TITLES: Record<string, string> = { note: 'Note', tip: 'Tip', warning: 'Warning', caution: 'Caution', important: 'Important' };
const CALLOUT_KINDS = Object.keys(CALLOUT_TITLES).join('|');
const CALLOUT = new RegExp(`^callout-(${CALLOUT_KINDS})$`);
/** A callout as the line rewriter leaves it: its opening fence with its attributes, its content, and a closing `:::`. */
const CALLOUT_BLOCK = new RegExp(`^ {0,3}:{3,}[ \\t]*\\{[ \\t]*\\.callout-(${CALLOUT_KINDS})\\b([^}\\n]*)\\}[ \\t]*\\n([\\s\\S]*?)\\n? {0,3}:{3,}[ \\t]*(?:\\n|$)`);

const CALLOUT_OPENING = /^ {0,3}:{3,}[ \t]*\{[ \t]*\.callout-/;
/** Per run of the lexer, the length of the rest of the text below which no callout closes. */
const UNCLOSED = new WeakMap<object, number>();

/** A GFM table's delimiter row, which makes `|` lines a table, never a line block. */
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * Pandoc's definition lists (`Term` then `: Definition`, or `~`; several
 * terms in a row, several definitions to a term) and line blocks (`| ` lines,
 * whose breaks and leading spaces are kept), which Pandoc and Quarto decks
 * use and plain Markdown would show with their markers as text; Quarto's
 * callouts, drawn as boxes. `report` warns, at the block being rendered.
 */
export function pandocBlockExtensions(report: (message: string) => void): TokenizerAndRendererExtension[] {
  return [
    {
      // Quarto's callouts (`::: {.callout-note}`): a box with a title (its first heading, its `title=`, or its kind) over its content.
      name: 'callout',
      level: 'block',
      tokenizer(src: string) {
        if (!CALLOUT_OPENING.test(src)) return undefined;
        // A callout that never closes is looked for once: no closing fence after one place means none further down either.
        // Its fence never shows: the opening line is taken, and its content read as the slide's own.
        const unclosed = () => ({ type: 'callout', raw: /^[^\n]*(?:\n|$)/.exec(src)![0], unclosed: true });
        const unclosedBelow = UNCLOSED.get(this.lexer);
        if (unclosedBelow !== undefined && src.length <= unclosedBelow) return unclosed();
        const match = CALLOUT_BLOCK.exec(src);
        if (!match) {
          UNCLOSED.set(this.lexer, src.length);
          return unclosed();
        }
        const body = this.lexer.blockTokens(match[3]!, []);
        const first = body[0];
        const named = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/.exec(match[2]!);
        const heading = first?.type === 'heading' ? (body.shift() as Tokens.Heading).tokens : null;
        const title = heading ?? this.lexer.inline(named ? (named[1] ?? named[2]!) : CALLOUT_TITLES[match[1]!]!);
        return { type: 'callout', raw: match[0], kind: match[1]!, title, body };
      },
      renderer(token) {
        if ((token as { unclosed?: boolean }).unclosed) {
          report('a callout that is never closed (no ::: line after it) is shown as plain content');
          return '';
        }
        const { kind, title, body } = token as unknown as { kind: string; title: Tokens.Generic[]; body: Tokens.Generic[] };
        return `<div class="callout callout-${kind}"><p class="callout-title">${this.parser.parseInline(title)}</p>${this.parser.parse(body)}</div>\n`;
      },
    },
    {
      name: 'definitionList',
      level: 'block',
      tokenizer(src: string) {
        const items: { term: Tokens.Generic[]; definitions: Tokens.Generic[][] }[] = [];
        let rest = src;
        let raw = '';
        for (let term = TERM.exec(rest); term && term[1]!.trim() !== ''; term = TERM.exec(rest)) {
          // Inline text is queued, as marked does for its own blocks, so links defined further down resolve.
          const item = { term: this.lexer.inline(term[1]!.trim()), definitions: [] as Tokens.Generic[][] };
          let used = term[0];
          for (let definition = DEFINITION.exec(rest.slice(used.length)); definition; definition = DEFINITION.exec(rest.slice(used.length))) {
            item.definitions.push(this.lexer.inline(`${definition[1]}${definition[2]!.replace(/\n[ \t]+/g, ' ')}`.trim()));
            used += definition[0];
          }
          items.push(item);
          raw += used;
          rest = rest.slice(used.length);
          const gap = /^(?:[ \t]*\n)+/.exec(rest)?.[0] ?? '';
          if (!TERM.test(rest.slice(gap.length))) break;
          raw += gap;
          rest = rest.slice(gap.length);
        }
        return items.length > 0 ? { type: 'definitionList', raw, items } : undefined;
      },
      renderer(token) {
        const { items } = token as unknown as { items: { term: Tokens.Generic[]; definitions: Tokens.Generic[][] }[] };
        const entries = items.map(({ term, definitions }) => `<dt>${this.parser.parseInline(term)}</dt>${definitions.map((d) => `<dd>${this.parser.parseInline(d)}</dd>`).join('')}`);
        return `<dl>${entries.join('')}</dl>\n`;
      },
    },
    {
      name: 'lineBlock',
      level: 'block',
      tokenizer(src: string) {
        const match = /^(?: {0,3}\|(?:[ \t][^\n]*)?(?:\n|$))+/.exec(src);
        if (!match) return undefined;
        const lines = match[0].replace(/\n$/, '').split('\n');
        // A table's rows start with `|` too; its second line is its delimiter row.
        if (lines.length > 1 && TABLE_DELIMITER.test(lines[1]!)) return undefined;
        if (lines.some((line) => /\|[ \t]*$/.test(line.trim().slice(1)))) return undefined;
        const text = lines.map((line) => line.replace(/^ {0,3}\|[ \t]?/, ''));
        return { type: 'lineBlock', raw: match[0], lines: text.map((line) => this.lexer.inline(line.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length)))) };
      },
      renderer(token) {
        const { lines } = token as unknown as { lines: Tokens.Generic[][] };
        return `<p class="line-block">${lines.map((line) => this.parser.parseInline(line)).join('<br>')}</p>\n`;
      },
    },
  ];
}

/**
 * Pandoc's superscript (`2^10^`) and subscript (`H~2~O`): no white space inside, unless escaped.
 * A single `~` is strikethrough on GitHub, so subscript is read only where `subscript()` says the
 * text is Pandoc's or Quarto's (a `.qmd` file, a deck with Quarto's keys); `~~struck~~` stays struck.
 */
export function pandocScriptExtensions(subscript: () => boolean): TokenizerAndRendererExtension[] {
  const script = (name: string, mark: string, tag: string, when: () => boolean): TokenizerAndRendererExtension => {
    const pattern = new RegExp(`^\\${mark}((?:\\\\.|[^\\s\\${mark}\\\\]){1,200})\\${mark}`);
    return {
      name,
      level: 'inline',
      start: startWithinWindow(mark),
      tokenizer(src: string) {
        if (!when()) return undefined;
        const match = pattern.exec(src);
        return match ? { type: name, raw: match[0], tokens: this.lexer.inlineTokens(match[1]!) } : undefined;
      },
      renderer(token) {
        return `<${tag}>${this.parser.parseInline((token as unknown as { tokens: Tokens.Generic[] }).tokens)}</${tag}>`;
      },
    };
  };
  return [script('superscript', '^', 'sup', () => true), script('subscript', '~', 'sub', subscript)];
}
