import type { Line } from '../cut-slides.js';
import { keepSafeLook } from './reveal.js';
import { MARP_LOCAL_DIRECTIVES } from './marp.js';

// How briefdeck reads speaker notes that Marp and Slidev write as HTML comments.
// Marp: every HTML comment that is not a directive is a presenter note.
// Slidev: the last comment block of a slide is its note.

/** Which comments of a deck are speaker notes. */
export type CommentNotes = 'none' | 'marp' | 'slidev';

/** Marp's directives, which may also be written with a leading `_` (this slide only). */
const MARP_DIRECTIVES = new Set(['theme', 'style', 'headingDivider', 'size', 'math', 'title', 'author', 'description', 'image', 'keywords', 'url', 'marp', ...MARP_LOCAL_DIRECTIVES, 'transition', 'fit']);

/** True when a comment's text is a Marp directive (`_class: lead`, `paginate: false`, `fit`), not a note. */
function isMarpDirective(text: string): boolean {
  const key = /^\s*_?([A-Za-z]+)\s*(?::|$)/.exec(text)?.[1];
  return key !== undefined && MARP_DIRECTIVES.has(key);
}

/** One HTML comment as it stands among a slide's body lines. */
interface Comment {
  /** Index of its first and last line in the body. */
  from: number;
  to: number;
  text: string;
}

/** Finds whole-line HTML comments in a slide's body: one line, or several up to the closing `-->`. */
function findComments(body: Line[]): Comment[] {
  const comments: Comment[] = [];
  for (let i = 0; i < body.length; i++) {
    const open = /^\s*<!--(.*)$/.exec(body[i]!.text);
    if (!open) continue;
    let text = open[1]!;
    let j = i;
    while (!text.includes('-->') && j + 1 < body.length) text += `\n${body[++j]!.text}`;
    const end = text.indexOf('-->');
    if (end === -1 || text.slice(end + 3).trim() !== '') continue;
    comments.push({ from: i, to: j, text: text.slice(0, end).trim() });
    i = j;
  }
  return comments;
}

/**
 * Marp's directives for a slide's look that hold from the slide that sets
 * them (`<!-- class: lead -->`, or the front matter) to the end, or until set
 * again; with a leading `_` (`<!-- _class: lead -->`) they set one slide only.
 */
export interface MarpCarried {
  class?: string;
  backgroundColor?: string;
  footer?: string;
}

/**
 * Moves the comments a peer tool treats as notes out of a slide's body and
 * returns their text as note lines; directives are dropped from the body too,
 * since they mean nothing to briefdeck and must never show. Marp's class,
 * background colour and footer directives become the slide's own look and
 * footer, those without `_` carried on to the slides after it in `carried`.
 */
export function takeCommentNotes(body: Line[], mode: CommentNotes, isOwnDirective: (line: string) => boolean, carried: MarpCarried = {}): Line[] {
  if (mode === 'none') return [];
  const comments = findComments(body);
  const notes: Line[] = [];
  const drop = new Set<number>();
  const looks: Line[] = [];
  const lastText = [...body.keys()].reverse().find((i) => body[i]!.text.trim() !== '');
  /** This slide's own `_` directives, and the line of the first directive, where its look is written. */
  const own: MarpCarried = {};
  /** What this slide sets for itself and those after it, read (and warned of) here as written; later slides take only what passes. */
  const setHere: MarpCarried = {};
  let lookLine = body[0]?.number ?? 0;
  comments.forEach((comment) => {
    // briefdeck's own directives (`<!-- layout: quote -->`) stay where they are, for the parser.
    if (comment.from === comment.to && isOwnDirective(body[comment.from]!.text)) return;
    const directive = mode === 'marp' && isMarpDirective(comment.text);
    const isNote = mode === 'marp' ? !directive && comment.text !== '' : comment.to === lastText && comment.text !== '';
    if (!isNote && !directive) return;
    for (let k = comment.from; k <= comment.to; k++) drop.add(k);
    const look = directive ? /^\s*(_?)(class|backgroundColor|footer)\s*:\s*(.*?)\s*$/.exec(comment.text) : null;
    if (look) {
      if (Object.keys(own).length === 0 && Object.keys(setHere).length === 0) lookLine = body[comment.from]!.number;
      (look[1] ? own : setHere)[look[2] as keyof MarpCarried] = look[3]!.replace(/^(["'])(.*)\1$/, '$2');
    }
    if (isNote) comment.text.split('\n').forEach((text, k) => notes.push({ text, number: body[comment.from]!.number + k }));
  });
  // The class and background colour become the slide's look, in reveal's `.slide:` form; the footer a footer block like Quarto's `::: footer`.
  const { class: className, backgroundColor, footer } = { ...carried, ...setHere, ...own };
  const safe = keepSafeLook(setHere);
  for (const key of ['class', 'backgroundColor'] as const) {
    if (!(key in setHere)) continue;
    if (safe[key] === undefined) delete carried[key];
    else carried[key] = safe[key];
  }
  if (setHere.footer !== undefined) carried.footer = setHere.footer;
  const at = (text: string) => ({ text, number: lookLine });
  if (className) looks.push(at(`<!-- .slide: class="${className.replace(/"/g, '')}" -->`));
  if (backgroundColor) looks.push(at(`<!-- .slide: data-background-color="${backgroundColor.replace(/"/g, '')}" -->`));
  if (footer) looks.push(...['<!-- footer -->', footer, '<!-- footer: end -->'].map(at));
  const kept = body.filter((_, i) => !drop.has(i));
  body.splice(0, body.length, ...looks, ...kept);
  return notes;
}
