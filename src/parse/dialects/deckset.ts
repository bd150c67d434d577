// How briefdeck reads Deckset's decks. Deckset has no front matter: its settings are `key: value` lines at the
// top of the file (`footer: …`, `slidenumbers: true`, `build-lists: true`); its slides are cut at `---`; and
// its own syntax is rewritten into briefdeck's, line by line:
// - a paragraph that starts with `^` is a presenter note, and goes to the notes, never the slide;
// - `[.column]` starts a column, `[.background-color: #123]`, `[.text: #fff]` (its colour), `[.build-lists: true]`, `[.slidenumbers: false]`,
//   `[.footer: …]`, `[.hide-footer]` and `[.slide-transition: …]` set the slide, other slide commands (`[.header: …]`) are named in a warning;
// - `[.code-highlight: 2, 4-5]` lines before a code block are its highlight's steps, written onto its fence as Slidev's `{2,4-5|…}`;
// - `# [fit] Title` is a title fitted to its line, as Marp's `# <!--fit--> Title` is;
// - a picture is the slide's background unless its alt text says `inline`, as in Deckset: its `left`, `right`,
//   `fit` and percentage words are Marp's, so the pictures are placed as Marp's are (marp.ts).
import { mapOutsideCodeSpans } from '../outside-code-spans.js';
import type { BriefingMeta } from '../../model.js';
import { FIRST_COLUMN, NEXT_COLUMN, type DialectLine } from '../directive-lines.js';
import { keepSafeLook } from './reveal.js';

/** Deckset's settings that stand at the top of a file, and only there; in any case (`Theme: Next, 1`), as Deckset reads them. */
const SETTING = /^(footer|slidenumbers|slidecount|autoscale|build-lists|theme|slide-transition|presenter-notes|slide-dividers|fit-header|text|text-strong|text-emphasis|header|header-strong|header-emphasis|background-color|code|code-language|footnote|quote|quote-author|table-separator|list|link|footer-style|slidenumber-style|image|code-line-numbers)[ \t]*:[ \t]*(.*?)[ \t]*$/i;
/** Settings only Deckset has, which make a deck Deckset's when it opens with one. */
const OWN_SETTING = /^(?:slidenumbers|slidecount|autoscale|build-lists|slide-transition|presenter-notes|slide-dividers|fit-header)[ \t]*:/i;
/** Deckset's own lines in a slide: a slide command, `[.column]`, a `[fit]` heading. */
const OWN_LINE = /^(?:\[\.(?:column|background-color|hide-footer|slidenumbers|build-lists|header|text|footer|autoscale|code-highlight)\b[^\]\n]*\][ \t]*$|#{1,6}[ \t]*\[fit\][ \t]*[^\s(]\S*)/m;

/** Deckset's theme setting, a theme and its colour variant: `theme: Work, 7`. */
const THEME_VARIANT = /^theme[ \t]*:[ \t]*[^,\n]+,[ \t]*\d+[ \t]*$/i;

/**
 * Whether a deck's body is Deckset's: its settings at the top (lines of `key: value` before anything else) hold one only
 * Deckset has, or a theme with its colour variant, or any of its settings over slides cut at `---`; or it holds one of
 * Deckset's own lines, or pictures placed by its words. The settings may come in any order: `theme:` or `footer:` often
 * comes first.
 */
export function readsAsDecksetBody(text: string): boolean {
  let settings = 0;
  for (const line of text.split('\n', 40)) {
    if (line.trim() === '') continue;
    if (OWN_SETTING.test(line) || THEME_VARIANT.test(line)) return true;
    if (!SETTING.test(line)) break;
    settings++;
  }
  // Settings any tool might name (`footer: @me` alone) over a body cut at `---`: no other tool writes them bare at the top.
  // Or pictures placed by Deckset's words alone (`![left](a.jpg)`, `![inline, fill](b.jpg)`), two or more: no other alt text.
  // Or its presenter notes (`^ Ask for two volunteers`) in a body cut at `---`: no other tool opens a line with `^ `.
  const cut = /^---[ \t]*$/m.test(text);
  return (settings > 0 && cut) || OWN_LINE.test(text) || (text.match(DECKSET_PICTURE) ?? []).length >= 2 || (cut && NOTE_LINE.test(text));
}

/** A line of Deckset's presenter notes: `^`, a space, then the note. */
const NOTE_LINE = /^\^[ \t]+\S/m;

