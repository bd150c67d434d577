// The slide cutter's types: the raw slides it cuts (cut-slides.ts), the style blocks it finds,
// and the options that say how a deck is cut. Later parse steps read these, never the cutter's state.
import type { BriefingMeta, IncludedFile, RevealSeparatorLines, SourceFile } from '../model.js';
import type { Line } from './source-lines.js';
import type { SlideDirectiveLook } from './dialects/reveal.js';
import type { CommentNotes } from './dialects/comment-notes.js';
import type { MarpCommentDirective } from './dialects/marp-comments.js';
import type { MarpCarried, MarpChrome } from './dialects/marp.js';
import type { DialectLine } from './directive-lines.js';
import type { SlidevTocEntry } from './dialects/slidev-toc.js';

/** A slide as cut from the source, before its Markdown is rendered. */
export interface RawSlide {
  kind: 'section' | 'content';
  title: string | null;
  /** The level of the heading that titles the slide (1 for `#`). */
  titleLevel?: number;
  file: SourceFile;
  line: number;
  /** The included file the slide starts in, when it is not `file`: its source location is there. */
  from?: SourceFile;
  /** Started by a `---` line; a `##` heading right after it names this slide instead of starting another. */
  fromSeparator: boolean;
  body: Line[];
  notes: Line[] | null;
  /** A `Note:` line was seen: everything after it, to the end of the slide, is notes. */
  notesToEnd: boolean;
  /** Slidev: the slide's own front matter has been read. */
  frontMatter?: boolean;
  /** Lines its front matter puts after the slide's content (the picture of Slidev's `image-right` layout). */
  trailing?: Line[];
  /** Slidev's `hide: true`, Quarto's `{visibility="hidden"}`: the slide is read, then left out of the deck. */
  hidden?: boolean;
  /** Pandoc's and Quarto's `{.unlisted}` on its heading: the slide (a section: with its slides) is not in the table of contents. */
  unlisted?: boolean;
  /** Started by a vertical separator (`--`, `----`, `<!--v-->`): the slide sits below the one before it. */
  vertical?: boolean;
  /** The look a heading's attributes gave the slide (Quarto's `{.smaller}`, `{background-color="…"}`). */
  look?: SlideDirectiveLook;
  /** The header and page number Marp's directives give the slide, where they differ from the deck's. */
  chrome?: MarpChrome;
  /** Slidev: how the slide stands in a table of contents (its front matter's `title:`, `level:`, `hideInToc:`). */
  toc?: SlidevTocEntry;
  section: string | null;
}

/** A `<style>` block as read: its CSS, the line it starts at, and the slide it is kept to (Marp's `<style scoped>`, any in a Slidev deck). */
export interface FoundStyle {
  css: string;
  line: number;
  file: SourceFile;
  slide?: RawSlide;
}

/** How a deck is cut, and what it carries from file to file. */
/** Section numbers as they are written before headings: the highest heading level, and one count a level below it. */
export interface SectionCounts {
  top: number;
  counters: number[];
}

export interface CutOptions {
  /** Slidev's `defaults:`, read with each slide's own front matter for the keys it does not set (slidev-defaults.ts). */
  slideDefaults?: BriefingMeta['slideKeyDefaults'];
  /** Slidev's headmatter keys of the first slide, when they name a file (`src:`): read as that slide's front matter, before the text, at their own lines. */
  headmatterSlide?: { text: string; number: number }[];
  /** The deck's slide width in pixels, which Slidev's `<Arrow>` points are scaled to. */
  slideWidth?: number;
  /** reveal-md's own separators of one line of text, which cut as `---` and `--` do. */
  separatorLines?: RevealSeparatorLines;
  /** 2 (the default), 1, or `'separator'` for Marp, Slidev and reveal-md. */
  slideLevel?: 1 | 2 | 'separator';
  /** Which comments are speaker notes, by the tool the deck was written for. */
  commentNotes?: CommentNotes;
  /** The directives a Marp comment holds (marp-comments.ts), each comment read once for the deck. */
  readMarpComment?: (text: string) => MarpCommentDirective[];
  /** Warns, at a line of this file (or of `from`, a file it includes), of another tool's syntax that is left out. */
  warn?: (line: number, message: string, from?: SourceFile) => void;
  /** Marp's `headingDivider`: heading levels that start a slide too. */
  headingDivider?: readonly number[];
  /** Marp's look directives that hold from slide to slide, carried across files. */
  marpCarried?: MarpCarried;
  /** The files includes name, as the load stage read them, by their path in the briefing folder. */
  includes?: ReadonlyMap<string, IncludedFile>;
  /** A `<Toc />` line lists the deck's slide titles though the deck is not Slidev's (HackMD's `[TOC]`). */
  tableOfContents?: boolean;
  /** What an include line is named in warnings: the tool's own syntax (GitPitch's `---?include=`, which its module writes as one), else Quarto's include. */
  includeNamed?: string;
  /** The deck is written in MDC's syntax too (Slidev's `mdc: true`): its block components' lines are read. */
  mdc?: boolean;
  /** Whose components a deck's `<PascalCase>` tags are, as warnings name them: `MDX, React` in an MDX deck, else Slidev's Vue ones. */
  componentsOf?: string;
  /** The deck's theme is dark (a dark built-in one, or Slidev's `colorSchema: dark` over a theme of its own): Slidev's `<LightOrDark>` shows its dark slot. */
  darkTheme?: boolean;
  /** Where the `<style>` blocks read are put, for author-styles.ts. */
  styles?: FoundStyle[];
  /** Classes the deck's own styles define for a slide, which Marp's class directive carries on like the built-in ones. */
  authorClasses?: ReadonlySet<string>;
  /** Classes the deck's own styles name, which a Pandoc div of only those keeps (rewrite-line.ts). */
  styleClasses?: ReadonlySet<string>;
  /** Rewrites a line of a tool whose own syntax a dialect module reads line by line (remark's, Deckset's); one per file, as it keeps state. */
  rewriteLine?: (line: string) => DialectLine | null;
  /** The tool reads comments over several lines as its commands (presenterm's, patat's): `rewriteLine` reads them, not as hiding what they hold. */
  commentCommands?: boolean;
  /**
   * The file is one Pandoc reads (a deck written for Pandoc, Quarto or R Markdown, not xaringan's): Markdown inside a
   * `<div>` is read, and every horizontal rule (`***`, `- - -`) starts a slide, as Pandoc reads them.
   */
  readByPandoc?: boolean;
  /** Quarto's number-sections: the level headings are counted from and the counts so far, shared by every file of the deck. */
  sections?: SectionCounts;
  /** The line in its file of each line of the text, where they do not follow one another from `firstLine` (a reveal.js page read as Markdown). */
  lineNumbers?: readonly number[];
}
