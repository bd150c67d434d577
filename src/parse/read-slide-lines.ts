// A slide's own lines, read for what the directives among them say, before any is
// rendered: `<!-- column -->` and its widths, `<!-- pause -->` build steps,
// `<!-- layout: … -->`, `<!-- incremental -->`, a footer block, and reveal's
// `<!-- .slide: … -->` look (into which other tools' slide settings are rewritten).
import { createFenceReader } from './read-fences.js';
import type { DiagnosticBag } from '../errors.js';
import type { Slide } from '../model.js';
import { suggestClosest } from '../did-you-mean.js';
import type { Step, StepRegion } from './build-steps.js';
import { DIRECTIVE, FOOTER, PAUSE, readStepSpec } from './directive-lines.js';
import { describeIgnoredSettings, readSlideDirective, takeSlideComments } from './dialects/reveal.js';
import type { RawSlide } from './raw-slide.js';
import { hasText, locateLine, type Line } from './source-lines.js';

/** A reveal `.slide:` comment opened on a line and not closed there. */
const OPEN_SLIDE_COMMENT = /^[ \t]*<!--[ \t]*\.slide:(?:(?!-->).)*$/;

/** What a slide's lines say, apart from the Markdown itself. */
export interface SlideLines {
  layout: string;
  /** Line of the `<!-- layout: … -->` directive, when the slide has one. */
  layoutLine?: number;
  incremental: boolean;
  /** Each column's lines, a single column when the slide has no `<!-- column -->`. */
  columnLines: Line[][];
  /** Each column's width in percent, where the author gave one. */
  columnWidths: (number | undefined)[];
  /** What stands above the columns and spans them (Slidev's `two-cols-header`), with its build steps. */
  leadLines: Line[] | null;
  leadSteps: Step[];
  /** What stands below the columns, after they end, and spans them (after Pandoc's `:::: columns` closes), with its build steps. */
  tailLines: Line[] | null;
  tailSteps: Step[];
  /** Each column's build steps. */
  steps: Step[][];
  look: Slide['look'];
  /** The id in-deck links name the slide by (slide-anchors.ts). */
  slideId?: string;
  /** Left out of the page count, as reveal leaves a slide `data-visibility="uncounted"`. */
  uncounted: boolean;
  /** A background picture, as written, and where. */
  backgroundSource?: { src: string; at: { file: string; line: number } };
  footerLines: Line[];
  /** A footer block was written, even an empty one (Marp's `_footer: ""`), which takes the deck's footer off the slide. */
  footerWritten: boolean;
}

