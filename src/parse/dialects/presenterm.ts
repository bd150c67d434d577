import { parse as parseYaml } from 'yaml';
import type { BriefingMeta } from '../../model.js';
import type { DialectLine } from '../directive-lines.js';
import { ALL_DASHES, findSetextHeadings, writeAtxHeading } from '../setext-headings.js';
import { suggestClosest } from '../../did-you-mean.js';

// How briefdeck reads presenterm's decks (the terminal slide tool): front matter keys of its own (`sub_title`,
// `authors`, `options`, front-matter.ts) and "comment commands", rewritten here line by line into briefdeck's:
// - `<!-- end_slide -->` ends a slide (a `---` line is a rule, unless `options: end_slide_shorthand: true`);
// - a setext heading (`Title` over `===` or `---`) is the slide's title, written as an ATX one before the deck is
//   cut (writePresentermTitles), and with `implicit_slide_ends: true` it starts a slide too;
// - `<!-- pause -->` is briefdeck's own step; `<!-- speaker_note: … -->` (or a YAML block in a comment of several
//   lines) the notes; `<!-- incremental_lists: true -->` steps in the lists after it;
// - `<!-- column_layout: [3, 2] -->`, `<!-- column: 0 -->` and `<!-- reset_layout -->` are columns of those widths,
//   what follows the reset spanning them below; `<!-- jump_to_middle -->` centres the slide (briefdeck's lead);
//   `<!-- skip_slide -->` leaves it out; `<!-- include: a.md -->` reads a file as Quarto's include is read;
// - a code block's `+line_numbers` numbers its lines, its `{1-3|5}` steps its highlight (Slidev's syntax), and its
//   other flags (`+exec`, `+no_background`) go; a Mermaid block is drawn only with `+render`, as presenterm draws it;
// - `![image:width:50%](a.png)` is a picture half the slide wide (readPresentermImage, for render-image.ts).
// Comment commands that only space or size text in a terminal (`new_lines`, `font_size`, `alignment`, `no_footer`)
// and user comments (`<!-- // … -->`) show nothing.

