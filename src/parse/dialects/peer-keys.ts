// Which tool another tool's metadata belongs to: the keys of each tool's front
// matter (some shared between tools), its theme names and the built-in theme
// nearest each, and the tools that cut a deck at `---`. front-matter.ts maps the
// values briefdeck can honour; this module only knows whose each key is.
import { MARP_LOCAL_DIRECTIVES } from './marp-comments.js';

/** Pandoc's variables that Quarto reads too: named as Quarto's in a deck already known to be Quarto's. */
const PANDOC_AND_QUARTO = ['abstract', 'header-includes', 'institute', 'toc', 'toc-depth', 'toc-title', 'number-sections', 'slide-level', 'csl', 'link-citations', 'citeproc', 'filters', 'bibliography', 'suppress-bibliography', 'reference-section-title', 'nocite', 'references'];

/** Slidev's slide keys (beyond layout, class and background) that its headmatter may hold, since it is its first slide's front matter too: a page of slides that `src:` imports opens with them. */
export const SLIDEV_HEADMATTER_SLIDE_KEYS: readonly string[] = ['backgroundSize', 'layoutClass', 'clicks', 'clicksStart', 'hideInToc', 'level', 'preload', 'routeAlias', 'zoom', 'dragPos', 'src'];

/** Keys of other Markdown slide tools, by the tool they belong to (for a key two tools share, the first is named unless the deck is already the other's). */
const PEER_KEYS: Record<string, string> = Object.fromEntries([
  ...['marp', ...MARP_LOCAL_DIRECTIVES.filter((k) => k !== 'class'), 'headingDivider', 'math', 'style', 'description', 'image', 'keywords', 'url'].map((k) => [k, 'Marp']),
  ...MARP_LOCAL_DIRECTIVES.map((k) => [`_${k}`, 'Marp']),
  ...['revealOptions', 'separator', 'verticalSeparator', 'highlightTheme', 'scripts', 'css', 'preprocessor', 'notesSeparator'].map((k) => [k, 'reveal-md']),
  ...['info', 'drawings', 'transition', 'mdc', 'comark', 'highlighter', 'lineNumbers', 'colorSchema', 'aspectRatio', 'canvasWidth', 'layout', 'class', 'background', 'fonts', 'themeConfig', 'download', 'exportFilename', 'favicon', 'addons', 'routerMode', 'htmlAttrs', 'seoMeta', 'monaco', 'remoteAssets', 'wakeLock', 'browserExporter', 'twoslash', 'overviewSnapshots', 'titleTemplate', 'plantUmlServer', 'defaults', ...SLIDEV_HEADMATTER_SLIDE_KEYS].map((k) => [k, 'Slidev']),
  // R Markdown's (ioslides, Slidy, revealjs and Beamer presentations, knitted by knitr, then Pandoc).
  ...['output', 'runtime', 'knit', 'editor_options', 'always_allow_html'].map((k) => [k, 'R Markdown']),
  // Hugo's page keys, and reveal-hugo's own, which a deck of a Hugo site carries.
  ...['outputs', 'reveal_hugo', 'draft', 'weight', 'slug', 'categories', 'lastmod', 'publishDate', 'expiryDate'].map((k) => [k, 'reveal-hugo']),
  // Obsidian's note properties, and the settings of its Advanced Slides plugin.
  ...['cssclasses', 'cssclass', 'publish'].map((k) => [k, 'Obsidian']),
  ...['enableLinks', 'enableCustomControls', 'enableMenu', 'enableChalkboard', 'enableOverview', 'enablePointer', 'enableTimeBar', 'timeForPresentation', 'bg', 'defaultTemplate', 'showNotes', 'autoSlide', 'minScale', 'maxScale', 'transitionSpeed'].map((k) => [k, 'Advanced Slides']),
  // Markdown Preview Enhanced's reveal.js options for a presentation.
  ['presentation', 'Markdown Preview Enhanced'],
  // HackMD's and HedgeDoc's note settings, its slide mode's among them.
  ...['slideOptions', 'robots', 'breaks', 'GA', 'disqus', 'opengraph'].map((k) => [k, 'HackMD']),
  // Terminal slide tools: slides' page count, lookatme's styles and extensions, patat's settings.
  ['paging', 'slides'],
  ...['styles', 'extensions'].map((k) => [k, 'lookatme']),
  ['patat', 'patat'],
  // presenterm's front matter: its subtitle's key is its own (its other keys, KEYS_OF_KNOWN_TOOLS, are everyday words).
  ['sub_title', 'presenterm'],
  ...['format', 'execute', 'jupyter', 'editor', 'slide-number', 'smaller', 'incremental-lists', 'title-slide-attributes', 'date-format', 'chalkboard', 'multiplex', 'preview-links', 'scrollable', 'controls', 'progress', 'history', 'center', 'navigation-mode', 'menu', 'embed-resources', 'self-contained', 'code-fold', 'code-line-numbers', 'code-copy', 'code-overflow', 'highlight-style', 'echo', 'width', 'height', 'margin', 'auto-stretch', 'revealjs-plugins', 'crossref', 'language', 'lightbox', 'fig-cap-location', 'tbl-cap-location', 'fig-width', 'fig-height', 'fig-align', 'warning', 'message', 'cache', 'freeze', 'knitr', 'engine', 'params', 'resources', 'callout-appearance', 'callout-icon', 'include-in-header', 'code-annotations'].map((k) => [k, 'Quarto']),
  // Pandoc's own variables, for its reveal.js and Beamer slide shows; Quarto reads many of them too (SHARED_KEYS).
  ...[...PANDOC_AND_QUARTO, 'include-before', 'include-after', 'subject', 'aspectratio', 'colortheme', 'fonttheme', 'innertheme', 'outertheme', 'navigation', 'section-titles', 'classoption', 'fontsize', 'mainfont', 'sansfont', 'monofont', 'mathfont', 'linkcolor', 'urlcolor', 'citecolor', 'documentclass', 'geometry', 'papersize', 'revealjs-url', 'title-prefix', 'pagetitle', 'author-meta', 'date-meta', 'titlegraphic', 'abstract-title', 'thanks', 'dir', 'hyperrefoptions', 'beamerarticle', 'lof', 'lot', 'numbersections', 'variables'].map((k) => [k, 'Pandoc']),
]);

