// The deck's metadata after validation: what front matter and briefing.yml say, in every tool's keys that briefdeck reads. Part of the
// typed model (src/model.ts re-exports it), kept apart for its length.

/** How wide a slide is against its height. */
export type SlideSize = '16:9' | '4:3';

/** Pixel sizes for each supported aspect ratio. */
export const SLIDE_SIZES = { '16:9': { width: 1280, height: 720 }, '4:3': { width: 960, height: 720 } } as const;

/** Deck metadata after validation, with defaults filled in. */
export interface BriefingMeta {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  /** Quarto's `date-format:`, how the date is written (quarto-dates.ts): a style (`medium`) or a format (`MMMM D, YYYY`). */
  dateFormat?: string;
  lang: string;
  theme: string;
  classification?: string;
  /** A picture on every slide, at the footer's right, as written (Quarto's `logo` too). */
  logo?: string;
  bottomLine?: string;
  /** Speaker notes, as Markdown, for the generated Bottom line slide. */
  bottomLineNotes?: string;
  /** Talk length in minutes, for the speaker view's pacing timer. */
  duration?: number;
  incremental: boolean;
  size: SlideSize;
  /** Trusted author: keep raw HTML instead of neutralising it. */
  html: boolean;
  /** Section titles the briefing promises to contain. */
  sections?: string[];
  /** Markdown files in reading order, when not simply by name. */
  files?: string[];
  /** Line of each metadata key, for messages about its value, and of each item of a list as `key[i]` (`sections[1]`). */
  keyLines: Record<string, number>;
  /** The file that set a key, when another than the metadata's own (a Quarto project's `_quarto.yml`, reveal-md.json), by key; its line is in keyLines. */
  keyFiles?: Record<string, string>;
  maxBullets: number;
  /** False leaves out the generated Agenda slide. */
  agenda: boolean;
  /** Pandoc's slide level: 1 makes `#` the slide title, 2 (the default) makes it a section. Unset: chosen from the headings. */
  slideLevel?: 1 | 2;
  /** Pandoc's and Quarto's `number-sections`: headings show their section numbers (1, 1.1) before their text. */
  numberSections?: boolean;
  /** Quarto's `crossref:` words, by a label's kind (`fig`): a caption's title (`fig-title`), a reference's prefix (`fig-prefix`), and the caption's `title-delim`. */
  crossRefWords?: { titles: Record<string, string>; prefixes: Record<string, string>; titleDelim?: string };
  /** Quarto's `language:` words for its labels, by its keys (`callout-tip-title`, `crossref-fig-title`, `crossref-fig-prefix`): the deck's language, where Quarto would translate them. */
  quartoLanguage?: Record<string, string>;
  /** Marp's `headingDivider`: the heading levels that start a slide too (`2` is levels 1 and 2); unset, a Marp or Slidev deck is cut at `---` only. */
  headingDivider?: number[];
  /** Other tools whose front-matter keys the metadata uses (Marp, Slidev, …): how some of their syntax is read. */
  peerTools: string[];
  /** No metadata at all (no front matter, no briefing.yml): a plain Markdown deck of the kind every tool reads, built as leniently as one written for another tool. */
  plain?: true;
  /** Slidev's headmatter keys that set the first slide (`layout: cover`), as `key: value` lines with their line numbers. */
  firstSlideKeys?: { text: string; line: number }[];
  /** Slidev's `defaults:`, the front matter of every slide that does not set the key itself, as `key: value` lines with the line of `defaults:`. */
  slideKeyDefaults?: { key: string; text: string; line: number }[];
  /** Quarto's `title-slide-attributes`: the title slide's background colour (a safe one) and picture, as written. */
  titleSlideLook?: { backgroundColor?: string; backgroundImage?: string; line: number; /** The file that sets it, when not the metadata's (_quarto.yml). */ file?: string };
  /** Pandoc's and Quarto's citations: the references the deck names, and how it lists them. */
  citations?: DeckCitations;
  /** Slidev's `mdc: true` (`comark: true`): the deck is written in MDC's syntax too (parse/dialects/mdc.ts). */
  mdc?: boolean;
  /** Quarto's variables from `_variables.yml` beside the deck, by their dotted names (`engine.version`), which `{{< var name >}}` shows as text. */
  quartoVariables?: Record<string, string>;
  /** Quarto's `execute: echo:` in front matter: whether code cells show their code unless a cell says otherwise. */
  cellEcho?: boolean;
  /** presenterm's `options:` that change where the deck is cut: `---` ends a slide too, and so does each slide title. */
  presentermOptions?: { endSlideShorthand?: boolean; implicitSlideEnds?: boolean };
  /** Quarto's `code-line-numbers` and Slidev's `lineNumbers`: whether code blocks number their lines (unset: a Quarto deck's do, as Quarto's revealjs format has them). */
  codeLineNumbers?: boolean;
  /** xaringan's `nature: highlightLines: true`: a code line opening with `*` (an R cell's `{{ … }}`) is highlighted, as remark reads it. */
  highlightLines?: true;
  /** Quarto's `auto-stretch`: whether a slide's one picture takes the height the slide has left (unset: in a Quarto deck, it does). */
  autoStretch?: boolean;
  /** Slidev's `colorSchema: dark`: the deck asks for a dark look. */
  darkScheme?: boolean;
  /** Marp's `style:` directive: CSS for every slide (parse/author-styles.ts scopes it), the line it starts on, and its file when not the metadata's (a comment's). */
  deckStyle?: { css: string; line: number; file?: string };
  /** Marp's own theme the deck names (`theme: corporate`), read from the CSS file in the briefing folder that names itself so (a comment of `@theme corporate`): laid over the built-in theme standing in for the one it builds on. */
  themeSheet?: { name: string; relPath: string };
  /** Style sheets the metadata names (`css:`) by the path written, and the HTML of `header-includes` or `include-in-header` (`includedBy`) as text or by path, whose `<style>`s are read; with the line naming each. */
  styleSheets?: { path?: string; text?: string; line: number; includedBy?: 'header-includes' | 'include-in-header'; /** The file naming it, when not the metadata's (reveal-md.json). */ namedIn?: string }[];
  /** Marp's `class`, `backgroundColor` and `color` in front matter (the parts that pass): every slide's look, unless it sets its own. */
  slideDefaults?: { class?: string; backgroundColor?: string; color?: string };
  /** Marp's `class:` in front matter as written, and its line: settled into `slideDefaults` once the deck's own styles are known. */
  marpClass?: { written: string; line: number };
  /** reveal.js's page size another tool's metadata gives (`width: 1024`, `height: 768`) and the line of the first: parse-meta.ts picks the deck's shape from it, then drops it. */
  revealPage?: { width?: number; height?: number; line: number; /** The file that names it, when not the metadata's (reveal.json). */ file?: string };
  /** Marp's first-slide directives in front matter (`_class: lead`), read as if written in the first slide. */
  marpFirstSlide?: { text: string; line: number }[];
  /** False hides "n / total" in the footer (Marp's `paginate: false`, Quarto's `slide-number: false`). */
  pageNumbers: boolean;
  /**
   * The deck's own settings said whether its slides show their numbers (Marp's `paginate`, Quarto's `slide-number`,
   * reveal's `slideNumber`, Deckset's `slidenumbers`). A deck for a tool that numbers no slide unless asked, that does
   * not say, shows none, as in its tool (parse-briefing.ts).
   */
  pageNumbersSet?: true;
  /** Text for every slide's footer in place of the section (Marp's `footer:`). */
  footerText?: string;
  /**
   * A deck written for another tool (outside a folder with a briefing.yml): its footer shows only the text the deck
   * gives (`footerText`, a slide's own), never briefdeck's section or title, which its tool does not show there.
   */
  footerGivenOnly?: true;
  /** A deck for a tool that makes no title slide of `title:` (Marp, Slidev, reveal-md, …): its first slide is its cover (peer-tools.ts). */
  ownCover?: true;
  /** Text at the top of every slide (Marp's `header:`). */
  headerText?: string;
  /** reveal's transition between slides (reveal-md's `revealOptions.transition`, Slidev's and Quarto's `transition`). */
  transition?: string;
  /** Every slide's text a step smaller (Quarto's `smaller: true`). */
  smaller: boolean;
  /** Every slide scrolls when its content is taller than it (Quarto's `scrollable: true`), as a `.scrollable` slide does. */
  scrollable?: boolean;
  /**
   * Pandoc's and Quarto's `toc:`, `toc-title:` and `toc-depth:`: whether their deck lists its sections (they do not
   * unless asked), under what title, and how many levels of headings (1: the sections; 2, their default 3 and more:
   * each section's slides under it too).
   */
  toc?: { show?: boolean; title?: string; depth?: number };
  /** reveal-md's `separator:` and `verticalSeparator:` of one line of text: the lines that cut the deck as `---` and `--` do. */
  revealSeparatorLines?: RevealSeparatorLines;
  /** Curly quotes, dashes and ellipses at build time (default true). */
  smartypants: boolean;
}