/** Reads a slide's lines into its columns, steps, layout, look and footer; `incremental` is the deck's, `authorClasses` the slide classes its styles define. */
export function readSlideLines(raw: RawSlide, options: { incremental: boolean; authorClasses: ReadonlySet<string>; bag: DiagnosticBag; slideSource: { file: string; line: number } }): SlideLines {
  const { authorClasses, bag, slideSource } = options;
  let layout = raw.kind === 'section' ? 'section' : 'content';
  let layoutLine: number | undefined;
  let incremental = options.incremental;
  // `<!-- column -->` starts another column; a slide without one has a single column. Within a column,
  // `<!-- pause -->` (Pandoc's `. . .`, Slidev's `<v-click>`) starts a build step and `<!-- pause: end -->` ends one.
  const columnLines: Line[][] = [[]];
  /** Each column's width in percent, where the author gave one. */
  const columnWidths: (number | undefined)[] = [];
  /** What stands above the columns and spans them (Slidev's `two-cols-header`), with its build steps. */
  let leadLines: Line[] | null = null;
  let leadSteps: Step[] = [];
  /** Where, among the columns being read, what follows the columns' end is gathered, until it is taken out as their tail. */
  let tailAt: number | undefined;
  const steps: Step[][] = [[]];
  const { backgroundImage: headingImage, uncounted: headingUncounted, incremental: headingIncremental, id: headingId, ...headingLook } = raw.look ?? {};
  /** The id in-deck links name the slide by (slide-anchors.ts). */
  let slideId = headingId;
  let look: Slide['look'] = raw.look ? headingLook : undefined;
  /** Left out of the page count, as reveal leaves a slide `data-visibility="uncounted"`. */
  let uncountedHere = headingUncounted === true;
  if (headingIncremental) incremental = true;
  let backgroundSource: { src: string; at: { file: string; line: number } } | undefined = headingImage === undefined ? undefined : { src: headingImage, at: slideSource };
  const footerLines: Line[] = [];
  let footerOpen: Line | null = null;
  /** Open regions of lists that step in or show at once, innermost last: Pandoc's `::: incremental`, Slidev's `<v-clicks>`. */
  const regions: StepRegion[] = [];
  /** The region a part starting here is in: the innermost open, if any. */
  const inRegion = () => (regions.length > 0 ? { region: regions.at(-1)! } : {});
  /** Starts a column's parts (a new column, the columns' tail) in the region open, if any. */
  const startColumn = () => {
    columnLines.push([]);
    steps.push(regions.length > 0 ? [{ fragment: false, from: 0, ...inRegion() }] : []);
  };
  /** A footer block was written, even an empty one (Marp's `_footer: ""`), which takes the deck's footer off the slide. */
  let footerWritten = false;
  // A line of a fenced code block is code, never a directive: a deck may show briefdeck's own syntax, or another tool's.
  const fences = createFenceReader();
  /** Applies a reveal `.slide:` comment (its text alone) to the slide's look, warning at `at` of the settings it left out. */
  const applySlideLook = (slideLook: NonNullable<ReturnType<typeof readSlideDirective>>, at: Line) => {
    const { backgroundImage, uncounted: notCounted, id, ...safe } = slideLook.look;
    slideId = id ?? slideId;
    look = { ...look, ...safe };
    if (notCounted) uncountedHere = true;
    if (backgroundImage !== undefined) backgroundSource = { src: backgroundImage, at: locateLine(at, raw.file) };
    if (slideLook.ignored.length > 0) bag.warn('W_PEER_SYNTAX', `slide settings ${describeIgnoredSettings(slideLook.ignored)} are not supported and were left out`, { ...locateLine(at, raw.file), hint: 'a slide may set a background colour, picture or gradient, the classes its deck\'s styles define, and the classes lead, invert, center, text-center, smaller, dark, light or compact' });
  };
  /** reveal reads a `.slide:` comment wherever it stands in the slide, as in `## Title <!-- .slide: class="lead" -->`: each is read, and the rest of its line kept. */
  const takeMidLineLooks = (text: string, at: Line): string => {
    const taken = text.includes('.slide:') ? takeSlideComments(text) : null;
    for (const comment of taken?.comments ?? []) applySlideLook(readSlideDirective(comment, authorClasses)!, at);
    return taken?.rest ?? text;
  };
  if (raw.title !== null) takeMidLineLooks(raw.title, { text: raw.title, number: raw.line, ...(raw.from ? { file: raw.from } : {}) });
  for (const written of raw.body) {
    const code = fences.read(written.text);
    const text = code ? written.text : takeMidLineLooks(written.text, written);
    const line = text === written.text ? written : { ...written, text };
    const footer = code ? null : FOOTER.exec(line.text);
    if (footer || footerOpen) {
      if (footer) footerOpen = footer[1] ? null : line;
      else footerLines.push(line);
      footerWritten = true;
      continue;
    }
    if (code) {
      columnLines.at(-1)!.push(line);
      continue;
    }
    const pause = PAUSE.exec(line.text);
    if (pause) {
      steps.at(-1)!.push({ fragment: !pause[1], from: columnLines.at(-1)!.length, ...readStepSpec(pause[2]), ...inRegion() });
      continue;
    }
    const directive = DIRECTIVE.exec(line.text);
    const slideLook = directive ? null : readSlideDirective(line.text, authorClasses);
    if (slideLook) {
      applySlideLook(slideLook, line);
    } else if (!directive) {
      // A `.slide:` comment that goes on to the next lines: reveal reads the settings on its first line (its pattern ends at
      // the line's end), and so does briefdeck; the comment itself stays, so the lines after it are hidden as a comment's are.
      const opening = OPEN_SLIDE_COMMENT.test(line.text) ? readSlideDirective(`${line.text} -->`, authorClasses) : null;
      if (opening) applySlideLook(opening, line);
      const malformed = describeMalformedDirective(line.text);
      if (malformed) bag.warn('W_DIRECTIVE', `malformed directive ${line.text.trim()}`, { ...locateLine(line, raw.file), hint: `did you mean ${malformed}?` });
      columnLines.at(-1)!.push(line);
    } else if (directive.groups!.layout) {
      layout = directive.groups!.layout;
      layoutLine = line.number;
    } else if (directive.groups!.directive!.startsWith('column')) {
      const kind = directive.groups!.column;
      // `<!-- column -->` starts the next column; `<!-- column-width: 60% -->` sizes the one open (Quarto's `width="60%"`);
      // `<!-- column-start -->` (Slidev's `::left::`) starts the first, and what stood before it spans the columns;
      // `<!-- column-end -->` (Pandoc's `:::: columns` closing) ends them, and what follows spans them below.
      if (kind === '-end') {
        if (tailAt === undefined && columnLines.length > 1) {
          tailAt = columnLines.length;
          startColumn();
        }
      } else if (kind === '-start') {
        if (columnLines.length === 1 && hasText(columnLines[0]!)) {
          leadLines = columnLines[0]!;
          leadSteps = steps[0]!;
          columnLines[0] = [];
          steps[0] = [];
        }
      } else if (!kind) {
        // Columns again after the columns ended: a slide has one row of them, so what stood between is a column too.
        tailAt = undefined;
        // A region of stepped lists open when the column starts goes on in it.
        startColumn();
      }
      if (directive.groups!.width !== undefined) columnWidths[columnLines.length - 1] = Number(directive.groups!.width);
    } else if (directive.groups!.region) {
      const { region, depth, every } = directive.groups!;
      // A region's lists step in (or show at once) as it says, and from its end as the slide says: a cut that goes on in the step it stands in.
      if (region === 'start') regions.push({ incremental: directive.groups!.directive!.startsWith('incremental'), ...(depth !== undefined ? { depth: Number(depth) } : {}), ...(every !== undefined && Number(every) > 1 ? { every: Number(every) } : {}) });
      else regions.pop();
      steps.at(-1)!.push({ fragment: false, continues: true, from: columnLines.at(-1)!.length, ...inRegion() });
    } else {
      incremental = directive.groups!.directive === 'incremental';
    }
  }
  if (footerOpen) {
    bag.warn('W_PEER_SYNTAX', 'a footer div that is never closed took the rest of the slide into its footer', { ...locateLine(footerOpen, raw.file), hint: 'close the div with a line of three colons, :::' });
  }
  const tailLines = tailAt === undefined ? null : columnLines.splice(tailAt)[0]!;
  const tailSteps = tailAt === undefined ? [] : steps.splice(tailAt)[0]!;
  return { layout, ...(layoutLine !== undefined ? { layoutLine } : {}), incremental, columnLines, columnWidths, leadLines, leadSteps, tailLines: tailLines && hasText(tailLines) ? tailLines : null, tailSteps, steps, look, ...(slideId !== undefined ? { slideId } : {}), uncounted: uncountedHere, ...(backgroundSource ? { backgroundSource } : {}), footerLines, footerWritten };
}

/** The directive a comment most likely meant (`<!-- layout two-column -->`, `<!-- layuot: x -->`), or null when it is just a comment. */
function describeMalformedDirective(text: string): string | null {
  const comment = /^[ \t]*<!--[ \t]*([A-Za-z-]+)[ \t]*(:?)[ \t]*([\w-]*)[ \t]*-->[ \t]*$/.exec(text);
  if (!comment) return null;
  const [, word, colon, value] = comment;
  const meant = suggestClosest(word!, ['layout', 'column', 'incremental']);
  if (!meant) return null;
  if (meant === 'layout') return value ? `<!-- layout: ${value} -->` : '<!-- layout: name -->';
  return meant === word && !colon && !value ? null : `<!-- ${meant} -->`;
}