/**
 * Keys of a tool that are everyday words (`authors`, `options`), or a briefdeck key mistyped: another tool's only in a
 * deck already known to be written for it (by a key of its own, or its body), else unknown keys, as a typo is.
 */
const KEYS_OF_KNOWN_TOOLS: Record<string, string> = Object.fromEntries(['authors', 'event', 'location', 'options'].map((k) => [k, 'presenterm']));

/** Other tools' own themes, and the briefdeck theme nearest to each; Marp's come first for a name both use. */
const PEER_THEMES: Record<string, Record<string, string>> = {
  // Gaia is a cream page with slate text, nearest reveal's beige; Uncover is a plain white page with plain type, its simple.
  Marp: { default: 'white', gaia: 'beige', uncover: 'simple' },
  // Slidev's official themes (npm packages slidev-theme-<name>); its starter deck asks for seriph.
  Slidev: { default: 'white', seriph: 'serif', 'apple-basic': 'white', bricks: 'white', shibainu: 'white' },
  // Advanced Slides' own themes beside reveal's: Consult and Mattropolis are white pages with dark headings.
  'Advanced Slides': { consult: 'white', mattropolis: 'white' },
  // slides' styles (glamour's), by whether their page is light or dark.
  slides: { dark: 'black', light: 'white', ascii: 'white', notty: 'white', pink: 'black', auto: 'briefing' },
  // presenterm's built-in themes (`theme: name:`), by whether their page is light or dark.
  presenterm: { dark: 'black', light: 'white', 'terminal-dark': 'black', 'terminal-light': 'white', 'catppuccin-latte': 'white', 'catppuccin-frappe': 'black', 'catppuccin-macchiato': 'black', 'catppuccin-mocha': 'black', dracula: 'dracula', 'gruvbox-dark': 'black', 'tokyonight-storm': 'night', 'tokyonight-moon': 'night', 'tokyonight-night': 'night', 'tokyonight-day': 'white' },
};