/** A comment command on a line of its own: its name and what follows the colon. */
export const COMMAND = /^[ \t]*<!--[ \t]*([a-z_]{1,40})(?:[ \t]*:[ \t]*([^\n]*?))?[ \t]*-->[ \t]*$/;
/** presenterm's comment commands, for a mistyped one's "did you mean". */
const COMMANDS = ['end_slide', 'pause', 'speaker_note', 'incremental_lists', 'column_layout', 'column', 'reset_layout', 'jump_to_middle', 'skip_slide', 'include', 'new_line', 'new_lines', 'font_size', 'alignment', 'no_footer', 'list_item_newlines', 'snippet_output'];
/** presenterm's slide end, by which a deck is known. */
const END_SLIDE = /^[ \t]*<!--[ \t]*end_slide[ \t]*-->[ \t]*$/m;
/** Commands that lay text out in a terminal: in a slide, they show nothing. */
const TERMINAL_ONLY = new Set(['new_line', 'newline', 'new_lines', 'newlines', 'font_size', 'alignment', 'no_footer', 'list_item_newlines', 'snippet_output', 'comment']);
/** A fence's opening line with presenterm's flags after its language (`+exec`, `+line_numbers`). */
const FLAGGED_FENCE = /^([ \t]{0,3}(?:`{3,}|~{3,}))[ \t]*([\w#.-]*)((?:[ \t]*(?:\{[^}\n]{0,200}\}|\+[\w:-]{1,40})){0,20})[ \t]*$/;
/** A picture's size in its alt text, `image:width:50%` (or `image:w:50%`), and the alt text after it. */
const SIZED_IMAGE = /^image:(?:width|w):(\d{1,3})%[ \t]*(.*)$/;

/** presenterm's column layout command, `<!-- column_layout: [2, 1] -->`: no other tool has it. */
const COLUMN_LAYOUT = /^[ \t]*<!--[ \t]*column_layout[ \t]*:[ \t]*\[[\d \t,]{1,100}\][ \t]*-->[ \t]*$/m;

/** Whether a deck's body is presenterm's: it ends a slide with `<!-- end_slide -->`, or lays out columns with `<!-- column_layout: […] -->`. */
export function readsAsPresentermBody(text: string): boolean {
  return (text.includes('end_slide') && END_SLIDE.test(text)) || (text.includes('column_layout') && COLUMN_LAYOUT.test(text));
}

/** presenterm's `options:` in front matter, by one of its options' names: `options` alone is an everyday word. */
const OPTIONS_BLOCK = /^options[ \t]*:[ \t]*(?:\n(?:[ \t]+[^ \t\n][^\n]{0,200}\n){0,20}?[ \t]+|\{[^}\n]{0,300}?)(?:implicit_slide_ends|end_slide_shorthand|incremental_lists|h1_slide_titles|command_prefix|image_attributes_prefix|strict_front_matter_parsing|auto_render_languages|list_item_newlines)[ \t]*:/m;

/** Whether a deck's front matter is presenterm's by its `options:`, whose names only presenterm uses. */
export function readsAsPresentermFrontMatter(yaml: string): boolean {
  return yaml.includes('options') && OPTIONS_BLOCK.test(yaml);
}

/** presenterm's options that change where a deck is cut, from its front matter's `options:` (front-matter.ts). */
export type PresentermOptions = NonNullable<BriefingMeta['presentermOptions']>;

/**
 * presenterm's slide titles, setext headings (`Title` over `===` or `---`), written as ATX ones (`# Title`), their
 * underline a blank line, so that the deck is cut and titled as others are; with `implicit_slide_ends`, each also
 * ends the slide before it (the title line becomes the end, the heading its underline's line). Code is left alone.
 */
export function writePresentermTitles(text: string, options: PresentermOptions = {}): string {
  const lines = text.split('\n');
  for (const title of findSetextHeadings(text, ALL_DASHES, (line) => COMMAND.test(line))) {
    const heading = writeAtxHeading(title);
    if (options.implicitSlideEnds) [lines[title.index], lines[title.index + 1]] = ['<!-- end_slide -->', heading];
    else [lines[title.index], lines[title.index + 1]] = [heading, ''];
  }
  return lines.join('\n');
}

/** What the reader carries from line to line. */
export interface PresentermState {
  options: PresentermOptions;
  /** The line before was blank (or there was none): a `---` here is a rule or, with the shorthand, a slide's end. */
  afterBlank: boolean;
  /** The widths of the slide's columns (`column_layout`), and whether a column has been entered. */
  columns: number[] | null;
  inColumns: boolean;
  /** A list stepping in since `incremental_lists: true`. */
  incremental: boolean;
  /** The lines of a comment of several lines read so far (null outside one). */
  comment: string[] | null;
  /** How much more comment text may be read as YAML in this file. */
  yamlLeft: number;
}

/** A fresh state for a file. */
export function createPresentermState(options: PresentermOptions = {}): PresentermState {
  return { options, afterBlank: true, columns: null, inColumns: false, incremental: false, comment: null, yamlLeft: 100_000 };
}

/** Rewrites one line of a presenterm deck: null when nothing in it is its own, else what to read instead. */
export function rewritePresentermLine(line: string, state: PresentermState): DialectLine | null {
  const afterBlank = state.afterBlank;
  state.afterBlank = line.trim() === '';
  if (state.comment !== null) return readCommentLine(line, state);
  // A comment of several lines: a YAML block of commands (a speaker note of several lines, `speaker_note: |`).
  if (/^[ \t]*<!--/.test(line) && !line.includes('-->')) {
    state.comment = [line.replace(/^[ \t]*<!--/, '')];
    return { text: '' };
  }
  const command = COMMAND.exec(line);
  if (command) return runCommand(command[1]!, command[2] ?? '', state);
  if (afterBlank && /^[ \t]{0,3}-{3,}[ \t]*$/.test(line)) return state.options.endSlideShorthand ? endSlide(state) : { text: '***' };
  const fence = FLAGGED_FENCE.exec(line);
  if (fence && (fence[3]!.includes('+') || fence[2] === 'mermaid')) return { text: rewriteFence(fence) };
  return null;
}

/** A line inside a comment of several lines; at its close, the commands the comment holds, read as YAML. */
function readCommentLine(line: string, state: PresentermState): DialectLine {
  const end = line.indexOf('-->');
  // Bounded: a comment never closed hides what follows, as Markdown reads it, without holding it all.
  if (end === -1) {
    if (state.comment!.length < 200) state.comment!.push(line);
    return { text: '' };
  }
  const written = [...state.comment!, line.slice(0, end)].join('\n');
  state.comment = null;
  if (!written.includes('speaker_note')) return { text: '' };
  // YAML reads about half a megabyte a second: past a budget of text per file, a note is read from its first line only.
  if (written.length > state.yamlLeft) {
    const first = /speaker_note[ \t]*:[ \t]*([^|>\n][^\n]*)/.exec(written)?.[1]?.trim();
    return first ? { text: '', note: first } : { text: '' };
  }
  state.yamlLeft -= written.length;
  let commands: unknown;
  try {
    commands = parseYaml(written, { maxAliasCount: 0 });
  } catch {
    return { text: '' };
  }
  if (typeof commands !== 'object' || commands === null || Array.isArray(commands)) return { text: '' };
  const note = (commands as Record<string, unknown>).speaker_note;
  return typeof note === 'string' && note.trim() !== '' ? { text: '', note: note.trim() } : { text: '' };
}

/** What a comment command on a line of its own does. */
function runCommand(name: string, value: string, state: PresentermState): DialectLine | null {
  switch (name) {
    case 'end_slide':
      return endSlide(state);
    case 'pause':
      return value === '' ? { text: '<!-- pause -->' } : null;
    case 'speaker_note':
      return value.trim() === '' ? { text: '' } : { text: '', note: value.trim() };
    case 'incremental_lists': {
      const on = value.trim() === 'true';
      const wasOn = state.incremental;
      state.incremental = on;
      return { text: on ? (wasOn ? '' : '<!-- incremental: start -->') : wasOn ? '<!-- incremental: end -->' : '' };
    }
    case 'column_layout': {
      const widths = /^\[([\d\s,.]{1,100})\]$/.exec(value.trim())?.[1]?.split(',').map((w) => Number(w.trim()));
      state.columns = widths && widths.length > 1 && widths.every((w) => Number.isFinite(w) && w > 0) ? widths : null;
      return { text: '' };
    }
    case 'column': {
      const widths = state.columns;
      const index = Number(value.trim());
      if (widths === null || !Number.isInteger(index) || index < 0 || index >= widths.length) return { text: '' };
      const share = Math.round((widths[index]! / widths.reduce((a, b) => a + b, 0)) * 100);
      if (state.inColumns) return { text: `<!-- column: ${share}% -->` };
      state.inColumns = true;
      return { text: '<!-- column-start -->', before: ['<!-- layout: two-column -->', `<!-- column-width: ${share}% -->`] };
    }
    case 'reset_layout': {
      const was = state.inColumns;
      state.inColumns = false;
      state.columns = null;
      return { text: was ? '<!-- column-end -->' : '' };
    }
    case 'jump_to_middle':
      return { text: '<!-- .slide: class="lead" -->' };
    case 'skip_slide':
      return { text: '', hidden: true };
    case 'include':
      // Read again as a line of its own (after), where cut-slides.ts reads an include.
      return value.trim() === '' || value.includes('"') ? { text: '' } : { text: '', after: [`{{< include "${value.trim()}" >}}`] };
    default: {
      if (TERMINAL_ONLY.has(name)) return { text: '' };
      // presenterm refuses a command it does not have: one a letter or two from its own is that command mistyped, said
      // here, where it would otherwise be a comment that shows nothing; any other comment is the author's own.
      const meant = suggestClosest(name, COMMANDS, { byPrefix: false });
      return meant === undefined ? null : { text: '', warning: `presenterm has no comment command ${name}; did you mean ${meant}? The comment was left out` };
    }
  }
}

/** A slide's end: the next slide starts with no columns and no list stepping in. */
function endSlide(state: PresentermState): DialectLine {
  state.columns = null;
  state.inColumns = false;
  state.incremental = false;
  return { text: '---' };
}

/** A fence's opening line with presenterm's flags, as briefdeck reads one: line numbers and highlight steps kept, the rest gone. */
function rewriteFence(fence: RegExpExecArray): string {
  const [, opening, language, attributes] = fence;
  const words: string[] = attributes!.match(/\+[\w:-]+/g) ?? [];
  const highlight = /\{[^}]*\}/.exec(attributes!)?.[0] ?? '';
  const numbered = words.includes('+line_numbers');
  // presenterm shows a Mermaid block's source unless told to draw it.
  const shown = language === 'mermaid' && !words.includes('+render') ? '' : language!;
  if (!numbered) return `${opening}${shown}${highlight ? ` ${highlight}` : ''}`;
  return `${opening}${shown} ${highlight || '{*}'}{lines:true}`;
}

/** A presenterm title as text: its Markdown (`_first_ **presentation**`) and its coloured `<span>`s are looks, not words. */
export function readPresentermTitle(title: string): string {
  return title
    .replace(/<\/?span\b[^>]{0,300}>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(\S(?:.*?\S)?)\2(?![\w*])/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}

/** The built-in theme a presenterm `theme:` map names (`name: dark`), or null for a theme of its own (`path:`, `override:`). */
export function readPresentermThemeName(theme: unknown): string | null {
  const name = typeof theme === 'object' && theme !== null ? (theme as Record<string, unknown>).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

/** A picture's alt text as presenterm reads it: its width, a share of the slide's (`image:width:50%`), and the words after it. */
export function readPresentermImage(alt: string): { alt: string; width?: string } {
  const sized = SIZED_IMAGE.exec(alt.trim());
  return sized ? { alt: sized[2]!.trim(), width: `${Math.min(100, Number(sized[1]))}%` } : { alt };
}
