import type { SourceFile } from '../model.js';
import type { CutOptions, FoundStyle, RawSlide } from './raw-slide.js';
import { hasText, type Line } from './source-lines.js';
import { awaitsTitle, opensWithFrontMatter } from './awaits-title.js';
import { createFenceReader } from './read-fences.js';
import { createCommentReader } from './long-comments.js';
import type { NotesBlock } from './dialects/notes-block.js';
import { openPandocHtmlNotes, openPandocNotes } from './dialects/pandoc/read-notes.js';
import { openAsideNotes, type SlideDirectiveLook } from './dialects/reveal.js';
import { markBlankLineSeparators, readRevealSeparator } from './dialects/reveal-separators.js';
import { holdsOnlyHiddenCells } from './hidden-cells.js';
import { rewritePandocLine, type PandocLineState } from './dialects/pandoc/rewrite-line.js';
import { createRawTexState, rewriteRawTex } from './dialects/pandoc/raw-tex.js';
import { rewriteLeftover, type LeftoverState } from './dialects/leftovers.js';
import { addSlideDefaults, blankFrontMatterComments, looksLikeSlideFrontMatter, rewriteSlideFrontMatter } from './dialects/slidev.js';
import { placeSlots, rewriteSlot } from './dialects/slidev-slots.js';
import { takeCommentNotes } from './dialects/comment-notes.js';
import { takeInlineComments } from './dialects/find-comments.js';
import { applyMarpLook } from './dialects/marp.js';
import { guessMarpDirective } from './dialects/marp-comments.js';
import { rewriteMdcLine, type MdcState } from './dialects/mdc.js';
import { readIncludeLine, readSnippetLine, readSrcLine } from '../include-paths.js';
import { createIncludeReader } from './cut-includes.js';
import { DIRECTIVE, FOOTER, PAUSE } from './directive-lines.js';
import { appendAll } from '../append-all.js';
import { ANY_HEADING, EMPTY_H2, H1, H2 } from './headings.js';
import { placeDashedTables } from './dialects/pandoc/tables.js';

/** Notes syntaxes of other tools, each read by its dialect's module. */
const NOTES_BLOCK_OPENERS = [openPandocNotes, openAsideNotes];
/** In a deck Pandoc reads, its notes div written in HTML too, its lines Markdown. */
const PANDOC_NOTES_OPENERS = [...NOTES_BLOCK_OPENERS, openPandocHtmlNotes];

const SEPARATOR = /^---[ \t]*$/;
/** A CommonMark thematic break: three or more of `-`, `*` or `_`, spaces between them allowed. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** reveal.js's notes separator, read as its Markdown plugin reads it (`^\s*notes?:`), in any case (`Note:`, `notes:`, as Obsidian's Advanced Slides writes it), indented as a paragraph may be. */
const NOTES = /^ {0,3}notes?:[ \t]?(.*)$/i;
/**
 * Cuts one Markdown file into raw slides at `#`, `##` and `---` lines, outside
 * code fences. At slide level 2 (the default) `#` starts a section and `##` a
 * slide; at slide level 1 `#` starts a slide and `##` is a heading inside it.
 * At `'separator'` (Marp and Slidev) only `---` starts a slide, and a slide's
 * first `#` or `##` heading is its title wherever it stands in the slide;
 * `headingDivider` (Marp's) names heading levels that start a slide too.
 * Quarto's `{{< include … >}}` lines are read as the lines of the file they
 * name (from `includes`, which the load stage read), each at the include's line.
 */
