/** The scheme render swaps for a data URI; only images the parser resolved ever get one. */
export const ASSET_SCHEME = 'briefdeck-asset:';

/** Marks where a drawn chart goes in slide HTML; NUL cannot occur in decoded input, so no author can forge one. */
export function chartMarker(index: number): string {
  return `\u0000chart${index}\u0000`;
}

/** Finds every chart marker, with the chart's index as the first group. */
export const CHART_MARKER_PATTERN = /\u0000chart(\d+)\u0000/g;

/** A single-file briefing that is a reveal.js deck written as an HTML page, by its name: `.html` or `.htm`. */
export const HTML_DECK = /\.html?$/i;

/** A single-file briefing that is a Jupyter notebook, by its name. */
export const NOTEBOOK = /\.ipynb$/i;

/** Where a piece of the briefing came from, for messages a user can act on. */
export interface SourceLocation {
  /** Path as the user would type it (relative to the working directory). */
  file: string;
  /** 1-based line number. */
  line: number;
}

/** A text file of the briefing, already decoded (UTF-8, BOM removed, LF endings). */
export interface SourceFile {
  /** Display path, relative to the working directory. */
  path: string;
  /** Path relative to the briefing root, with forward slashes. */
  relPath: string;
  text: string;
}

/** A file a Markdown file includes, as the load stage found it: its text, or why it could not be read. */
export interface IncludedFile {
  relPath: string;
  file?: SourceFile;
  problem?: string;
}

/** A CSS file of the briefing folder that names itself as a Marp theme (in a comment, `@theme corporate`), found for a deck that names that theme. */
export interface ThemeSheet {
  name: string;
  file: SourceFile;
}

/** What the load stage hands to the parser: the raw text of a briefing. */
export interface LoadedBriefing {
  /** Absolute, symlink-resolved folder the briefing is confined to. */
  root: string;
  /** Base name used for default output names. */
  name: string;
  /** `briefing.yml` for a folder; absent when a single file carries front matter. */
  metaFile?: SourceFile;
  /** Markdown files in reading order. */
  markdownFiles: SourceFile[];
  /** Markdown files in subfolders: read only when `files:` lists them. */
  nestedMarkdownFiles?: SourceFile[];
  /** True when the input was a single `.md` file whose front matter holds the metadata. */
  singleFile: boolean;
  /** Files that Markdown files include (Quarto's `{{< include >}}`), by path relative to the root: each read, or why it could not be. */
  includedFiles?: IncludedFile[];
  /** The day of the build (YYYY-MM-DD, UTC; SOURCE_DATE_EPOCH's when set), for Quarto's `date: today`. */
  today?: string;
  /** Marp themes of the deck's own that it names, each from the CSS file that names itself so (load/find-theme-sheets.ts). */
  themeSheets?: ThemeSheet[];
  /** Files the metadata names (citations' `bibliography:` and `csl:`, style sheets' `css:`), by path in the briefing folder: each read, or why it could not be. */
  metadataFiles?: IncludedFile[];
  /** Quarto's project and folder metadata beside a single-file deck (`_quarto.yml`, `_metadata.yml`), whose options briefdeck names but does not read, and its variables (`_variables.yml`), which `{{< var >}}` shows; reveal-md's options (`reveal-md.json`, `reveal.json`), read under the front matter's. */
  projectMetaFiles?: SourceFile[];
  /** The day the file holding the metadata was last changed (YYYY-MM-DD, UTC; SOURCE_DATE_EPOCH's when set), for Quarto's `date: last-modified`. */
  lastModified?: string;
}

export * from './model/briefing-meta.js';
import type { BriefingMeta } from './model/briefing-meta.js';

export type SlideKind = 'title' | 'bottom-line' | 'agenda' | 'section' | 'content';

/** An image referenced by a slide, resolved relative to the briefing root. */
export interface ImageRef {
  /** The reference exactly as written. */
  src: string;
  /** Posix path relative to the briefing root; for a picture written out as a data: URL (data-picture.ts), a name. */
  relPath: string;
  alt: string;
  source: SourceLocation;
  /** A slide background: decoration, so no alt text is asked of it. */
  decorative?: boolean;
  /** The markup of an `<svg>` drawn in the slide's own HTML, shown as a picture of itself (parse/inline-svg.ts); its relPath is then a name, not a file. */
  inlineSvg?: string;
  /** A Mermaid diagram's source, drawn to an SVG picture when the deck is built (draw-diagrams.ts); its relPath is then a name. */
  diagram?: string;
  /** An icon of an Iconify set that Slidev ships, by set and name (`carbon:logo-github`), drawn from that set when the deck is built (load/draw-icons.ts); its relPath is then a name. */
  icon?: string;
  /** The icon's colour, from a text-colour utility among its classes (`text-red-500`), as a hex; without it, the theme's text colour. */
  iconColour?: string;
}

