// How briefdeck reads other tools' front matter. A key that only another tool knows (peer-keys.ts says whose) is a
// warning that names the tool, never an error; the few that mean something briefdeck can do are mapped onto its own metadata.
import { type BriefingMeta } from '../../model.js';
import { LANGUAGE_TAG } from '../meta-schema.js';
import { REVEAL_THEMES } from '../../themes.js';
import { isSafeGradient, keepSafeLook } from './reveal.js';
import { applyRevealSeparatorKey } from './reveal-separators.js';
import { MARP_LOCAL_DIRECTIVES } from './marp-comments.js';
import { applyHeadIncludes } from './header-includes.js';
import { peerKeyOwner } from './peer-keys.js';
import { isFirstSlideKey, keepForFirstSlide } from './slidev-headmatter.js';
import { keepSlideDefaults } from './slidev-defaults.js';
import { isDateFormat } from './quarto-dates.js';
import { isQuartoThemeFile } from './quarto-scss.js';
import { crossRefWordReaders } from './pandoc/cross-refs.js';
import { quartoLanguageReaders } from './pandoc/quarto-language.js';
import { applyEachOption, applyOptions, applyRevealOptionBlock, applySlideNumber, applyTransition } from './reveal-option-blocks.js';
import { readCssUrl } from '../../css-references.js';
import { readPresentermTitle } from './presenterm.js';
import { applyRMarkdownOutput } from './rmarkdown-output.js';
import { applyStyleSheets } from './style-sheet-names.js';

/** Quarto's names for reveal's themes that differ from reveal's own. */
const QUARTO_THEMES: Record<string, string> = { dark: 'black', default: 'white' };

/**
 * Applies what a peer key means to briefdeck, where it means something:
 * Slidev's slide keys (`layout`, `class`, `background`, `image`, `level`…, kept for its first slide, at `line`);
 * Marp's `class`, `backgroundColor` and `color` (every slide's look) and `style` (its CSS);
 * Marp's `paginate`, `header` and `footer`; reveal-md's `revealOptions:
 * transition`; Slidev's `transition` and `lineNumbers`; Quarto's `slide-number`, `smaller`, `scrollable`, `code-line-numbers`, `auto-stretch` and
 * `format: revealjs:` (`incremental`, `slide-number`, `slide-level`, `toc`, `toc-title`, `number-sections`, `smaller`, `scrollable`, `code-line-numbers`, `auto-stretch`,
 * `transition`, `footer`, `theme`) and `execute: echo:`; Pandoc's and Quarto's `slide-level` and `number-sections`. Returns true when the key was fully
 * understood, so no warning is needed, false when none of it was, and for a
 * block read in part, the options in it that were not.
 */
