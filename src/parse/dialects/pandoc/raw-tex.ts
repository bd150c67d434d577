// Raw TeX in a Pandoc or Quarto deck, read line by line as Pandoc's HTML
// output reads it: a math environment (`\begin{equation}` … `\end{equation}`)
// is display math, as Pandoc passes it on to MathJax; Beamer's `\pause` is a
// build step; any other command on a line of its own (`\newpage`,
// `\vspace{1em}`) or environment is for LaTeX output only, and left out, with
// a warning, as Pandoc leaves it out of HTML. Beamer's columns and blocks, the
// two environments a Beamer deck is built of, keep their content: they become
// Pandoc's column divs and Quarto's callouts, which a deck draws. So do LaTeX's
// lists (`itemize`, `enumerate`, `description`, their `\item`s Markdown list
// items), its aligned text (`center`, `flushleft`, `flushright`) and its quotes
// (`quote`, `quotation`): Pandoc's HTML drops them, and with them the author's
// words. A Beamer `\note{…}` is a speaker note, an overlay's text
// (`\only<2>{…}`) shows at once, `\framesubtitle{…}` is a heading under the
// slide's title and `\includegraphics{…}` on a line of its own the picture.
import { escapeHtml } from '../../../html-text.js';
import { TEXT_COMMANDS } from './inline-tex.js';

/** The environments Pandoc passes on to MathJax in HTML output, which KaTeX renders too. */
const MATH_ENVIRONMENTS = new Set(['equation', 'align', 'alignat', 'gather', 'multline', 'flalign', 'eqnarray'].flatMap((name) => [name, `${name}*`]));

/** Where a file's reading stands: inside a `$$` display block, or inside an environment being left out. */
export interface RawTexState {
  inMath: boolean;
  /** The math environment that opened the display block, when one did: its `\end` closes the block. */
  mathEnvironment: string | null;
  /** The environment whose lines are being left out, until its `\end`. */
  skipping: string | null;
  /** Inside Beamer's `columns`, how many columns its `\column{…}` commands have started; null outside one. */
  beamerColumns: number | null;
  /** The LaTeX lists open around the line, outermost first, each with the indent of its items' text and whether it steps in. */
  lists: { name: string; indent: number; stepped: boolean }[];
  /** Inside a `quote` or `quotation`, whose lines are a Markdown quote's. */
  quoting: string | null;
}

/** A fresh state for the start of a file. */
export function createRawTexState(): RawTexState {
  return { inMath: false, mathEnvironment: null, skipping: null, beamerColumns: null, lists: [], quoting: null };
}

/** A line of raw TeX rewritten: `text` empty when the line is left out (a blank line, so paragraphs around it stay apart). */
export interface TexRewrite {
  text: string;
  warning?: string;
  /** The line is dropped rather than blanked: a nested list's opening and end, which a blank line would make loose. */
  drop?: boolean;
}

const BEGIN = /^[ \t]*\\begin\{([A-Za-z]+\*?)\}/;

/** Beamer's blocks, as the callout each is most like. */
const BEAMER_BLOCKS: Record<string, string> = { block: 'note', alertblock: 'warning', exampleblock: 'tip' };

/**
 * Beamer's columns and blocks as Pandoc's fenced divs (`:::: columns`, `::: {.column width="50%"}`,
 * `::: {.callout-note title="…"}`), their content kept; null for any other line. A column's width
 * as a share of the text's (`0.4\textwidth`) is its share of the slide.
 */
function rewriteBeamerLine(line: string): string | null {
  // The shorthands Pandoc's Beamer decks define for columns (`\newcommand{\begincols}{\begin{columns}}`, and `\endcols`).
  const shorthand = /^[ \t]*\\(begin|end)cols[ \t]*$/.exec(line);
  if (shorthand) return shorthand[1] === 'end' ? '::::' : ':::: columns';
  const match = /^[ \t]*\\(begin|end)\{(columns|column|block|alertblock|exampleblock)\}(.*)$/.exec(line);
  if (!match) return null;
  const [, edge, name, rest] = match as unknown as [string, string, string, string];
  if (edge === 'end') return name === 'columns' ? '::::' : ':::';
  if (name === 'columns') return ':::: columns';
  if (name === 'column') {
    const share = /^\{[ \t]*(0?\.\d+|1(?:\.0*)?)[ \t]*\\(?:textwidth|linewidth|columnwidth)[ \t]*\}/.exec(rest.trim())?.[1];
    return share ? `::: {.column width="${Math.round(Number(share) * 100)}%"}` : '::: column';
  }
  const title = /^\{([^{}\n]*)\}/.exec(rest.trim())?.[1]?.trim();
  return `::: {.callout-${BEAMER_BLOCKS[name]}${title ? ` title="${title.replace(/"/g, "'")}"` : ''}}`;
}
/**
 * A command on a line of its own: `\newpage`, `\vspace{1em}`, `\includegraphics[width=3cm]{a.png}`, Beamer's `\only<2>{…}`;
 * an argument may hold a command of its own (`\epigraph{…}{--- \textup{Carlyle}}`), one level deep.
 */