/** Tools whose theme names are everyday words, read as theirs only in their own decks. */
const THEMES_OF_KNOWN_TOOLS: ReadonlySet<string> = new Set(['presenterm', 'slides']);

/**
 * Tools whose decks are a run of slides cut at `---`, each titled by its first heading, the first one the
 * deck's cover: their `title:` names the page only. A key they share with other tools must not make a deck
 * theirs on its own.
 */
export const SEPARATOR_TOOLS: ReadonlySet<string> = new Set(['Marp', 'Slidev', 'reveal-md', 'reveal.js', 'Advanced Slides', 'Deckset', 'Jupyter', 'MDX', 'GitPitch', 'reveal-hugo', 'HackMD', 'Obsidian', 'Markdown Preview Enhanced', 'iA Presenter', 'presenterm', 'slides', 'mdp']);

/** Keys several tools share: Marp's `class` is also a Slidev key, its `footer` a Quarto one, reveal-md's `css` Pandoc's, Quarto's and Slidev's, and Quarto reads many of Pandoc's. */
const SHARED_KEYS: Record<string, string[]> = {
  class: ['Slidev', 'Marp'],
  footer: ['Marp', 'Quarto'],
  transition: ['Slidev', 'Quarto'],
  // reveal.js's own option, which Advanced Slides takes as it is and a reveal.js page's `initialize` gives (reveal-options.ts).
  slideNumber: ['Advanced Slides', 'reveal.js'],
  // Slidev's names its CSS engine (`css: unocss`).
  css: ['reveal-md', 'Pandoc', 'Quarto', 'Slidev'],
  // Mermaid's settings for the deck's diagrams (`mermaid: themeVariables: …`), in reveal-md's front matter and Quarto's.
  mermaid: ['reveal-md', 'Quarto'],
  // A document's own description, keywords, image and address, which several tools read.
  ...Object.fromEntries(['description', 'keywords'].map((k) => [k, ['Marp', 'Pandoc', 'Quarto']])),
  // Slidev's are its image and iframe layouts' picture and page.
  ...Object.fromEntries(['image', 'url'].map((k) => [k, ['Marp', 'Quarto', 'Slidev']])),
  ...Object.fromEntries(PANDOC_AND_QUARTO.map((k) => [k, ['Pandoc', 'Quarto']])),
  params: ['Quarto', 'R Markdown'],
  // reveal.js's own settings, which Quarto, Advanced Slides and Pandoc's reveal.js template all hand on.
  ...Object.fromEntries(['width', 'height', 'margin', 'center', 'controls', 'progress'].map((k) => [k, ['Quarto', 'Advanced Slides', 'Pandoc']])),
  // A note's kind and tags in HackMD (`type: slide`), a page's content type and tags in Hugo.
  type: ['HackMD', 'reveal-hugo'],
  tags: ['HackMD', 'reveal-hugo', 'Obsidian'],
  aliases: ['Obsidian', 'reveal-hugo'],
};

/** A tool's name as its owner (`Marp's`; `Advanced Slides'`), and each tool's of several (`Marp's or Quarto's`). */
export function possessive(tools: string): string {
  return tools
    .split(' or ')
    .map((tool) => (tool.endsWith('s') ? `${tool}'` : `${tool}'s`))
    .join(' or ');
}

/** Keys a Hugo page shares with other tools' documents (its description, keywords and address): Hugo's in a deck of a Hugo site. */
const HUGO_PAGE_KEYS: ReadonlySet<string> = new Set(['description', 'keywords', 'url']);