/** Pandoc's citation settings (`bibliography:`, `csl:`, `references:`, …), as the metadata gives them. */
export interface DeckCitations {
  /** Bibliography files, by their path in the briefing folder. */
  bibliography: string[];
  /** A CSL style file, by its path in the briefing folder. */
  csl?: string;
  /** CSL items written in the metadata. */
  references?: unknown[];
  /** `suppress-bibliography: true`: citations are formatted, and no list of works cited is made. */
  suppressBibliography?: boolean;
  /** `reference-section-title:`: the title of the slide the list goes on, when the deck has no `::: {#refs}` div. */
  sectionTitle?: string;
  /** `nocite:` keys listed though never cited; `*` lists them all. */
  nocite?: string[];
  /** The line of the first of these keys, for messages about them, and of `csl:`, for messages about the style. */
  line: number;
  cslLine?: number;
}

/**
 * reveal-md's separator patterns that are one line of literal text (`^\r?\n\+\+\+\r?\n$`), as that line (`+++`), or a run
 * of line breaks alone (`^\n\n\n`, reveal.js's own example), as the blank lines it cuts at (3): a cut between slides, and one below a slide.
 */
export interface RevealSeparatorLines {
  horizontal?: string;
  vertical?: string;
  horizontalBlankLines?: number;
  verticalBlankLines?: number;
}