export function applyPeerKey(key: string, value: unknown, meta: BriefingMeta, line = 1): boolean | string[] {
  // Slidev's headmatter is also its first slide's front matter: its layout, class, background, picture and the like go to that slide.
  if (peerKeyOwner(key, meta.peerTools) === 'Slidev' && isFirstSlideKey(key)) return keepForFirstSlide(key, value, meta, line);
  switch (key) {
    case 'layout':
    case 'class':
    case 'background':
      // Marp's class may be a list of classes (`class:` then `- invert`).
      // Classes the deck's own styles define (`section.big`) are known only once its body is read: the classes are settled,
      // and any left out named, there (parse-briefing.ts, settleFrontMatterClasses).
      if (key === 'class' && peerKeyOwner(key, meta.peerTools) === 'Marp' && (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')))) {
        meta.marpClass = { written: Array.isArray(value) ? value.join(' ') : value, line };
        return true;
      }
      return false;
    case 'marp':
      return true;
    // Slidev's colour scheme: `dark` asks for its theme's dark look (parse-meta.ts picks a dark theme); `light` and `auto` are a light one's.
    case 'colorSchema':
      if (value !== 'dark' && value !== 'light' && value !== 'auto') return false;
      meta.darkScheme = value === 'dark';
      return true;
    // Slidev's `htmlAttrs`, its page's attributes: their `lang` is the deck's language, unless the deck's own `lang` says.
    case 'htmlAttrs': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const lang = (value as Record<string, unknown>).lang;
      if (typeof lang !== 'string' || !LANGUAGE_TAG.test(lang)) return false;
      if (meta.keyLines.lang === undefined) meta.lang = lang;
      const others = Object.keys(value).filter((k) => k !== 'lang');
      return others.length === 0 ? true : others;
    }
    // Marp's math engine: briefdeck typesets math with KaTeX at build time whichever Marp names, so both are read.
    case 'math':
      return value === 'katex' || value === 'mathjax' || value === true;
    // Pandoc's citations (parse/bibliography.ts): the files and items of references, and how they are listed.
    case 'bibliography':
    case 'csl':
    case 'references':
    case 'suppress-bibliography':
    case 'reference-section-title':
    case 'nocite':
    case 'link-citations':
    case 'citeproc':
      return applyCitationKey(key, value, meta, line);
    // Slidev's `defaults:`, front matter every slide has unless it sets the key itself (parse-briefing.ts applies them).
    case 'defaults':
      return peerKeyOwner(key, meta.peerTools) === 'Slidev' ? keepSlideDefaults(value, meta, line) : false;
    // Slidev's switch for MDC syntax, read by parse/dialects/mdc.ts.
    case 'mdc':
    case 'comark':
      if (typeof value !== 'boolean') return false;
      meta.mdc = value;
      return true;
    case 'backgroundColor':
    case 'color':
      return typeof value === 'string' && setSlideDefault(key, value, meta);
    // Marp's background for every slide, a picture or a gradient: read as the directive written in the first slide, which
    // carries it on (marp.ts), so a picture that is remote (never fetched) or missing is one warning at this line.
    case 'backgroundImage':
      if (typeof value !== 'string' || (readCssUrl(value) === undefined && !isSafeGradient(value.trim()))) return false;
      (meta.marpFirstSlide ??= []).push({ text: `backgroundImage: ${value}`, line });
      return true;
    // Marp's CSS for every slide, scoped and cleaned like any style block (parse/author-styles.ts); a block scalar starts a line on.
    case 'style':
      if (typeof value !== 'string') return false;
      meta.deckStyle = { css: value, line: value.includes('\n') ? line + 1 : line };
      return true;
    // reveal-md's, Pandoc's and Quarto's style sheets, read by the load stage and scoped like any style (parse/author-styles.ts); Slidev's
    // `css:` names its CSS engine, not a sheet, and UnoCSS's utility classes are read in a Slidev deck as Slidev reads them (uno-utilities.ts).
    case 'css':
      return peerKeyOwner(key, meta.peerTools) === 'Slidev' && typeof value === 'string' && /^(?:unocss|windicss|none)$/.test(value.trim()) ? value.trim() === 'unocss' : applyStyleSheets(value, meta, line);
    case 'header-includes':
    case 'include-in-header':
      return applyHeadIncludes(key, value, meta, line);
    case 'paginate':
    case 'slide-number':
      // Its line says the deck chose: a Marp deck that does not shows no numbers, as in Marp (parse-briefing.ts).
      meta.keyLines[key] = line;
      return applySlideNumber(value, meta);
    case 'header':
    case 'footer':
      if (typeof value !== 'string') return false;
      meta[key === 'header' ? 'headerText' : 'footerText'] = value.trim();
      meta.keyLines[key] = line;
      return true;
    case 'headingDivider': {
      // A level cuts at headings of that level and above; a list names the levels that cut.
      const level = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 6;
      if (level(value)) meta.headingDivider = Array.from({ length: value }, (_, i) => i + 1);
      else if (Array.isArray(value) && value.length > 0 && value.every(level)) meta.headingDivider = [...value].sort();
      else return false;
      return true;
    }
    case 'smaller':
      if (typeof value !== 'boolean') return false;
      meta.smaller = value;
      return true;
    // Quarto's `scrollable`: every slide scrolls when its content is taller than it.
    case 'scrollable':
      return typeof value === 'boolean' && ((meta.scrollable = value), true);
    // Whether every code block numbers its lines (render-markdown.ts): Slidev's `lineNumbers`, Quarto's `code-line-numbers`.
    case 'lineNumbers':
    case 'code-line-numbers':
      return typeof value === 'boolean' && ((meta.codeLineNumbers = value), true);
    // Quarto's stretching of a slide's one picture (dialects/pandoc/auto-stretch.ts).
    case 'auto-stretch':
      return typeof value === 'boolean' && ((meta.autoStretch = value), true);
    // Pandoc's and Quarto's list of sections, briefdeck's agenda slide (parse-briefing.ts), and its title.
    case 'toc':
      if (typeof value !== 'boolean') return false;
      (meta.toc ??= {}).show = value;
      return true;
    case 'toc-title':
      if (typeof value !== 'string' || value.trim() === '') return false;
      (meta.toc ??= {}).title = value.trim();
      return true;
    case 'toc-depth':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 6) return false;
      (meta.toc ??= {}).depth = value;
      return true;
    // Pandoc's and Quarto's slide level, as briefdeck's own `slideLevel` takes it; the metadata's own key, set, wins.
    case 'slide-level':
      if (value !== 1 && value !== 2) return false;
      meta.slideLevel ??= value;
      return true;
    // Pandoc's and Quarto's section numbers before headings (cut-slides.ts numbers them as cross-refs.ts counts them).
    case 'number-sections':
      return typeof value === 'boolean' && ((meta.numberSections = value), true);
    // Quarto's words for its cross-references: `fig-title: Abbildung` for captions, `fig-prefix: Abb.` for references (cross-refs.ts).
    case 'crossref':
      return applyOptions(value, crossRefWordReaders(meta));
    // Quarto's words for its labels in the deck's language (`callout-tip-title: Tipp`, `crossref-fig-title: Abbildung`; quarto-language.ts).
    case 'language':
      return applyOptions(value, quartoLanguageReaders(meta));
    case 'transition':
      return applyTransition(value, meta);
    // reveal-md's separators, as patterns: those that say what briefdeck cuts at anyway, or one line of text it cuts at too, need no warning.
    case 'separator':
    case 'verticalSeparator':
    case 'notesSeparator':
      return applyRevealSeparatorKey(key, value, meta);
    // Quarto's title slide background: a colour that passes reveal's rules, and a picture (confined by the parser).
    case 'title-slide-attributes': {
      const look: NonNullable<BriefingMeta['titleSlideLook']> = { line };
      const applied = applyOptions(value, {
        'data-background-color': (v) => typeof v === 'string' && keepSafeLook({ backgroundColor: v }).backgroundColor !== undefined && ((look.backgroundColor = v), true),
        'data-background-image': (v) => typeof v === 'string' && v.trim() !== '' && ((look.backgroundImage = v.trim()), true),
      });
      if (look.backgroundColor !== undefined || look.backgroundImage !== undefined) meta.titleSlideLook = look;
      return applied;
    }
    // reveal.js's options, as reveal-md (`revealOptions`), HackMD (`slideOptions`), Markdown Preview Enhanced
    // (`presentation`) and reveal-hugo (`reveal_hugo`) nest them (reveal-option-blocks.ts).
    case 'revealOptions':
    case 'slideOptions':
    case 'presentation':
    case 'reveal_hugo':
      return applyRevealOptionBlock(key, value, meta, line);
    case 'execute':
      return applyOptions(value, { echo: (v) => typeof v === 'boolean' && ((meta.cellEcho = v), true) });
    // R Markdown's `output: ioslides_presentation` (or a map of formats and their options): what briefdeck makes anyway, and the options it shares.
    case 'output':
      return applyRMarkdownOutput(value, meta, line);
    // HackMD's slide mode (`type: slide`) and its reveal options; tags, aliases and Obsidian's note properties are the note's, never shown.
    // `type: slide` is HackMD's slide mode (Hugo's `type` names a kind of page, never `slide`): the deck is HackMD's.
    case 'type':
      if (value !== 'slide') return false;
      if (!meta.peerTools.includes('HackMD')) meta.peerTools.push('HackMD');
      return true;
    case 'tags':
    case 'aliases':
    case 'cssclasses':
    case 'cssclass':
    case 'publish':
      return true;
    // slides' page count in its status bar ("Slide %d / %d"), as briefdeck's footer counts them.
    case 'paging':
      return typeof value === 'string' && ((meta.pageNumbers = true), (meta.pageNumbersSet = true), true);
    // patat's settings: a deck read as Pandoc's, its lists stepping in and its slide level as patat's settings say.
    case 'patat':
      if (!meta.peerTools.includes('Pandoc')) meta.peerTools.push('Pandoc');
      return applyOptions(value, {
        incrementalLists: (v) => typeof v === 'boolean' && ((meta.incremental = v), true),
        slideLevel: (v) => (v === 1 || v === 2) && ((meta.slideLevel ??= v), true),
        slideNumber: (v) => applySlideNumber(v, meta),
        // What a terminal needs to lay text out, and notes shown in a file of their own, as briefdeck's speaker view shows them.
        ...Object.fromEntries(['wrap', 'margins', 'columns', 'breadcrumbs', 'speakerNotes'].map((k) => [k, () => true])),
      });
    // presenterm's introduction slide: its subtitle and authors are briefdeck's title slide's; its options, where the deck is cut.
    case 'sub_title':
      return typeof value === 'string' && ((meta.subtitle ??= readPresentermTitle(value)), true);
    case 'authors':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string') && ((meta.author ??= value.join(', ')), true);
    case 'options':
      return applyOptions(value, {
        incremental_lists: (v) => typeof v === 'boolean' && ((meta.incremental = v), true),
        end_slide_shorthand: (v) => typeof v === 'boolean' && (((meta.presentermOptions ??= {}).endSlideShorthand = v), true),
        implicit_slide_ends: (v) => typeof v === 'boolean' && (((meta.presentermOptions ??= {}).implicitSlideEnds = v), true),
        // A slide's first # heading titles it, as briefdeck reads any deck cut at its slides' ends; the spacing of list items is a terminal's.
        h1_slide_titles: (v) => typeof v === 'boolean',
        list_item_newlines: (v) => typeof v === 'number',
      });
    // reveal's own `slideNumber`: Advanced Slides' option, and a reveal.js page's (reveal-options.ts).
    case 'slideNumber':
      return applySlideNumber(value, meta);
    // A Hugo page made a reveal.js deck (`outputs = ["Reveal"]`): what briefdeck makes anyway.
    case 'outputs':
      return Array.isArray(value) && value.includes('Reveal');
    // Quarto's code annotations are read as its `below` shows them (code-annotations.ts): the list under the code, the markers gone.
    case 'code-annotations':
      return value === true || value === 'below' || value === 'hover' || value === 'select';
    // reveal.js's page, which Pandoc, Quarto and Advanced Slides hand on: its shape picks the deck's (parse-meta.ts).
    case 'width':
    case 'height':
      if (typeof value !== 'number' || !(value > 0) || value > 100_000) return false;
      meta.revealPage = { ...meta.revealPage, [key]: value, line: meta.revealPage?.line ?? line };
      return true;
    // Slidev's page shape, `aspectRatio: 4/3` (16/9 by default; a number too), read as reveal's page is: its shape the deck's.
    case 'aspectRatio': {
      // Trimmed first: spaces at both ends of one pattern would be tried against each other along a long run of them.
      const ratio = /^(\d+(?:\.\d+)?)(?:[ \t]*[/:][ \t]*(\d+(?:\.\d+)?))?$/.exec(String(value).trim());
      const width = ratio ? Number(ratio[1]) : NaN;
      const height = ratio?.[2] !== undefined ? Number(ratio[2]) : 1;
      if (!(width > 0 && height > 0 && width / height < 100)) return false;
      meta.revealPage = { width, height, line };
      return true;
    }
    // Beamer's page shape (Pandoc's beamer output: `169`, `43`, `1610`, …), read as reveal's page is: its shape the deck's.
    case 'aspectratio': {
      const shape = Object.hasOwn(BEAMER_SHAPES, String(value)) ? BEAMER_SHAPES[String(value)]! : undefined;
      if (!shape) return false;
      meta.revealPage = { width: shape[0], height: shape[1], line };
      return true;
    }
    // How Quarto writes the deck's date (quarto-dates.ts): a style or a format of dayjs's tokens.
    case 'date-format':
      return typeof value === 'string' && isDateFormat(value.trim()) && ((meta.dateFormat = value.trim()), true);
    case 'format': {
      // `format: revealjs` says only what briefdeck makes anyway.
      if (value === 'revealjs') return true;
      const reveal = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).revealjs : undefined;
      const read = applyEachOption(reveal, {
        incremental: (v) => typeof v === 'boolean' && ((meta.incremental = v), true),
        'slide-number': (v) => applySlideNumber(v, meta),
        smaller: (v) => typeof v === 'boolean' && ((meta.smaller = v), true),
        scrollable: (v) => typeof v === 'boolean' && ((meta.scrollable = v), true),
        'code-line-numbers': (v) => typeof v === 'boolean' && ((meta.codeLineNumbers = v), true),
        'auto-stretch': (v) => typeof v === 'boolean' && ((meta.autoStretch = v), true),
        // The deck's own `logo:`, written where Quarto reads it.
        logo: (v) => typeof v === 'string' && v.trim() !== '' && ((meta.logo = v.trim()), (meta.keyLines.logo ??= line), true),
        transition: (v) => applyTransition(v, meta),
        footer: (v) => typeof v === 'string' && ((meta.footerText = v.trim()), (meta.keyLines.footer ??= line), true),
        theme: (v) => applyQuartoTheme(v, meta, line),
        css: (v) => applyStyleSheets(v, meta, line),
        'include-in-header': (v) => applyHeadIncludes('include-in-header', v, meta, line),
        // The title slide's background, written here as at the top.
        'title-slide-attributes': (v) => applyPeerKey('title-slide-attributes', v, meta, line),
        width: (v) => applyPeerKey('width', v, meta, line),
        height: (v) => applyPeerKey('height', v, meta, line),
        // Where the slides are cut, and the table of contents, written here as at the top.
        'slide-level': (v) => applyPeerKey('slide-level', v, meta, line),
        toc: (v) => applyPeerKey('toc', v, meta, line),
        'number-sections': (v) => applyPeerKey('number-sections', v, meta, line),
        'toc-title': (v) => applyPeerKey('toc-title', v, meta, line),
        'toc-depth': (v) => applyPeerKey('toc-depth', v, meta, line),
      });
      // The format itself is read, as `output:`'s is: its options, read or not, are named rather than the whole key.
      return read === null ? false : read.length === 0 ? true : read;
    }
    default:
      // Marp's `_class: lead` in front matter sets the first slide only, as the directive written in it would.
      if (key.startsWith('_') && MARP_LOCAL_DIRECTIVES.includes(key.slice(1)) && (['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every((v) => typeof v === 'string')))) {
        (meta.marpFirstSlide ??= []).push({ text: `${key}: ${Array.isArray(value) ? value.join(' ') : String(value)}`, line });
        return true;
      }
      return false;
  }
}