const COMMAND_LINE = /^[ \t]*\\([A-Za-z]+)\*?(?:<[^>\n]*>)?(?:\[[^\]\n]*\]|\{(?:[^{}\n]|\{[^{}\n]*\})*\})*[ \t]*$/;
/** Commands one after another on a line of their own (`\center\includegraphics[width=0.5\columnwidth]{a.jpg}`), each read as above. */
const COMMANDS_LINE = /^[ \t]*(?:\\[A-Za-z]+\*?(?:<[^>\n]*>)?(?:\[[^\]\n]*\]|\{(?:[^{}\n]|\{[^{}\n]*\})*\})*[ \t]*){2,8}$/;
/** Each command's name on such a line. */
const COMMAND_NAME = /\\([A-Za-z]+)(?:\*?(?:<[^>\n]*>)?(?:\[[^\]\n]*\]|\{(?:[^{}\n]|\{[^{}\n]*\})*\})*)/g;
/** Beamer's speaker note on a line of its own, `\note{…}` (braces may nest inside it). */
const NOTE_LINE = /^[ \t]*\\note(?:<[^>\n]*>)?(?:\[[^\]\n]*\])?[ \t]*\{(.*)\}[ \t]*$/;
/** Beamer's overlay commands whose one argument is the slide's text, shown at the steps its `<…>` names: `\only<2>{…}`, `\onslide<2->{…}`. */
const OVERLAY_LINE = /^[ \t]*\\(only|onslide|uncover|visible)(<[^>\n]*>)[ \t]*\{(.*)\}[ \t]*$/;

/** Beamer's `\framesubtitle{…}` on a line of its own: the slide's subtitle, a heading under its title. */
const FRAME_SUBTITLE = /^[ \t]*\\framesubtitle[ \t]*\{([^{}\n]*\S[^{}\n]*)\}[ \t]*$/;
/**
 * `\includegraphics[…]{path}` on a line of its own, after `\centering` or `\center`, or inside `\centerline{…}`:
 * its options (`width=0.5\textwidth`) and its path.
 */
const PICTURE_LINE = /^[ \t]*(?:\\(?:centering|center)(?![A-Za-z])[ \t]*)?(\\centerline[ \t]*\{[ \t]*)?\\includegraphics(?:<[^>\n]*>)?(?:\[([^\]\n]*)\])?[ \t]*\{([^{}\n]+)\}[ \t]*(\})?[ \t]*$/;

/** A picture line of LaTeX as Markdown's picture, at the share of the slide's width its `width=0.6\textwidth` gives; null for any other line. */
function readPictureLine(line: string): string | null {
  const picture = PICTURE_LINE.exec(line);
  // `\centerline{` must be closed on the line, and only then.
  if (!picture || (picture[1] === undefined) !== (picture[4] === undefined)) return null;
  const share = /(?:^|,)[ \t]*width[ \t]*=[ \t]*(0?\.\d+|1(?:\.0*)?)[ \t]*\\(?:textwidth|linewidth|columnwidth)\b/.exec(picture[2] ?? '')?.[1];
  const width = share === undefined ? '' : `{width="${Math.round(Number(share) * 100)}%"}`;
  return `![](<${picture[3]!.trim()}>)${width}`;
}

/**
 * True for raw TeX that is one math environment, `\begin{align}` … `\end{align}`: a ```` ```{=tex} ```` block of it is
 * display math in HTML, as Pandoc's HTML writer renders it for MathJax or KaTeX, though any other raw TeX is left out.
 */
export function isMathEnvironment(tex: string): boolean {
  const env = /^\\begin\{([A-Za-z]+\*?)\}[\s\S]*\\end\{([A-Za-z]+\*?)\}$/.exec(tex.trim());
  return env !== null && env[1] === env[2] && MATH_ENVIRONMENTS.has(env[1]!);
}

