import type { Line } from '../cut-slides.js';

// How briefdeck reads speaker notes that Marp and Slidev write as HTML comments.
// Marp: every HTML comment that is not a directive is a presenter note.
// Slidev: the last comment block of a slide is its note.

/** Which comments of a deck are speaker notes. */
export type CommentNotes = 'none' | 'marp' | 'slidev';

/** Marp's directives, which may also be written with a leading `_` (this slide only). */
const MARP_DIRECTIVES = new Set(['theme', 'style', 'headingDivider', 'size', 'math', 'title', 'author', 'description', 'image', 'keywords', 'url', 'marp', 'paginate', 'header', 'footer', 'class', 'backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'color', 'transition', 'fit']);

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
 * Moves the comments a peer tool treats as notes out of a slide's body and
 * returns their text as note lines; directives are dropped from the body too,
 * since they mean nothing to briefdeck and must never show.
 */
export function takeCommentNotes(body: Line[], mode: CommentNotes, isOwnDirective: (line: string) => boolean): Line[] {
  if (mode === 'none') return [];
  const comments = findComments(body);
  const notes: Line[] = [];
  const drop = new Set<number>();
  const looks: Line[] = [];
  const lastText = [...body.keys()].reverse().find((i) => body[i]!.text.trim() !== '');
  comments.forEach((comment) => {
    // briefdeck's own directives (`<!-- layout: quote -->`) stay where they are, for the parser.
    if (comment.from === comment.to && isOwnDirective(body[comment.from]!.text)) return;
    const directive = mode === 'marp' && isMarpDirective(comment.text);
    const isNote = mode === 'marp' ? !directive && comment.text !== '' : comment.to === lastText && comment.text !== '';
    if (!isNote && !directive) return;
    for (let k = comment.from; k <= comment.to; k++) drop.add(k);
    // Marp's class and background colour directives become the slide's own look, in reveal's `.slide:` form.
    const look = directive ? marpLook(comment.text) : null;
    if (look) looks.push({ text: `<!-- .slide: ${look} -->`, number: body[comment.from]!.number });
    // Marp's `_footer:` is this slide's footer, read as a footer block like Quarto's `::: footer`.
    const footer = directive ? /^\s*_footer\s*:\s*(.*?)\s*$/.exec(comment.text)?.[1]?.replace(/^(["'])(.*)\1$/, '$2') : undefined;
    if (footer) looks.push(...['<!-- footer -->', footer, '<!-- footer: end -->'].map((text) => ({ text, number: body[comment.from]!.number })));
    if (isNote) comment.text.split('\n').forEach((text, k) => notes.push({ text, number: body[comment.from]!.number + k }));
  });
  const kept = body.filter((_, i) => !drop.has(i));
  body.splice(0, body.length, ...looks, ...kept);
  return notes;
}

/** Marp's `class` and `backgroundColor` directives (with or without `_`) as reveal slide attributes; null for the rest. */
function marpLook(text: string): string | null {
  const pair = /^\s*_?(class|backgroundColor)\s*:\s*(.+?)\s*$/.exec(text);
  if (!pair) return null;
  return pair[1] === 'class' ? `class="${pair[2]!.replace(/"/g, '')}"` : `data-background-color="${pair[2]!.replace(/"/g, '')}"`;
}