/** Marp's front matter `backgroundColor` or `color`, for every slide: true when it passes, false when it does not. */
function setSlideDefault(key: 'backgroundColor' | 'color', value: string, meta: BriefingMeta): boolean {
  const safe = keepSafeLook({ [key]: value });
  if (safe[key] === undefined) return false;
  (meta.slideDefaults ??= {})[key] = safe[key];
  return true;
}

/** Beamer's `aspectratio` values, each as a page's width and height. */
const BEAMER_SHAPES: Readonly<Record<string, readonly [number, number]>> = { '1610': [16, 10], '169': [16, 9], '149': [14, 9], '141': [1.41, 1], '54': [5, 4], '43': [4, 3], '32': [3, 2], '235': [2.35, 1], '11': [1, 1] };

/**
 * Quarto's `theme:` (a name, or a list of a name and .scss files): its reveal theme, unless the
 * metadata names a theme of its own, which comes first wherever it stands.
 */
function applyQuartoTheme(value: unknown, meta: BriefingMeta, line: number): boolean | string[] {
  const names = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  const theme = names.map((name) => (Object.hasOwn(QUARTO_THEMES, name) ? QUARTO_THEMES[name]! : name)).find((name) => REVEAL_THEMES.includes(name));
  if (theme !== undefined && meta.keyLines.theme === undefined) meta.theme = theme;
  // Its theme files are the deck's style sheets, compiled by Sass when they are read (author-styles.ts, quarto-scss.ts).
  const files = names.filter(isQuartoThemeFile);
  for (const path of files) (meta.styleSheets ??= []).push({ path: path.trim(), line });
  const read = (name: string) => isQuartoThemeFile(name) || (Object.hasOwn(QUARTO_THEMES, name) ? QUARTO_THEMES[name]! : name) === theme;
  const unread = names.filter((name) => !read(name));
  return unread.length === 0 ? names.length > 0 : unread.length === names.length ? false : unread;
}