/** Rewrites one line of raw TeX (outside code), or returns null for a line that is not. */
export function rewriteRawTex(line: string, state: RawTexState): TexRewrite | null {
  if (state.skipping !== null) {
    if (line.includes(`\\end{${state.skipping}}`)) state.skipping = null;
    return { text: '' };
  }
  if (state.mathEnvironment !== null) {
    if (!line.includes(`\\end{${state.mathEnvironment}}`)) return null;
    state.inMath = false;
    state.mathEnvironment = null;
    return { text: `${line.trimEnd()}$$` };
  }
  // `$$` opens or closes a display block; TeX inside one is math, never rewritten.
  if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1 && (state.inMath || /^[ \t]*\$\$/.test(line))) {
    state.inMath = !state.inMath;
    return null;
  }
  // A quote's lines are a Markdown quote's, its TeX read as anywhere else (a text command stays text).
  if (state.quoting !== null && !state.inMath && !line.includes(`\\end{${state.quoting}}`)) {
    const inner = /^[ \t]*\\/.test(line) ? rewriteRawTex(line, { ...state, quoting: null }) : null;
    return { text: `> ${inner ? inner.text : line}`, ...(inner?.warning ? { warning: inner.warning } : {}) };
  }
  if (state.inMath || !/^[ \t]*\\/.test(line)) return null;
  const beamer = rewriteBeamerLine(line);
  if (beamer !== null) {
    if (beamer === ':::: columns') state.beamerColumns = 0;
    else if (beamer === '::::') state.beamerColumns = null;
    return { text: beamer };
  }
  // Beamer's `\column{0.5\textwidth}` inside `columns` starts the next column, as `\begin{column}` does, but is closed by
  // none: briefdeck's own column directives, which no div's closing fence must match.
  const column = state.beamerColumns === null ? null : /^[ \t]*\\column[ \t]*(?:\[[^\]\n]*\][ \t]*)?\{[ \t]*(?:(0?\.\d+|1(?:\.0*)?)[ \t]*\\(?:textwidth|linewidth|columnwidth)[ \t]*|[^}\n]*)\}[ \t]*$/.exec(line);
  if (column) {
    const width = column[1] === undefined ? '' : `${Math.round(Number(column[1]) * 100)}%`;
    const first = state.beamerColumns === 0;
    state.beamerColumns! += 1;
    if (first) return { text: width ? `<!-- column-width: ${width} -->` : '' };
    return { text: width ? `<!-- column: ${width} -->` : '<!-- column -->' };
  }
  const text = rewriteTextEnvironment(line, state);
  if (text !== null) return text;
  const begin = BEGIN.exec(line);
  if (begin) {
    const name = begin[1]!;
    if (MATH_ENVIRONMENTS.has(name)) {
      // One display block from \begin to \end, as the math block extension reads `$$ … $$`.
      if (line.includes(`\\end{${name}}`)) return { text: `$$${line.trim()}$$` };
      state.inMath = true;
      state.mathEnvironment = name;
      return { text: `$$${line.trim()}` };
    }
    if (!line.includes(`\\end{${name}}`)) state.skipping = name;
    return { text: '', warning: `a LaTeX ${name} environment is for LaTeX output only and was left out, as Pandoc leaves it out of HTML` };
  }
  // A Beamer deck's notes are its presenter's words, which the deck keeps as notes (Pandoc's HTML drops them).
  const note = NOTE_LINE.exec(line);
  if (note) return { text: `<aside class="notes">${escapeHtml(note[1]!.trim())}</aside>` };
  // An overlay's text is the author's, shown at once: a deck steps in what `. . .` or `\pause` cut, not Beamer's overlay specifications.
  const overlay = OVERLAY_LINE.exec(line);
  if (overlay) return { text: overlay[3]!.trim(), warning: `Beamer's \\${overlay[1]}${overlay[2]} was left out: its text shows at once` };
  // Beamer's frame subtitle and a picture are the author's too (Pandoc's HTML drops them, the words and the figure with them).
  const subtitle = FRAME_SUBTITLE.exec(line);
  if (subtitle) return { text: `### ${subtitle[1]!.trim()}` };
  const picture = readPictureLine(line);
  if (picture !== null) return { text: picture };
  const command = COMMAND_LINE.exec(line);
  if (!command) return readCommandsLine(line);
  // A text command on a line of its own (`\textbf{Key point}`) is the author's text, set by inline-tex.ts, as inside a line.
  if (TEXT_COMMANDS.has(command[1]!)) return null;
  if (command[1] === 'pause') return { text: '<!-- pause -->' };
  return { text: '', warning: latexOnlyLeftOut(command[1]!) };
}

