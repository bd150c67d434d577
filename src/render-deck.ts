import { checkLayouts } from './check-layouts.js';
import type Handlebars from 'handlebars';
import { DiagnosticBag } from './errors.js';
import { ASSET_SCHEME, CHART_MARKER_PATTERN, SLIDE_SIZES, imageFilterClass, listAgendaEntries, showsPageNumber, slideFooter, slideHeader, type AgendaEntry, type Briefing, type LoadedAsset, type RenderedDeck, type Slide, type SlideLook } from './model.js';
import { baseTheme, isCustomTheme } from './themes.js';
import type { TemplateSet } from './load-templates.js';
import { findPrecompiledTemplate } from './precompiled-templates.js';

/** Options that change what the rendered deck contains. */
export interface RenderOptions {
  /** Leave speaker notes out of the file entirely. */
  handout: boolean;
  /** The resolved path of a custom theme, when `theme:` names one. */
  customThemeFile?: string;
  /** Data files of the charts, by chart index, as the load stage read them. */
  chartData?: [number, string][];
  /** Charts an earlier build drew from the same blocks and data, by chart index: their SVG, drawn again only if it is not a picture only. */
  drawnCharts?: [number, string][];
  /**
   * Random text, drawn by the caller, that the markers where the bundle stage puts the head and scripts are made
   * from, so that no author can guess one and plant it. Drawn outside the worker, which then needs no node:crypto.
   */
  markerNonce: string;
}


/** What a layout partial receives for one slide; the README documents these fields. */
export interface SlideView {
  number: number;
  total: number;
  kind: Slide['kind'];
  layout: string;
  title: string | null;
  /** The title with its inline Markdown rendered; trusted HTML produced by the parser. */
  titleHtml: string | null;
  /** Trusted HTML produced by the parser. */
  body: string;
  /** The body split at `<!-- column -->`, or the whole body as one column. */
  /** The number the slide shows in its footer, and of how many: its position, unless Marp's `paginate: hold` or `skip` leaves slides out of the count. */
  page: number;
  pageTotal: number;
  columns: string[];
  /** Each column's own class, parallel to `columns`: its share of the row when three or more are sized (`column-w-25`), else empty. */
  columnClasses: string[];
  /** What stands above the columns and spans them (Slidev's `two-cols-header`), as HTML, or null. */
  columnsLead: string | null;
  /** What stands below the columns and spans them (after Pandoc's columns end), as HTML, or null. */
  columnsTail: string | null;
  /** The columns' classes: how many there are (`columns-3`), and for two sized ones the first one's share, to 5% (`columns-split-60`). */
  columnsClass: string;
  notes: string | null;
  section: string | null;
  /** The slide's own footer text, in place of the deck's (Quarto's `::: footer`, Marp's `_footer`). */
  footerText?: string;
  /** The slide shows no footer text (Marp's `_footer: ""`, Deckset's `[.hide-footer]`). */
  footerHidden: boolean;
  /** The text the footer shows (slideFooter): the slide's own, the deck's, or its section or title; empty for none. */
  footer: string;
  /** The footer holds nothing (no text, number or logo), as in a deck for another tool that gives none: it draws no rule either. */
  footerEmpty: boolean;
  /** The header this slide shows: its own (Marp's `header:` directive) or the deck's `headerText`; empty for none. */
  headerText: string;
  /** Whether this slide shows its number: its own setting (Marp's `paginate:` directive) or the deck's `pageNumbers`. */
  pageNumber: boolean;
  incremental: boolean;
  meta: Briefing['meta'];
  sections: AgendaEntry[];
  /** More sections than one column of the agenda holds: the agenda template sets them in two. */
  longAgenda: boolean;
  /** An agenda that lists slides under its sections, too many lines for two columns at its size: set smaller, in three columns past twice that. */
  denseAgenda: boolean;
  wideAgenda: boolean;
  /** The slide's own look (background, classes, transition), already limited to safe values, its background picture as a data URI. */
  look: Omit<SlideLook, 'backgroundImage'> & { backgroundImage?: string };
  /** This slide opens a vertical stack: the deck template wraps it and the slides below it in one <section>. */
  stackStart: boolean;
  /** This slide is the last of its vertical stack. */
  stackEnd: boolean;
  /** A style of the author's is kept to this slide: the template marks its section with data-style-scope. */
  ownStyle: boolean;
  /** In a deck with styles of the author's, the level of the heading its title was written as: their `h1` is a `#` title. */
  titleLevel?: number;
}