/** A picture whose alt text is Deckset's placing words only, `inline` among them (`![left, filtered](a.jpg)`, `![inline 50%](b.png)`), spaces around them too (`![inline ](c.png)`). */
const DECKSET_PICTURE = /!\[[ \t]*(?:left|right|fit|fill|inline|filtered|original)(?:[ \t]*,?[ \t]*(?:left|right|fit|fill|inline|filtered|original|\d{1,3}%))*[ \t]*\]\(/g;

/** A setting at the top of the file, with its line. */
export interface DecksetSetting {
  key: string;
  value: string;
  line: number;
}

/** Takes the settings off the top of a file's text, leaving blank lines in their place so every line keeps its number. */
export function takeDecksetSettings(text: string, firstLine: number): { text: string; settings: DecksetSetting[] } {
  const lines = text.split('\n');
  const settings: DecksetSetting[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const setting = SETTING.exec(lines[i]!);
    if (!setting) break;
    settings.push({ key: setting[1]!.toLowerCase(), value: setting[2]!, line: firstLine + i });
    lines[i] = '';
  }
  return { text: lines.join('\n'), settings };
}

/**
 * Applies the settings briefdeck can honour: `footer` (the footer's text), `slidenumbers` (the footer's number),
 * `build-lists` (lists step in), `slide-dividers` (headings that cut a slide too), `slide-transition` (the nearest of reveal's). Returns those it cannot, for a warning.
 */
export function applyDecksetSettings(settings: readonly DecksetSetting[], meta: BriefingMeta): DecksetSetting[] {
  const ignored: DecksetSetting[] = [];
  for (const setting of settings) {
    const on = setting.value.toLowerCase() === 'true';
    switch (setting.key) {
      case 'footer':
        meta.footerText = setting.value;
        meta.keyLines.footer = setting.line;
        break;
      case 'slidenumbers':
        meta.pageNumbers = on;
        meta.pageNumbersSet = true;
        meta.keyLines.slidenumbers = setting.line;
        break;
      case 'build-lists':
        meta.incremental = on;
        break;
      // Fitting text to the slide, and counting slides beside the number: what briefdeck's footer and `check` do anyway.
      case 'autoscale':
      case 'slidecount':
        break;
      case 'slide-transition': {
        const transition = readDecksetTransition(setting.value);
        if (transition === undefined) ignored.push(setting);
        else meta.transition = transition;
        break;
      }
      case 'slide-dividers': {
        const levels = [...setting.value.matchAll(/(#{1,6})/g)].map((m) => m[1]!.length);
        if (levels.length > 0) meta.headingDivider = [...new Set(levels)].sort();
        else ignored.push(setting);
        break;
      }
      default:
        ignored.push(setting);
    }
  }
  return ignored;
}

/** State carried from line to line within one file. */
export interface DecksetState {
  /** In a `^` note's paragraph. */
  inNote: boolean;
  /** `[.column]` lines seen on this slide. */
  columns: number;
  /** The steps of `[.code-highlight: …]` lines waiting for the next code block. */
  codeHighlights: string[];
  /** After a line that opens with a tag (`<br>`), up to a blank line: where CommonMark reads on as HTML. */
  afterHtml: boolean;
}

/** A fresh state. */
export function createDecksetState(): DecksetState {
  return { inNote: false, columns: 0, codeHighlights: [], afterHtml: false };
}

/** Image words Deckset reads, and what they are in Marp's syntax (marp.ts); `inline` keeps a picture in the text. */
const IMAGE_WORDS: Record<string, string> = { left: 'left', right: 'right', fit: 'fit', fill: 'cover', filtered: '', original: '' };

/** Rewrites one line of a Deckset deck: null when nothing in it is Deckset's own, else what to read instead. */
export function rewriteDecksetLine(written: string, state: DecksetState): DialectLine | null {
  // Deckset reads `#Title`, with no space after its marks, as a heading, as Markdown did before CommonMark; CommonMark shows the marks.
  // A rule of underscores (`___`) cuts a slide there as `---` does: a deck holds no rule of its own.
  const line = /^_{3,}[ \t]*$/.test(written) ? '---' : written.replace(/^(#{1,6})(?=[^\s#])/, '$1 ');
  const read = rewriteSpacedLine(line, state);
  return read ?? (line === written ? null : { text: line });
}

/** rewriteDecksetLine, once a heading's marks have their space. */
function rewriteSpacedLine(line: string, state: DecksetState): DialectLine | null {
  // A note's paragraph goes on to a blank line, or to a line that starts something else: a cut, a heading, a command.
  if (state.inNote) {
    // A line that opens with `^` again is a note line too, its marker no more shown than the first's.
    if (line.trim() !== '' && !/^(?:---[ \t]*$|#{1,6}[ \t]|\[\.)/.test(line)) return { text: '', note: line.replace(/^\^[ \t]?/, '') };
    state.inNote = false;
  }
  if (/^---[ \t]*$/.test(line)) {
    state.columns = 0;
    const unused = state.codeHighlights.length > 0;
    state.codeHighlights = [];
    return unused ? { text: line, warning: "Deckset's [.code-highlight] lines before no code block on their slide were left out" } : null;
  }
  const fence = state.codeHighlights.length > 0 ? /^( {0,3}(?:`{3,}|~{3,}))[ \t]*([^\s`{[]*)/.exec(line) : null;
  if (fence) {
    const steps = state.codeHighlights.join('|');
    state.codeHighlights = [];
    return { text: `${fence[1]}${fence[2]} {${steps}}` };
  }
  // A heading right under a line of HTML (`<br>` over `### Subtitle`) is a heading to Deckset; CommonMark would read it
  // on as that HTML, its marks shown, so a blank line ends the HTML first.
  const afterHtml = state.afterHtml;
  state.afterHtml = line.trim() === '' ? false : afterHtml || /^ {0,3}<\/?[a-zA-Z]/.test(line);
  if (afterHtml && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) {
    state.afterHtml = false;
    return { text: line, before: [''] };
  }
  const note = /^\^[ \t]?(.*)$/.exec(line);
  if (note) {
    state.inNote = true;
    return { text: '', note: note[1]! };
  }
  const command = /^\[\.([\w-]+)(?::[ \t]*(.*?))?\][ \t]*$/.exec(line);
  if (command) return readCommand(command[1]!, command[2]?.trim() ?? '', state);
  const fit = /^(#{1,6})[ \t]+\[fit\][ \t]*(.*)$/.exec(line);
  if (fit) return { text: `${fit[1]} <!--fit--> ${fit[2]}` };
  return line.includes('![') ? rewriteImages(line) : null;
}

/**
 * Deckset's transition (`true`, `false`, `fade(0.3)`, `push(horizontal, 0.3)`) as the reveal transition nearest it:
 * its fades are reveal's fade, and its pushes, moves and reveals, where one slide moves off for another, reveal's
 * slide. Its timing and direction are not carried over. Undefined for any other.
 */
function readDecksetTransition(value: string): string | undefined {
  const name = /^[ \t]*([A-Za-z]+)[ \t]*(?:\(.*\))?[ \t]*$/.exec(value)?.[1]!.toLowerCase();
  const nearest: Record<string, string> = { true: 'fade', false: 'none', fade: 'fade', fadethroughcolor: 'fade', push: 'slide', move: 'slide', reveal: 'slide' };
  return name !== undefined && Object.hasOwn(nearest, name) ? nearest[name] : undefined;
}

/** Deckset's alignments that a slide's text takes: centred (`text-center`), and left, as it stands anyway. */
const CENTRED = /^alignment\(\s*center\s*\)$/i;
const LEFT = /^alignment\(\s*left\s*\)$/i;

/** A slide command: `[.column]`, `[.background-color: #123]`, `[.build-lists: true]`; any other is named in a warning. */
function readCommand(name: string, value: string, state: DecksetState): DialectLine {
  switch (name) {
    case 'column':
      state.columns++;
      return { ...(state.columns === 1 ? FIRST_COLUMN : NEXT_COLUMN) };
    case 'background-color':
      return { text: `<!-- .slide: data-background-color="${value.replace(/"/g, '')}" -->` };
    case 'build-lists':
      return { text: value === 'false' ? '<!-- nonincremental -->' : '<!-- incremental -->' };
    case 'slidenumbers':
      return { text: '', pageNumber: value !== 'false' };
    // The slide's own footer text, in place of the deck's, as Quarto's `::: footer` gives it.
    case 'footer':
      return value ? { text: '<!-- footer: end -->', before: ['<!-- footer -->', value] } : { text: '' };
    case 'hide-footer':
      return { text: '<!-- footer: end -->', before: ['<!-- footer -->'] };
    case 'autoscale':
      return { text: '' };
    case 'slide-transition': {
      const transition = readDecksetTransition(value);
      if (transition === undefined) break;
      return { text: `<!-- .slide: data-transition="${transition}" -->` };
    }
    // A step of the next code block's highlight, written onto its fence (rewriteDecksetLine); Deckset's words are Slidev's.
    case 'code-highlight':
      if (/^(?:all|none|\d+(?:[ \t]*-[ \t]*\d+)?(?:[ \t]*,[ \t]*\d+(?:[ \t]*-[ \t]*\d+)?)*)$/.test(value)) {
        state.codeHighlights.push(value.replace(/[ \t]/g, ''));
        return { text: '' };
      }
      break;
    // The slide's text colour (and its headings', which briefdeck colours with it); its font and alignment are not carried over.
    // Its alignment too, when centred (`alignment(center)`): the slide's text centred, as `text-center` centres it.
    case 'text': {
      const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
      const safe = parts[0] ? keepSafeLook({ color: parts[0] }).color : undefined;
      const centred = parts.some((part) => CENTRED.test(part));
      if (safe === undefined && !centred) break;
      const settings = [...(safe ? [`data-color="${safe}"`] : []), ...(centred ? ['class="text-center"'] : [])];
      // Left, as a slide's text stands anyway, needs no word.
      const left = parts.filter((part, i) => !(i === 0 && safe) && !CENTRED.test(part) && !LEFT.test(part));
      const kept = [safe ? 'the colour' : '', centred ? 'the centring' : ''].filter(Boolean).join(' and ');
      return { text: `<!-- .slide: ${settings.join(' ')} -->`, ...(left.length > 0 ? { warning: `Deckset's text settings ${left.join(', ')} are not supported and were left out; ${kept} ${centred && safe ? 'are' : 'is'} kept` } : {}) };
    }
    // The slide's headings' colour; their font, size and alignment are not carried over.
    case 'header': {
      const [colour, ...rest] = value.split(',').map((part) => part.trim()).filter(Boolean);
      const safe = colour ? keepSafeLook({ color: colour }).color : undefined;
      if (safe === undefined) break;
      return { text: `<!-- .slide: data-heading-color="${safe}" -->`, ...(rest.length > 0 ? { warning: `Deckset's header settings ${rest.join(', ')} are not supported and were left out; the colour is kept` } : {}) };
    }
    default:
      break;
  }
  return { text: '', warning: `Deckset's slide command [.${name}${value ? `: ${value}` : ''}] is not supported and was left out` };
}

/** Deckset's pictures in Marp's syntax: a background unless `inline`, its placement words Marp's. */
function rewriteImages(line: string): DialectLine | null {
  let changed = false;
  // Deckset takes a picture's path with spaces as written (`![](My diagram.png)`), which Markdown reads only in <…>.
  // Only outside code spans: a code span shows a picture's syntax as written.
  const text = mapOutsideCodeSpans(line, (part) => part.replace(/(!\[[^\]\n]*\]\()([^()<>\n"']*[^()<>\s"'][ \t]+[^()<>\n"']*[^()<>\s"'])\)/g, (_whole, opening: string, target: string) => `${opening}<${target}>)`).replace(/!\[([^\]\n]*)\]\(/g, (whole, alt: string) => {
    // Deckset's words may be parted by commas (`![inline, fill]`, `![left, filtered]`) as well as spaces.
    const words = alt.split(/[\s,]+/).filter(Boolean);
    if (words.some((w) => w.toLowerCase() === 'inline')) {
      changed = true;
      return `![${words.filter((w) => !/^(?:inline|fill|fit|\d+%)$/i.test(w)).join(' ')}](`;
    }
    const placed = words.map((w) => (Object.hasOwn(IMAGE_WORDS, w.toLowerCase()) ? IMAGE_WORDS[w.toLowerCase()]! : /^\d+%$/.test(w) ? w : null));
    // Alt text that is not Deckset's words is a description: the picture is still a background, as Deckset shows it.
    changed = true;
    return `![bg ${placed.filter((w): w is string => w !== null && w !== '').join(' ')}](`.replace(' ](', '](');
  }));
  return changed || text !== line ? { text } : null;
}
