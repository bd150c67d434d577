import type { NotesBlock } from './notes-block.js';
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
    close: (text) => {
      const closer = /^ {0,3}(:{3,})[ \t]*$/.exec(text);
      return { closed: closer !== null && closer[1]!.length >= fence, before: '' };
    },
  };
}

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
    if (cls === 'nonincremental') return { text: '' };
    return { text: '', warning: `Pandoc div "${line.trim()}" has no briefdeck meaning; its content is shown without it` };
  }
  if (/^ {0,3}:{3,}[ \t]*$/.test(line) && state.divs.length > 0) {
    state.divs.pop();
    return { text: '' };
  }
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
  const pairs = [...attributes.matchAll(/([\w-]+)\s*=\s*("[^"]*"|'[^']*'|\S+)/g)].map((m) => `${m[1] === 'background-color' || m[1] === 'background-image' ? `data-${m[1]}` : m[1]}=${m[2]}`);
  const id = /(?:^|\s)#[\w-]+/.test(attributes);
  const read = readSlideDirective(`<!-- .slide: ${classes.length > 0 ? `class="${classes.join(' ')}" ` : ''}${pairs.join(' ')} -->`);
  const ignored = [...(read?.ignored ?? []), ...(id ? ['an #id'] : [])];
  return { text: heading, look: read?.look, ...(ignored.length > 0 ? { warning: `heading attributes ${ignored.join(', ')} are not supported and were left out` } : {}) };
}