/** Sections one agenda column holds at the house theme's size. */
const AGENDA_COLUMN = 6;
/** Lines (sections and the slides listed under them) two agenda columns hold at its size, and three columns set small. */
const AGENDA_TWO_COLUMNS = 14;
const AGENDA_DENSE_TWO_COLUMNS = 36;

/** Renders the Briefing through the Handlebars templates into the deck's HTML shell. */
export function renderDeck(
  briefing: Briefing,
  templates: TemplateSet,
  assets: ReadonlyMap<number, LoadedAsset>,
  options: RenderOptions,
  bag: DiagnosticBag,
  charts: readonly string[] = [],
): RenderedDeck {
  checkLayouts(briefing, Object.keys(templates.layouts), bag);
  bag.throwIfErrors();

  const dataUris = new Map<number, string>();
  for (const [index, asset] of assets) dataUris.set(index, `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`);
  // Images become data URIs; chart markers become the charts drawn for them (a chart that failed has left an error).
  // Most slides hold neither, so each replacement runs only where its reference occurs.
  const assetReference = new RegExp(`${ASSET_SCHEME}(\\d+)`, 'g');
  // A picture left out (one a deck for another tool names that is not there) shows its alt text instead, or only the
  // caption under it (Pandoc's figure), which then shows that text to screen readers too.
  const missingImage = new RegExp(`<img src="${ASSET_SCHEME}(\\d+)"([^>]*)>(<span class="figure-caption"(?: aria-hidden="true")?>)?`, 'g');
  const inline = (html: string) => {
    const present = html.includes(ASSET_SCHEME)
      ? html.replace(missingImage, (whole, n: string, rest: string, caption?: string) => (dataUris.has(Number(n)) ? whole : caption ? '<span class="figure-caption">' : `<span class="missing-image">${/\balt="([^"]*)"/.exec(rest)?.[1] ?? ''}</span>`))
      : html;
    const withImages = present.includes(ASSET_SCHEME) ? present.replace(assetReference, (whole, n: string) => dataUris.get(Number(n)) ?? whole) : present;
    return withImages.includes('\u0000') ? withImages.replace(CHART_MARKER_PATTERN, (_, n: string) => charts[Number(n)] ?? '') : withImages;
  };

  const total = briefing.slides.length;
  const sections = listAgendaEntries(briefing);
  const agendaLines = sections.reduce((lines, s) => lines + 1 + s.slides.length, 0);
  const footers = briefing.slides.map((slide) => slideFooter(slide, briefing.meta));
  const views: SlideView[] = briefing.slides.map((slide, i) => ({
    number: slide.number,
    total,
    page: slide.page ?? slide.number,
    pageTotal: briefing.pageTotal ?? total,
    kind: slide.kind,
    layout: slide.layout,
    title: slide.title,
    titleHtml: slide.titleHtml === null ? null : inline(slide.titleHtml),
    body: inline(slide.bodyHtml),
    columns: (slide.columns ?? [slide.bodyHtml]).map(inline),
    columnsClass: describeColumns(slide),
    columnClasses: describeColumnWidths(slide),
    columnsLead: slide.columnsLead === undefined ? null : inline(slide.columnsLead),
    columnsTail: slide.columnsTail === undefined ? null : inline(slide.columnsTail),
    notes: options.handout || !slide.notes ? null : inline(slide.notes.html),
    section: slide.section,
    footerText: slide.footerText,
    footerHidden: slide.footerText === '',
    footer: footers[i]!,
    footerEmpty: footers[i] === '' && !showsPageNumber(slide, briefing.meta) && briefing.logo === undefined,
    headerText: slideHeader(slide, briefing.meta),
    pageNumber: showsPageNumber(slide, briefing.meta),
    incremental: slide.incremental,
    meta: briefing.meta,
    sections,
    longAgenda: agendaLines > AGENDA_COLUMN,
    denseAgenda: agendaLines > AGENDA_TWO_COLUMNS,
    wideAgenda: agendaLines > AGENDA_DENSE_TWO_COLUMNS,
    // A filtered background: reveal copies the slide's classes onto its background, where the filter's rule finds it.
    look: {
      ...slide.look,
      backgroundImage: slide.look?.backgroundImage === undefined ? undefined : dataUris.get(slide.look.backgroundImage),
      ...(slide.look?.backgroundFilter !== undefined ? { className: [slide.look.className, imageFilterClass(slide.look.backgroundFilter)].filter(Boolean).join(' ') } : {}),
    },
    stackStart: !slide.vertical && briefing.slides[i + 1]?.vertical === true,
    stackEnd: slide.vertical === true && briefing.slides[i + 1]?.vertical !== true,
    ownStyle: slide.ownStyle === true,
    titleLevel: briefing.authorCss ? slide.titleLevel : undefined,
  }));

  const markers = { head: `<!--briefdeck-head-${options.markerNonce}-->`, scripts: `<!--briefdeck-scripts-${options.markerNonce}-->` };
  const size = SLIDE_SIZES[briefing.meta.size];

  const hbs = loadHandlebars(templates).create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  for (const [name, source] of Object.entries(templates.layouts)) {
    hbs.registerPartial(name, compileTemplate(hbs, source.text, source.path, bag));
  }
  const deck = compileTemplate(hbs, templates.deck.text, templates.deck.path, bag);
  bag.throwIfErrors();

  let html: string;
  try {
    html = deck(
      // The browser tab needs a name even when the metadata gives none: the first slide's title, else the file's.
      { meta: briefing.meta, documentTitle: briefing.meta.title || briefing.slides.find((s) => s.title)?.title || 'Briefing', slides: views, sections, total, size, handout: options.handout, briefdeck: markers, logo: briefing.logo === undefined ? undefined : dataUris.get(briefing.logo) },
      // Prototype access stays off: templates see data, never the objects' machinery.
      { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
    );
  } catch (err) {
    bag.error('E_TEMPLATE', `template failed: ${(err as Error).message.split('\n')[0]}`, {
      file: templates.deck.path,
      hint: 'check the template for a partial or helper that does not exist',
    });
    bag.throwIfErrors();
    throw err;
  }
  for (const [key, marker] of Object.entries(markers)) {
    if (!html.includes(marker)) {
      bag.error('E_TEMPLATE', `deck template never outputs {{{briefdeck.${key}}}}`, {
        file: templates.deck.path,
        hint: `keep {{{briefdeck.head}}} inside <head> and {{{briefdeck.scripts}}} at the end of <body>`,
      });
    }
  }
  bag.throwIfErrors();

  const revealConfig: Record<string, unknown> = {
    width: size.width,
    height: size.height,
    margin: 0,
    center: false,
    hash: true,
    controls: true,
    // Edge arrows keep clear of the footer, where each slide shows its number.
    controlsLayout: 'edges',
    // No arrow bouncing beside the title slide while the presenter speaks: reveal's hint is an endless CSS animation,
    // which also keeps an idle deck redrawing (about a tenth of a core in Chromium without a GPU).
    controlsTutorial: false,
    progress: true,
    slideNumber: 'c/t',
    // Each slide's footer carries its own number, so reveal's copy shows only in the speaker view.
    showSlideNumber: 'speaker',
    transition: briefing.meta.transition ?? 'fade',
    transitionSpeed: 'fast',
    backgroundTransition: 'none',
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    // No page outside the deck may drive it or listen to it; the runtime turns these on only inside a speaker-view preview.
    postMessage: false,
    postMessageEvents: false,
  };
  if (briefing.meta.duration) revealConfig.totalTime = Math.round(briefing.meta.duration * 60);
  const custom = isCustomTheme(briefing.meta.theme);
  // A style's picture (style-pictures.ts) becomes its data URI; one left out, no picture at all.
  const styleCss = briefing.authorCss?.includes(ASSET_SCHEME) ? briefing.authorCss.replace(new RegExp(`url\\("${ASSET_SCHEME}(\\d+)"\\)`, 'g'), (_, n: string) => (dataUris.has(Number(n)) ? `url("${dataUris.get(Number(n))}")` : 'none')) : briefing.authorCss;
  const authorCss = (styleCss ?? '') + writeImageFilterCss(briefing.imageFilters ?? []);
  return { html, markers, revealConfig, theme: baseTheme(briefing.meta.theme), customTheme: custom ? options.customThemeFile : undefined, ...(authorCss ? { authorCss } : {}), template: templates.deck.path, foreignMarkup: templates.overridden || briefing.meta.html };
}

/** The rule of each of the deck's image filters: its pictures on the slides, and a slide background that takes it. */
function writeImageFilterCss(filters: readonly string[]): string {
  return filters.map((filter, i) => `.reveal .slides img.${imageFilterClass(i)},.reveal .backgrounds .${imageFilterClass(i)}>.slide-background-content{filter:${filter}}\n`).join('');
}

/**
 * Handlebars for a render: its runtime alone runs the built-in templates, which come compiled (precompiled-templates.ts).
 * The compiler, with the source-map library it brings (a tenth of the parse worker's code), is loaded only when a
 * template of the briefing's own must be compiled. Plain requires, which the worker's bundle sets up on first use.
 */
function loadHandlebars(templates: TemplateSet): typeof Handlebars {
  const own = [templates.deck, ...Object.values(templates.layouts)].some((template) => findPrecompiledTemplate(template.text) === undefined);
  return (own ? require('handlebars') : require('handlebars/runtime')) as typeof Handlebars;
}

function compileTemplate(hbs: typeof Handlebars, text: string, file: string, bag: DiagnosticBag): HandlebarsTemplateDelegate {
  const precompiled = findPrecompiledTemplate(text);
  if (precompiled) return hbs.template(precompiled);
  try {
    // Parsing now surfaces syntax errors with a line; compile() alone would defer them to first use.
    return hbs.compile(hbs.parse(text), { noEscape: false });
  } catch (err) {
    const message = (err as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    bag.error('E_TEMPLATE', `template syntax error: ${message.split('\n')[0]}`, {
      file,
      line: line ? Number(line) : undefined,
      hint: 'see https://handlebarsjs.com/guide/ for the template syntax',
    });
    return () => '';
  }
}

/** The classes that size a slide's columns: their count, and for two sized ones the first one's share, to 5%, between 10% and 90%. */
function describeColumns(slide: Pick<Slide, 'columns' | 'columnWidths'>): string {
  const count = slide.columns?.length ?? 1;
  const first = slide.columnWidths?.[0];
  if (first === undefined) return `columns-${count}`;
  // Three or more sized columns share the row by their widths (columnClasses); two take a split of the grid.
  if (count > 2) return `columns-${count} columns-sized`;
  return `columns-${count} columns-split-${Math.min(90, Math.max(10, Math.round(first / 5) * 5))}`;
}

/** Each column's class: for three or more sized columns its share of the row, to 5% (`column-w-25`); else none. */
function describeColumnWidths(slide: Pick<Slide, 'columns' | 'columnWidths'>): string[] {
  const count = slide.columns?.length ?? 1;
  return Array.from({ length: count }, (_, i) => {
    const width = slide.columnWidths?.[i];
    return count > 2 && width !== undefined ? `column-w-${Math.min(100, Math.max(5, Math.round(width / 5) * 5))}` : '';
  });
}