/** The chart types a ```chart block can draw. */
export const CHART_TYPES = ['bar', 'column', 'line', 'area', 'pie', 'scatter', 'stacked-bar', 'stacked-column'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** One row of chart data: field name to a string or a number. */
export type ChartRow = Record<string, string | number>;

/** A ```chart block, read and checked by the parser; drawn to SVG at render time. */
export interface ChartRef {
  source: SourceLocation;
  /** Absent only with a `vega-lite:` spec, which says its own mark. */
  type?: ChartType;
  title?: string;
  caption?: string;
  x?: string;
  y?: string;
  series?: string;
  unit?: string;
  sort?: 'ascending' | 'descending';
  highlight?: string;
  /** Rows written in the block (a YAML list or a GFM table); absent when `file:` names the data. */
  rows?: ChartRow[];
  /** The line each row stands on (a YAML list's, or a table's in a `data: |` block), for a message about one row. */
  rowLines?: number[];
  /** A CSV or JSON file in the briefing folder, for the load stage to read; `shownAs` is its path as messages show it. */
  dataFile?: { src: string; relPath: string; shownAs?: string };
  /** The escape hatch: a full Vega-Lite spec, already refused if it asks for anything remote. */
  vegaLite?: Record<string, unknown>;
}

/** Speaker notes of one slide. */
export interface SpeakerNotes {
  markdown: string;
  html: string;
}

/** A slide's own look, from another tool's syntax; only safe values ever get here. */
export interface SlideLook {
  backgroundColor?: string;
  /** Classes from an allowlist. */
  className?: string;
  /** Classes the deck's own styles define for a slide (Marp's `section.big`), carried as data-author-class so none can be reveal's or the deck's. */
  authorClass?: string;
  /** Utility classes on the layout's own box (Slidev's `layoutClass:`, the grid of a two-column slide), carried as data-layout-class; only those uno-utilities.ts writes a rule for. */
  layoutClass?: string;
  /** An image of the briefing (index into Briefing.images) that fills the slide's background. */
  backgroundImage?: number;
  /** A gradient of colours that fills the slide's background (reveal's `data-background-gradient`), already found safe. */
  backgroundGradient?: string;
  /** The colour of the slide's text, titles and header (Marp's `color`), a safe colour. */
  textColor?: string;
  /** The colour of the slide's headings and title alone (Deckset's `[.header: …]`), a safe colour, over textColor's for them. */
  headingColor?: string;
  /** How the background picture is sized, where not reveal's `cover`: `contain`, `auto`, a percentage or length. */
  backgroundSize?: string;
  /** Where the background picture sits, where not reveal's centre (`top right`, `10% 20%`), a safe value. */
  backgroundPosition?: string;
  /** How the background picture repeats, where it does (`repeat`), a safe value. */
  backgroundRepeat?: string;
  /** How opaque the background picture is (reveal's `data-background-opacity`), a number from 0 to 1. */
  backgroundOpacity?: string;
  /** The background picture's filter (Marp's `![bg sepia](…)`), by index into Briefing.imageFilters. */
  backgroundFilter?: number;
  /** reveal's auto-animate (Quarto's `auto-animate=true`): what this slide shares with the one before it moves into place. */
  autoAnimate?: true;
  /** reveal's settings of that auto-animate, each a safe value: `data-auto-animate-easing`, `-duration` (seconds), `-unmatched`, `-restart`. */
  autoAnimateSettings?: { easing?: string; duration?: string; unmatched?: string; restart?: true };
  /** The slide's own transition, where it has one (reveal's `data-transition`, Quarto's `transition=`, Slidev's and Marp's `transition`): reveal's words. */
  transition?: string;
  /** How fast its transition runs (reveal's `data-transition-speed`). */
  transitionSpeed?: 'default' | 'fast' | 'slow';
  /** How its background changes (reveal's `data-background-transition`), one of reveal's transitions. */
  backgroundTransition?: string;
}

/** One horizontal slide of the deck. */
export interface Slide {
  /** 1-based position in the deck. */
  number: number;
  kind: SlideKind;
  layout: string;
  /** The title as plain text, for the Agenda, footers and messages. */
  title: string | null;
  /** The level of the heading the title was written as in a Marp or Slidev deck (1 for `#`), for the author's styles of headings. */
  titleLevel?: number;
  /** The title with its inline Markdown rendered (bold, italic, code, links, math), for the slide itself. */
  titleHtml: string | null;
  /** Slide body as HTML; images carry `briefdeck-asset:N` placeholders. */
  bodyHtml: string;
  /** The body split at `<!-- column -->` directives, when it has any. */
  columns: string[] | null;
  /** Each column's share of the width in percent (adding up to 100), when the author sized any (Quarto's `width="40%"`). */
  columnWidths?: number[];
  /** What stands above the columns and spans them (Slidev's `two-cols-header`), as HTML; `bodyHtml` holds it too, first. */
  columnsLead?: string;
  /** What stands below the columns and spans them (after Pandoc's `:::: columns` closes), as HTML; `bodyHtml` holds it too, last. */
  columnsTail?: string;
  notes: SpeakerNotes | null;
  /** Title of the section the slide belongs to, if any. */
  section: string | null;
  /** The slide's own footer text (Quarto's `::: footer` div), in place of the deck's; empty for none (Marp's `_footer: ""`). */
  footerText?: string;
  /** The slide's own header text (Marp's `header:` directive) in place of the deck's `headerText`; empty for none. */
  headerText?: string;
  /** Whether the slide shows its number, where Marp's `paginate:` directive sets it otherwise than the deck's `pageNumbers`. */
  pageNumber?: boolean;
  /** The number the slide shows, where Marp's `paginate: hold` or `skip` leaves slides out of the count (else its `number`). */
  page?: number;
  source: SourceLocation;
  /** Line of the `<!-- layout: … -->` directive, when the slide has one. */
  layoutLine?: number;
  incremental: boolean;
  /** Indexes into Briefing.images. */
  images: number[];
  /** Top-level bullets in the body, for the bullet budget. */
  bulletCount: number;
  /** The slide's own background colour and classes, from another tool's syntax; only safe values. */
  look?: SlideLook;
  /** Below the slide before it, in the same vertical stack (reveal's `--`, reveal-md's `----` and `<!--v-->`). */
  vertical?: boolean;
  /** Pandoc's and Quarto's `{.unlisted}` on its heading: the slide is not in the table of contents. */
  unlisted?: true;
  /** A style of the author's is kept to this slide (Marp's `<style scoped>`, Slidev's `<style>`): its section is marked for it. */
  ownStyle?: boolean;
}

/** Rewrites every piece of a slide's HTML (body, columns, what spans them, notes) with `rewrite`: how marks left in it while the deck was read are filled once it is whole. */
export function rewriteSlideHtml(slide: Slide, rewrite: (html: string) => string): void {
  slide.bodyHtml = rewrite(slide.bodyHtml);
  if (slide.columns) slide.columns = slide.columns.map(rewrite);
  if (slide.columnsLead !== undefined) slide.columnsLead = rewrite(slide.columnsLead);
  if (slide.columnsTail !== undefined) slide.columnsTail = rewrite(slide.columnsTail);
  if (slide.notes) slide.notes = { ...slide.notes, html: rewrite(slide.notes.html) };
}

/** The class a picture (or a slide, for its background) carries for its filter, by index into Briefing.imageFilters. */
export const imageFilterClass = (index: number): string => `image-filter-${index}`;

/** The header line a slide shows: its own (Marp's `header` directive), else the deck's; empty for none. */
export function slideHeader(slide: Pick<Slide, 'headerText'>, meta: Pick<BriefingMeta, 'headerText'>): string {
  return slide.headerText ?? meta.headerText ?? '';
}

/**
 * The text a slide's footer shows: its own (empty when it hides the deck's), else the deck's footer, else, in briefdeck's
 * own deck, the slide's section or the deck's title; a deck for another tool shows only what it gives (`footerGivenOnly`).
 */
export function slideFooter(slide: Pick<Slide, 'footerText' | 'section'>, meta: Pick<BriefingMeta, 'footerText' | 'footerGivenOnly' | 'title'>): string {
  if (slide.footerText !== undefined) return slide.footerText;
  if (meta.footerText) return meta.footerText;
  return meta.footerGivenOnly ? '' : (slide.section || meta.title || '');
}

/** Whether a slide shows its number: its own setting (Marp's `paginate` directive), else the deck's. */
export function showsPageNumber(slide: Pick<Slide, 'pageNumber'>, meta: Pick<BriefingMeta, 'pageNumbers'>): boolean {
  return slide.pageNumber ?? meta.pageNumbers;
}

/** One section as the agenda lists it: its title, the number of its divider, and the titles of its slides it lists under it. */
export interface AgendaEntry {
  title: string;
  number: number;
  slides: string[];
}

/**
 * The agenda's entries: each section, and under it the titles of its titled slides when the deck's table of contents
 * goes deeper than its sections, as Pandoc's and Quarto's does unless `toc-depth: 1` (their default depth is 3).
 * briefdeck's own agenda lists the sections alone.
 */
export function listAgendaEntries(briefing: Pick<Briefing, 'meta' | 'sections' | 'slides'>): AgendaEntry[] {
  const toc = briefing.meta.toc;
  const deep = toc?.show === true && (toc.depth ?? 3) >= 2;
  // A heading marked `{.unlisted}` is left out, and under a section so marked its slides too, as Pandoc leaves them out.
  return briefing.sections.filter((section) => !section.unlisted).map((section) => ({
    title: section.title,
    number: section.slideNumbers[0]!,
    slides: deep ? section.slideNumbers.map((n) => briefing.slides[n - 1]).flatMap((slide) => (slide && slide.kind !== 'section' && slide.title && !slide.unlisted ? [slide.title] : [])) : [],
  }));
}

/** A `# Heading` section and the slides under it. */
export interface Section {
  title: string;
  source: SourceLocation;
  /** Numbers of the slides in this section, the divider included. */
  slideNumbers: number[];
  /** Pandoc's and Quarto's `{.unlisted}` on its heading: the section, its slides with it, is not in the table of contents. */
  unlisted?: true;
}

/** The typed model every later stage works from. */
export interface Briefing {
  meta: BriefingMeta;
  /** Where the metadata came from, for messages about it. */
  metaSource: SourceLocation;
  sections: Section[];
  slides: Slide[];
  images: ImageRef[];
  /** Every ```chart block, by index; slide HTML carries a marker where each is drawn. */
  charts: ChartRef[];
  /** The count of slides that count as pages, where Marp's `paginate: hold` or `skip` leaves some out (else every slide). */
  pageTotal?: number;
  /** The deck's logo (`logo:`), by index into images. */
  logo?: number;
  /** The author's own styles (Marp's `style:`, `<style>` blocks), scoped to the slides and cleaned of anything that would fetch. */
  authorCss?: string;
  /** The different filters the deck's pictures take (Marp's `sepia`, `brightness:.5`), each a safe CSS filter value; pictures carry `image-filter-N`. */
  imageFilters?: string[];
}

/** An image's bytes after loading, ready to inline. */
export interface LoadedAsset {
  mime: string;
  bytes: Uint8Array;
  /** A raster picture's size in pixels, read from its header when it was loaded; none for SVG. */
  pixels?: { width: number; height: number };
}

/** The deck's HTML before its runtime is inlined, as the render stage leaves it. */
export interface RenderedDeck {
  html: string;
  /** Marker the bundle stage replaces with styles, CSP and scripts. */
  markers: { head: string; scripts: string };
  /** Options handed to reveal.js at start-up. */
  revealConfig: Record<string, unknown>;
  /** A built-in theme name; a briefing's own CSS goes in customTheme. */
  theme: string;
  /** The author's own styles from the deck's text (Briefing.authorCss), laid over every theme. */
  authorCss?: string;
  /** The briefing's own theme CSS file (absolute, inside the briefing folder), layered over the house theme. */
  customTheme?: string;
  /** The deck template it was rendered with, for errors about what that template wrote. */
  template: string;
  /** True when markup not written by briefdeck's own templates and sanitizer is in the HTML (template overrides, `html: true`). */
  foreignMarkup: boolean;
}