export function cutSlides(file: SourceFile, text: string, firstLine: number, options: CutOptions = {}): RawSlide[] {
  const { slideLevel = 2, commentNotes = 'none', readMarpComment, warn = () => undefined, headingDivider = [], marpCarried = {}, includes = new Map(), mdc = false, styles = [] } = options;
  const slides: RawSlide[] = [];
  let current: RawSlide | null = null;
  let section: string | null = null;
  const fences = createFenceReader();
  const comments = createCommentReader();
  const lines = markBlankLineSeparators(blankFrontMatterComments(text.split('\n'), options.commentNotes === 'slidev'), options.separatorLines);
  // A Pandoc multiline table's top border is no rule to cut at (the deck's own lines: Pandoc reads lines by number here).
  const tableTops = new Set(options.readByPandoc ? placeDashedTables(lines).map((table) => firstLine + table.start) : []);
  const finish = () => {
    if (current) {
      const firstLine = current.body[0]?.number ?? 0;
      const fromComments = takeCommentNotes(current.body, commentNotes, readMarpComment, (line) => DIRECTIVE.test(line) || PAUSE.test(line) || FOOTER.test(line) || /^[ \t]*<!--[ \t]*\.(?:slide|element):/.test(line));
      if (commentNotes === 'marp') {
        // Marp too takes a comment whose key is no directive's for a note; a key near one's is likely a typo of it.
        for (const note of fromComments.noteComments) {
          const meant = guessMarpDirective(note.text);
          if (meant !== undefined) warn(note.line, `<!-- ${note.text} --> is not one of Marp's directives, so it is a speaker note, as in Marp (did you mean ${meant}?)`, note.file);
        }
        const chrome = applyMarpLook(current.body, fromComments.directives, marpCarried, { number: firstLine, file }, warn, options.authorClasses);
        if (Object.keys(chrome).length > 0) current.chrome = chrome;
      }
      if (fromComments.notes.length > 0) current.notes = [...fromComments.notes, ...(current.notes ?? [])];
      placeSlots(current);
      if (current.trailing) appendAll(current.body, current.trailing);
    }
    // A slide with nothing on it but its look (a background picture) is a slide too; one of cells that show nothing is none.
    if (current && !current.hidden && (current.title !== null || current.kind === 'section' || (hasText(current.body) && !holdsOnlyHiddenCells(current.body)) || (current.notes && hasText(current.notes)) || current.look !== undefined)) {
      slides.push(current);
    }
    current = null;
  };
  // A vertical separator marks the slide it starts; a heading right after it names that same slide.
  let verticalNext = false;
  const start = (kind: RawSlide['kind'], title: string | null, line: number, fromSeparator: boolean) => {
    finish();
    const from = here();
    current = { kind, title, file, line, ...(from ? { from } : {}), fromSeparator, body: [], notes: null, notesToEnd: false, section, ...(verticalNext && kind === 'content' ? { vertical: true } : {}) };
    verticalNext = false;
    // A component ends with its slide (each Slidev slide is a component of its own): one left open cannot hide or step the slides after it.
    leftovers.vSwitch = leftovers.templates = undefined;
    leftovers.lightOrDark = undefined;
    leftovers.renderWhen = undefined;
  };
  let notesBlock: NotesBlock | null = null;
  /** Where the open notes block opened: its line, and the included file it is in, if any. */
  let notesOpened: { line: number; from: SourceFile | undefined } = { line: firstLine, from: undefined };
  const addNote = (text: string, number: number) => {
    if (!current) start('content', null, number, false);
    const c = current as unknown as RawSlide;
    (c.notes ??= []).push(lineAt(text, number));
  };
  const pandoc: PandocLineState = { divs: [], columnsSeen: 0, ...(options.readByPandoc ? { htmlDivs: [] } : {}), ...(options.styleClasses ? { styleClasses: options.styleClasses } : {}), ...(options.sections ? { sections: options.sections } : {}) };
  const rawTex = createRawTexState();
  /** Slides whose first code block was looked at as Slidev's block frontmatter. */
  const blockFrontMatterTried = new WeakSet<RawSlide>();
  const leftovers: LeftoverState = { slidev: options.commentNotes === 'slidev', toc: options.tableOfContents === true, dark: options.darkTheme === true, ...(options.slideWidth ? { slideWidth: options.slideWidth } : {}), ...(options.componentsOf ? { componentsOf: options.componentsOf } : {}) };
  /** Where the `<style>` block being read starts. */
  let styleStart = { line: firstLine, file };
  const mdcBlocks: MdcState = { open: [] };
  /** The included file a div of left-out content opened in, if it did not open in `file`. */
  let hidingFile: SourceFile | undefined;
  /** The files being read, the outermost first: an include is resolved against the innermost, and never reads one of them again. */
  const including = [file.relPath];
  /** The included files being read, the innermost last: their lines are at their own line numbers, in them. */
  const reading: SourceFile[] = [];
  /** The included file being read, or undefined for `file` itself. */
  const here = (): SourceFile | undefined => reading.at(-1);
  /** A line of the file being read, which knows its file when that is an included one. */
  const lineAt = (text: string, number: number): Line => {
    const from = here();
    return from ? { text, number, file: from } : { text, number };
  };
  /** In a Slidev deck, marks the place of a line left out (see Line.held), so that a comment before it is not taken for the note. */
  const holdPlace = (number: number) => {
    if (commentNotes === 'slidev' && current) (current as RawSlide).body.push({ ...lineAt('', number), held: true });
  };
  /** Warns at a line of the file being read. */
  const warnHere = (number: number, message: string) => warn(number, message, here());
  const { include, showSnippet } = createIncludeReader({
    file, includes, including, reading, comments, warnHere,
    blankComments: (included) => blankFrontMatterComments(included, options.commentNotes === 'slidev'),
    handle: (text, number) => handle(text, number),
  });
  /** After a slide whose `src:` brought in a file's slides: Slidev ignores what the slide itself holds, to the next cut. */
  let skipToCut: { said: boolean } | undefined;
  /** Whether the line being read follows a blank line, or opens its slide. */
  const followsBlank = () => (current as RawSlide | null)?.body.at(-1)?.text.trim() === '' || !(current as RawSlide | null)?.body.length;
  /**
   * Reads one line; text after a notes block's closer on the same line is read again as a line of its own (`rest`),
   * except that it cannot open a code fence, which only a line's start can.
   */
  const handle = (original: string, number: number, rest = false): void => {
    // A comment over several lines is the slide's as it stands (or its notes', or gone with hidden content), read as nothing else.
    if (!rest && !fences.inside && !options.commentCommands && comments.holds(original, number)) return void (pandoc.hiding !== undefined ? undefined : notesBlock ? addNote(original, number) : append(original, number));
    if (skipToCut && !rest) {
      if (!SEPARATOR.test(original)) {
        // A comment there (`<!-- loaded from ./pages/intro.md -->`) goes unsaid; anything else is named once.
        if (original.trim() !== '' && !/^\s*<!--.*-->\s*$/.test(original) && !skipToCut.said) warnHere(number, "what a slide that Slidev's src: fills holds of its own is left out, as Slidev leaves it out; put it on a slide of its own after a ---");
        skipToCut.said ||= original.trim() !== '' && !/^\s*<!--.*-->\s*$/.test(original);
        return;
      }
      skipToCut = undefined;
    }
    // A fence's marker there is text, written as a reference so neither this reader nor marked opens a code block at it.
    let text = rest ? original.replace(/^( {0,3})([`~])(?=\2\2)/, (_, indent: string, c: string) => `${indent}&#${c.charCodeAt(0)};`) : original;
    const target = fences.inside ? null : readIncludeLine(text);
    if (target !== null) return void include(target, number, options.includeNamed ?? "Quarto's include");
    const snippet = fences.inside ? null : readSnippetLine(text);
    if (snippet !== null) return (holdPlace(number), showSnippet(snippet, number));
    // MDC's block components (`::alert` … `::`): their lines go, and their content is read as the slide's.
    const mdcLine = mdc && !fences.inside ? rewriteMdcLine(text, mdcBlocks) : null;
    if (mdcLine) {
      if (mdcLine.warning) warnHere(number, mdcLine.warning);
      text = mdcLine.text;
    }
    // What another tool means but briefdeck cannot do is left out with a warning, before anything else reads the line.
    const inStyle = leftovers.style !== undefined;
    const leftover = fences.inside ? null : rewriteLeftover(text, leftovers);
    if (!inStyle && leftovers.style) styleStart = { line: number, file: here() ?? file };
    if (leftover) {
      if (leftover.warning) warnHere(number, leftover.warning);
      for (const line of leftover.before ?? []) append(line, number);
      if (leftover.style) {
        // Slidev keeps every slide's style to its slide; Marp, the scoped ones. Such a style opens its slide if none has.
        const scoped = leftover.style.scoped || commentNotes === 'slidev';
        if (scoped && !current) start('content', null, number, false);
        styles.push({ css: leftover.style.css, ...(inStyle ? styleStart : { line: number, file: here() ?? file }), ...(scoped ? { slide: current! } : {}) });
      }
      // What Slidev reads as the slide's content, left out here, still stands after any comment before it.
      if (text.trim() !== '' && leftover.text.trim() === '') holdPlace(number);
      text = leftover.text;
    }
    // Another tool's own lines, read by its dialect module (remark's `???` and `--`, Deckset's `^` notes and `[.column]`).
    const own = options.rewriteLine && !fences.inside ? options.rewriteLine(text) : null;
    if (own) {
      if (own.warning) warnHere(number, own.warning);
      for (const line of own.before ?? []) append(line, number);
      if (own.omit) return;
      if (own.note !== undefined) return addNote(own.note, number);
      // What the line opens comes after it, at its line (the background of the slide a GitPitch delimiter starts).
      if (own.after) return [own.text, ...own.after].forEach((line) => handle(line, number));
      text = own.text;
      if (own.pageNumber !== undefined && current) (current as RawSlide).chrome = { ...(current as RawSlide).chrome, pageNumber: own.pageNumber };
      if (own.hidden) {
        if (!current) start('content', null, number, true);
        (current as unknown as RawSlide).hidden = true;
      }
    }
    // A slide's end closes a notes element left open: reveal's Markdown plugin and Slidev cut a deck at `---` before
    // they read its HTML, so neither carries one slide's notes into the next.
    if (notesBlock && SEPARATOR.test(text)) {
      warn(notesOpened.line, 'a notes block is never closed before its slide ends, so its notes end there; close it (</aside>, </div> or </RenderWhen>)', notesOpened.from);
      notesBlock = null;
    }
    if (notesBlock) {
      const end = notesBlock.close(text);
      if (end.closed) {
        if (end.before.trim() !== '') addNote(end.before, number);
        notesBlock = null;
        if (end.after.trim() !== '') handle(end.after, number, true);
      } else addNote(text, number);
      return;
    }
    // Inside content Quarto leaves out of a deck (rewrite-line.ts): its code blocks go too, fences read all the same.
    if (pandoc.hiding !== undefined) {
      if (!fences.read(text)) rewritePandocLine(text, pandoc);
      return;
    }
    if (fences.read(text)) {
      append(text, number);
      // Slidev's block frontmatter: a ```yaml block that opens a slide is that slide's front matter.
      if (!fences.inside && commentNotes === 'slidev') takeBlockFrontMatter(current);
      return;
    }
    // Raw TeX (Pandoc's): math environments become display math, \pause a step, other commands go.
    const tex = rewriteRawTex(text, rawTex);
    if (tex) {
      if (tex.warning) warnHere(number, tex.warning);
      if (tex.drop) return;
      text = tex.text;
    }
    // Other tools' syntax is rewritten into briefdeck's before the line is read; what cannot be is a warning.
    const rewrite = rewritePandocLine(text, pandoc);
    if (pandoc.hiding !== undefined) {
      pandoc.hidingFrom = number;
      hidingFile = here();
    }
    let headingLook: SlideDirectiveLook | undefined;
    let headingHidden = false;
    let headingUnlisted = false;
    let separator: ReturnType<typeof readRevealSeparator>;
    if (rewrite) {
      if (rewrite.warning) warnHere(number, rewrite.warning);
      for (const line of rewrite.before ?? []) append(line, number);
      text = rewrite.text;
      headingLook = rewrite.look;
      headingHidden = rewrite.hidden === true;
      headingUnlisted = rewrite.unlisted === true;
      // Quarto's `## {background-color="black"}`: a slide of its own, untitled, which no heading after it names.
      if (rewrite.untitled) {
        start('content', null, number, false);
        const c = current as unknown as RawSlide;
        if (headingLook) c.look = headingLook;
        if (headingHidden) c.hidden = true;
        return;
      }
    } else if ((commentNotes === 'marp' || (options.readByPandoc && followsBlank() && !(here() === undefined && tableTops.has(number)))) && THEMATIC_BREAK.test(text)) {
      // Marp cuts at every ruler, as markdown-it reads one: `***`, `___`, `- - -` and `----` as well as `---`; so does Pandoc,
      // but for a line right under text, which it reads as a simple table's dashes (`-----   ----`) or a heading's underline.
      text = '---';
    } else if ((separator = readRevealSeparator(text, options.separatorLines))) {
      // A rule (a `---` where the deck cuts at a separator of its own) is a thematic break that cuts nothing.
      [verticalNext, text] = separator === 'rule' ? [verticalNext, '***'] : [separator === 'vertical', '---'];
    } else {
      const slot = rewriteSlot(text);
      if (slot?.warning) warnHere(number, slot.warning);
      // The marker keeps its slot's name, for the slide's end to put the slots in their layout's order.
      if (slot?.slot && !(current as RawSlide | null)?.notesToEnd) return (append(slot.text, number), void ((current as unknown as RawSlide).body.at(-1)!.slot = slot.slot));
      text = slot?.text ?? text;
    }
    const opened = (options.readByPandoc ? PANDOC_NOTES_OPENERS : NOTES_BLOCK_OPENERS).map((open) => open(text)).find((b) => b !== null);
    if (opened) {
      if (opened.first.trim() !== '') addNote(opened.first, number);
      else addNote('', number);
      if (!opened.closedOnOpen) {
        notesBlock = opened;
        notesOpened = { line: number, from: here() };
      }
      else if (opened.rest.trim() !== '') handle(opened.rest, number, true);
      return;
    }
    let m: RegExpExecArray | null;
    if (slideLevel === 'separator' && (m = ANY_HEADING.exec(text)) && (m[1]!.length <= 2 || headingDivider.includes(m[1]!.length))) {
      // Marp and Slidev cut at a heading only when told to: `![bg](a.png)` then `# Title` is one slide with that title.
      const c = current as RawSlide | null;
      // Marp's comments in a title (`# Title <!-- _class: lead -->`) are the slide's, read with its others; `<!--fit-->` stays.
      const inTitle = commentNotes === 'marp' && m[2]!.includes('<!--') ? takeInlineComments(m[2]!, (inner) => !/^[ \t]*fit[ \t]*$/.test(inner)) : null;
      const title = (inTitle?.rest ?? m[2]!).trim();
      let titled = true;
      // Marp cuts before a heading only after something it shows: its notes, like its directives and styles, are not.
      if (c === null || (headingDivider.includes(m[1]!.length) && !awaitsTitle(c, commentNotes === 'marp'))) {
        start('content', title, number, false);
        (current as unknown as RawSlide).titleLevel = m[1]!.length;
      } else if (c.title === null) {
        c.title = title;
        c.titleLevel = m[1]!.length;
        c.line = number;
      } else {
        append(text, number);
        headingHidden = false;
        titled = false;
      }
      if (headingHidden) (current as unknown as RawSlide).hidden = true;
      if (headingLook && current) (current as RawSlide).look = headingLook;
      if (titled) for (const { comment } of inTitle?.taken ?? []) append(comment, number);
    } else if (slideLevel === 2 && (m = H1.exec(text))) {
      section = m[1]!.trim();
      start('section', section, number, false);
      // Quarto's `# Section {background-color="…"}` sets its section slide's look, as a slide's heading sets its own.
      if (headingLook) (current as unknown as RawSlide).look = headingLook;
      if (headingUnlisted) (current as unknown as RawSlide).unlisted = true;
    } else if (slideLevel === 2 && EMPTY_H2.test(text)) {
      if (!(current && awaitsTitle(current as RawSlide))) start('content', null, number, false);
    } else if ((m = (slideLevel === 1 ? H1 : H2).exec(text)) || (slideLevel === 1 && (m = H2.exec(text)) && (current === null || awaitsTitle(current)))) {
      const c = current as RawSlide | null;
      // Directives and comments between `---` and the heading belong to the slide the heading names.
      if (c && awaitsTitle(c)) {
        c.title = m[1]!.trim();
        c.line = number;
        c.fromSeparator = false;
      } else {
        start('content', m[1]!.trim(), number, false);
      }
      if (headingLook) (current as unknown as RawSlide).look = headingLook;
      if (headingHidden) (current as unknown as RawSlide).hidden = true;
      if (headingUnlisted) (current as unknown as RawSlide).unlisted = true;
    } else if (SEPARATOR.test(text)) {
      const c = current as RawSlide | null;
      // Slidev: `---`, then `key: value` lines, then `---` is that slide's own front matter, not two slides.
      if (c && opensWithFrontMatter(c) && looksLikeSlideFrontMatter(c.body.map((l) => l.text), commentNotes === 'slidev')) {
        applySlideFrontMatter(c, number);
        return;
      }
      start('content', null, number, true);
    } else if ((m = NOTES.exec(text)) && !(current as RawSlide | null)?.notesToEnd) {
      addNote(m[1]!, number);
      (current as unknown as RawSlide).notesToEnd = true;
    } else {
      append(text, number);
    }
  };
  // Slidev's headmatter that names a file (`src:`) is the first slide's front matter, read as such before the file's text.
  if (options.headmatterSlide && options.headmatterSlide.length > 0) {
    const at = options.headmatterSlide[0]!.number;
    ['---', ...options.headmatterSlide.map((k) => k.text), '---'].forEach((line, i) => handle(line, i === 0 || i > options.headmatterSlide!.length ? at : options.headmatterSlide![i - 1]!.number));
  }
  comments.enter(lines, (index) => options.lineNumbers?.[index] ?? firstLine + index);
  lines.forEach((original, index) => handle(original, options.lineNumbers?.[index] ?? firstLine + index));
  if (notesBlock) warn(notesOpened.line, 'a notes block is never closed, so everything after it in the file was taken into the notes of its slide; close it (:::, </aside>, </div> or </RenderWhen>)', notesOpened.from);
  if (leftovers.style) warn(styleStart.line, 'a <style> block is never closed, so everything after it was taken for its CSS and left off the slides; close it with </style>', styleStart.file === file ? undefined : styleStart.file);
  if (pandoc.hiding !== undefined) warn(pandoc.hidingFrom ?? firstLine, 'a div of content left out of a deck (.content-hidden, or .content-visible for another format) is never closed, so everything after it was left out; close it with a line of three colons, :::', hidingFile);
  finish();
  return slides;

  /** Reads the slide's body, all `key: value` lines, as its Slidev front matter (`number` the line after it). */
  function applySlideFrontMatter(c: RawSlide, number: number) {
    // Slidev's `src:`: that file's slides take this one's place, read as if they stood here, after a cut; this slide's
    // other keys are each one's front matter, over its own (Slidev's frontmatter merging), and what it holds is left out.
    const src = c.body.findIndex((l) => readSrcLine(l.text) !== undefined);
    const named = src === -1 ? undefined : readSrcLine(c.body[src]!.text)!;
    if (named !== undefined && named.target !== '') {
      const at = c.body[src]!.number;
      const keys = c.body.filter((l, i) => i !== src && l.text.trim() !== '' && !/^[ \t]*#/.test(l.text));
      // The slide itself shows nothing: the cut before the file's slides ends it.
      Object.assign(c, { hidden: true, frontMatter: true, body: [] });
      if (include(named.target, at, "Slidev's src:", '---', keys, named.picks)) skipToCut = { said: false };
      return;
    }
    const rewritten = rewriteSlideFrontMatter(addSlideDefaults(c.body, options.slideDefaults).map((l) => l.text), (i, message) => warn(c.body[i]!.number, message, c.body[i]!.file));
    c.trailing = rewritten.trailing.map((t) => ({ ...c.body[t.index]!, text: t.text }));
    c.body = c.body.flatMap((l, i) => rewritten.lines[i]!.split('\n').map((text) => ({ ...l, text })));
    c.frontMatter = true;
    if (rewritten.hidden) c.hidden = true;
    if (rewritten.toc) c.toc = rewritten.toc;
  }

  /** A ```yaml block that is all a slide holds so far, of slide keys: read as its front matter, its fences gone. */
  function takeBlockFrontMatter(slide: RawSlide | null) {
    // Only the slide's first code block can be its front matter: a slide of thousands is looked at once, not at each.
    if (!slide || !opensWithFrontMatter(slide) || blockFrontMatterTried.has(slide)) return;
    blockFrontMatterTried.add(slide);
    const filled = slide.body.filter((l) => l.text.trim() !== '');
    if (filled.length < 3 || !/^ {0,3}(?:`{3,}|~{3,})[ \t]*ya?ml[ \t]*$/.test(filled[0]!.text)) return;
    const inner = filled.slice(1, -1);
    if (!looksLikeSlideFrontMatter(inner.map((l) => l.text))) return;
    slide.body = inner;
    applySlideFrontMatter(slide, filled.at(-1)!.number + 1);
  }

  function append(text: string, number: number) {
    if (!current) {
      if (text.trim() === '') return;
      // Where slides are cut at `---`, a file's start is a cut too: directives and comments before its first heading
      // (Marp's `<!-- _class: lead -->` then `# Title`) belong to the slide that heading names, as in Marp.
      start('content', null, number, slideLevel === 'separator');
    }
    const c = current as unknown as RawSlide;
    (c.notesToEnd ? c.notes! : c.body).push(lineAt(text, number));
  }
}