/** Reads one of Pandoc's citation keys into `meta.citations`; false when its value is not one Pandoc takes. */
function applyCitationKey(key: string, value: unknown, meta: BriefingMeta, line: number): boolean {
  const citations = (meta.citations ??= { bibliography: [], line });
  const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  switch (key) {
    case 'bibliography': {
      const files = Array.isArray(value) ? value : [value];
      if (!files.every(text)) return false;
      citations.bibliography.push(...files.map((f) => f.trim()));
      return true;
    }
    case 'csl':
      if (!text(value)) return false;
      citations.csl = value.trim();
      citations.cslLine = line;
      return true;
    case 'references':
      if (!Array.isArray(value)) return false;
      citations.references = value;
      return true;
    case 'suppress-bibliography':
      if (typeof value !== 'boolean') return false;
      citations.suppressBibliography = value;
      return true;
    case 'reference-section-title':
      if (!text(value)) return false;
      citations.sectionTitle = value.trim();
      return true;
    case 'nocite':
      // `nocite: '@*'`, or keys written as citations: `@a, @b`, `[@a; @b]`.
      if (!text(value)) return false;
      citations.nocite = [...value.matchAll(/@(\*|[\w][\w:.#$%&+?<>~/-]*)/g)].map((m) => m[1]!.replace(/[.:#$%&+?<>~/-]+$/, ''));
      return true;
    // Links from citations to the list, and citeproc's own switch: a deck with references is always read with them.
    default:
      return typeof value === 'boolean';
  }
}