/** LaTeX's environments of text, whose lines are kept: lists, aligned text and quotes. */
const LIST_ENVIRONMENTS = new Set(['itemize', 'enumerate', 'description']);
const ALIGNED: Record<string, string> = { center: 'center', flushleft: 'left', flushright: 'right' };
const QUOTES = new Set(['quote', 'quotation']);
/** An environment's opening alone on its line, with Beamer's overlay for its items (`[<+->]`) or an enumerate's label (`[(a)]`). */
const TEXT_BEGIN = /^[ \t]*\\begin\{([A-Za-z]+)\}[ \t]*(\[[^\]\n]*\])?[ \t]*$/;
/** An item: its overlay (`<2->`) and its label (`[Key]`), then its text. */
const ITEM = /^[ \t]*\\item(<[^>\n]*>)?[ \t]*(?:\[([^\]\n]*)\])?[ \t]*(.*)$/;

/**
 * A line of LaTeX's lists, aligned text or quotes rewritten as Markdown: an `\item` a list item, indented under the
 * items around it; `[<+->]` on a list a list that steps in (Pandoc's incremental div); an aligned environment a div
 * aligned so; a quote's opening and end blank lines. Null for any other line.
 */
function rewriteTextEnvironment(line: string, state: RawTexState): TexRewrite | null {
  const begin = TEXT_BEGIN.exec(line);
  if (begin && LIST_ENVIRONMENTS.has(begin[1]!)) {
    const outer = state.lists.at(-1);
    const stepped = begin[2] === '[<+->]' || begin[2] === '[<+-| alert@+>]';
    const indent = outer ? outer.indent + (outer.name === 'enumerate' ? 3 : 2) : 0;
    state.lists.push({ name: begin[1]!, indent, stepped });
    if (outer) return { text: '', drop: true };
    return { text: stepped ? '::: incremental' : '' };
  }
  if (begin && ALIGNED[begin[1]!]) return { text: `::: {style="text-align: ${ALIGNED[begin[1]!]}"}` };
  if (begin && QUOTES.has(begin[1]!)) {
    state.quoting = begin[1]!;
    return { text: '' };
  }
  const end = /^[ \t]*\\end\{([A-Za-z]+)\}[ \t]*$/.exec(line)?.[1];
  if (end !== undefined && LIST_ENVIRONMENTS.has(end) && state.lists.at(-1)?.name === end) {
    const closed = state.lists.pop()!;
    if (state.lists.length > 0) return { text: '', drop: true };
    return { text: closed.stepped ? ':::' : '' };
  }
  if (end !== undefined && ALIGNED[end]) return { text: ':::' };
  if (end !== undefined && end === state.quoting) {
    state.quoting = null;
    return { text: '' };
  }
  const list = state.lists.at(-1);
  const item = list ? ITEM.exec(line) : null;
  if (!list || !item) return null;
  const [, overlay, label, rest] = item as unknown as [string, string | undefined, string | undefined, string];
  const marker = list.name === 'enumerate' ? '1. ' : '- ';
  const text = `${' '.repeat(list.indent)}${marker}${label !== undefined ? `**${label}** ` : ''}${rest}`.trimEnd();
  // Beamer's overlay on an item (`\item<2->`): the item shows at once; `[<+->]` on the list steps it in.
  return overlay ? { text, warning: `Beamer's overlay \\item${overlay} was left out: the item shows at once` } : { text };
}

/** The warning for a LaTeX command left out, as Pandoc leaves it out of HTML (on a line of its own here, or inside a line in inline-tex.ts). */
export function latexOnlyLeftOut(command: string): string {
  return `the LaTeX command \\${command} is for LaTeX output only and was left out, as Pandoc leaves it out of HTML`;
}

/** A line of several commands, none of them text nor a pause (`\center\includegraphics{…}`): left out whole, as Pandoc leaves each out of HTML; null for any other line. */
function readCommandsLine(line: string): TexRewrite | null {
  if (!line.includes('\\') || !COMMANDS_LINE.test(line)) return null;
  const names = [...line.matchAll(COMMAND_NAME)].map((m) => m[1]!);
  if (names.some((name) => TEXT_COMMANDS.has(name) || name === 'pause')) return null;
  return { text: '', warning: `the LaTeX commands ${names.map((name) => `\\${name}`).join(', ')} are for LaTeX output only and were left out, as Pandoc leaves them out of HTML` };
}