/** Whether two tools share the key, so that the deck's other keys decide whose it is. */
export function isSharedPeerKey(key: string): boolean {
  return Object.hasOwn(SHARED_KEYS, key);
}

/** The tool a metadata key belongs to, when it is another tool's key; a shared key belongs to the tool the deck is already known to be for, else to all of them. */
export function peerKeyOwner(key: string, peerTools: readonly string[] = []): string | undefined {
  if (HUGO_PAGE_KEYS.has(key) && peerTools.includes('reveal-hugo')) return 'reveal-hugo';
  if (Object.hasOwn(SHARED_KEYS, key)) {
    const tools = SHARED_KEYS[key]!;
    // In a deck that is none of its tools' yet, a key Pandoc and Quarto share is Pandoc's, which reads a deck as briefdeck
    // does; one that Marp, Slidev or reveal-md shares names them all ("Marp or Quarto") and decides nothing, since alone
    // it must not make a deck theirs (cut at --- only, and for Marp and Slidev its comments notes).
    return tools.find((tool) => peerTools.includes(tool)) ?? (tools.some((tool) => SEPARATOR_TOOLS.has(tool)) ? tools.join(' or ') : tools[0]);
  }
  if (Object.hasOwn(KEYS_OF_KNOWN_TOOLS, key)) return peerTools.includes(KEYS_OF_KNOWN_TOOLS[key]!) ? KEYS_OF_KNOWN_TOOLS[key] : undefined;
  return Object.hasOwn(PEER_KEYS, key) ? PEER_KEYS[key] : undefined;
}

/** The metadata keys of the tools a deck is written for (their shared ones too): what a mistyped key there is matched against. */
export function keysOfPeerTools(peerTools: readonly string[]): string[] {
  return [...Object.keys(PEER_KEYS), ...Object.keys(SHARED_KEYS), ...Object.keys(KEYS_OF_KNOWN_TOOLS)].filter((key) => peerTools.some((tool) => (peerKeyOwner(key, peerTools) ?? '').split(' or ').includes(tool)));
}

/**
 * The built-in theme that stands in for another tool's `theme:` and the tool it belongs to: one of that tool's
 * own themes by name, or, in a deck already recognisably Slidev's, any other theme, since Slidev installs themes
 * as packages of any name. Undefined when the name is no other tool's (then it is briefdeck's to judge).
 */
export function mapPeerTheme(theme: string, peerTools: readonly string[]): { tool: string; theme: string } | undefined {
  // presenterm's and slides' names are everyday words (`dark`, `light`): theirs only in a deck known to be theirs.
  const owners = Object.keys(PEER_THEMES).filter((tool) => Object.hasOwn(PEER_THEMES[tool]!, theme) && (!THEMES_OF_KNOWN_TOOLS.has(tool) || peerTools.includes(tool)));
  const known = owners.find((t) => peerTools.includes(t));
  // A name two tools use (`default`), in a deck that is neither's yet, is named as both's; both map it alike.
  if (owners.length > 0) return { tool: known ?? owners.join(' or '), theme: PEER_THEMES[known ?? owners[0]!]![theme]! };
  if (peerTools.includes('Slidev')) return { tool: 'Slidev', theme: 'briefing' };
  // A presenterm deck's theme of its own (from its themes folder) is not at hand either.
  if (peerTools.includes('presenterm')) return { tool: 'presenterm', theme: 'white' };
  // A Marp deck's theme of its own (registered with Marp's --theme-set) is not at hand: the nearest plain one.
  if (peerTools.includes('Marp')) return { tool: 'Marp', theme: 'white' };
  // A Pandoc deck's theme is a Beamer theme (metropolis, Madrid, …) or one of reveal's, which are built in.
  return peerTools.includes('Pandoc') ? { tool: 'Pandoc', theme: 'white' } : undefined;
}
