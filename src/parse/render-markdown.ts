import { Marked, Renderer, type Links, type Token, type Tokens } from 'marked';
import { readDeckLinkDefinitions } from './link-definitions.js';
import type { DiagnosticBag } from '../errors.js';
import { escapeHtml } from '../html-text.js';
import { type BriefingMeta, type ChartRef, type ImageRef, type SourceFile } from '../model.js';
import { utilityClassPattern } from './dialects/uno-utilities.js';
import { readByPandoc, readRootedPathsIn, readsPicturesFromOwnFile, writtenForAnotherTool, writtenForPandoc } from '../written-for.js';
import { typesetHtml } from './typeset-text.js';
import { BLOCK_RULE_PRECHECKS, SetextAwareLexer } from './block-rule-prechecks.js';
import { readHtmlBlocks } from './dialects/pandoc/inline-tag-lines.js';
import { combineWindowedStarts } from './extension-start.js';
import { countNewlines, joinLines, lineAt, locateLine, type Line } from './source-lines.js';
import { findExcessiveNesting, MAX_NESTING } from './nesting-guard.js';
import { findExcessiveHtmlNesting, HTML_TOO_DEEP } from './html-depth.js';
import { classifyLink, truncate } from './resolve-references.js';
import { sanitizeFragment, stripNavigationAndFrames } from './sanitize-fragment.js';
import { createImageRenderer, markImplicitFigure } from './render-image.js';
import type { MarpBackground } from './dialects/marp.js';
import { applyElementDirectives, takeHtmlNotes } from './dialects/reveal.js';
import { createFootnotes } from './footnotes.js';
import { crossRefExtension, type CrossRefs } from './dialects/pandoc/cross-refs.js';
import { emojiExtension } from './emoji.js';
import { highlightMarkExtension } from './highlight-mark.js';
import { insertedTextExtension } from './dialects/hackmd-inserted.js';
import { calloutTitle, type EnglishLabels } from './dialects/pandoc/quarto-language.js';
import { pandocBlockExtensions } from './dialects/pandoc/block-extensions.js';
import { pandocInlineExtensions } from './dialects/pandoc/inline-extensions.js';
import { hasAnnotationList } from './dialects/pandoc/code-annotations.js';
import { createCodeTokenRenderer, type CodeToken } from './render-code-token.js';
import { stepListItems, type StepRegion } from './build-steps.js';
import { WITH_PREVIOUS } from './dialects/slidev-after.js';
import { fancyListExtensions } from './dialects/pandoc/fancy-lists.js';
import { mdcInlineExtension } from './dialects/mdc.js';
import { slidevIconExtension } from './dialects/slidev-icons.js';
import { quartoShortcodeExtension, unescapeShortcodesInCode } from './dialects/pandoc/shortcodes.js';
import { pandocScriptExtensions } from './dialects/pandoc/scripts.js';
import { createMathRenderer, keepFormulasOutOfHeadings, MATH_MARK } from './render-math.js';
import { cleanSlideRawHtml } from './clean-raw-html.js';
import { renderAlert } from './dialects/alerts.js';
import { wikiLinkExtension } from './dialects/wiki-links.js';
import { inlineTexExtension } from './dialects/pandoc/inline-tex.js';
import { latexOnlyLeftOut } from './dialects/pandoc/raw-tex.js';
import { citationExtension, referencesPlaceExtension } from './dialects/pandoc/citations.js';
import { MAX_CITATIONS, type Bibliography } from './bibliography.js';
import { suggestClosest } from '../did-you-mean.js';
import type { AnchorLink } from './slide-anchors.js';

/** The hint of every warning about another tool's syntax that is left out. */
export const PEER_SYNTAX_HINT = 'see "Coming from another tool" in the README for what briefdeck reads';


interface RenderContext {
  file: SourceFile;
  /** First line of the top-level token being rendered. */
  line: number;
  /** The included file that line is from, when it is not `file` (Quarto's include, Slidev's `src:`). */
  lineFile?: SourceFile;
  /** The lines being rendered, and the index among them of that token's first line. */
  lines: Line[];
  index: number;
  /** That token's source, and how far the renderer has read into it, to place inline links and images on their own line. */
  raw: string;
  cursor: number;
  /** The newlines in `raw` before `cursor`, counted as the cursor moves, so a token's line is found without counting from the start. */
  cursorLines: number;
  /** The included file the last token placed was read from, if any. */
  tokenFile?: SourceFile;
  rawHtml: boolean;
  /** Whether the slide's lists step in, item by item. */
  incremental?: boolean;
  /** The picture Marp's `![bg](…)` made the slide's background, by index into the images, and whether it said `vertical`. */
  background?: MarpBackground;
}

/** The longest inline HTML comment read as one, in characters (the window the tag tokenizer looks for its close in); a longer one is text. */
const MAX_INLINE_COMMENT = 1024;

/**
 * One marked instance for the whole briefing. Its renderer resolves images
 * to confined paths and refuses unsafe links, so Markdown alone can never
 * produce markup that loads or runs anything.
 */
export function createMarkdownRenderer(meta: BriefingMeta, images: ImageRef[], bag: DiagnosticBag, charts: ChartRef[] = [], crossRefs: CrossRefs = new Map(), citations?: { bibliography: Bibliography; cited: (id: string) => void }, styleClasses: ReadonlySet<string> = new Set()) {
  /** Whether the file being rendered is Quarto's, whose own syntax (cells, inline code) is read. */
  const quartoFile = () => meta.peerTools.includes('Quarto') || /\.qmd$/i.test(ctx.file.path);
  /** An R Markdown deck (xaringan's, ioslides'), whose inline `` `r …` `` knitr runs. */
  const rMarkdownFile = () => meta.peerTools.includes('R Markdown') || /\.Rmd$/i.test(ctx.file.path);
  /** Whether Pandoc reads the file (Pandoc's, Quarto's, R Markdown's but xaringan's), so its slide-show rules (a list in a block quote), fancy lists and implicit figures apply. */
  // Asked at every stretch of text (fancy lists' and scripts' starts): answered once per file.
  let pandocAnswer: { file: SourceFile; reads: boolean } | undefined;
  const pandocDeck = () => (pandocAnswer?.file === ctx.file ? pandocAnswer.reads : (pandocAnswer = { file: ctx.file, reads: readByPandoc(meta.peerTools, [ctx.file.path]) }).reads);
  /** Whether Quarto's cross-references are read: in Pandoc's and Quarto's decks, where R Markdown's knitr would take @fig-x for a citation. */
  const crossRefDeck = () => meta.peerTools.includes('Pandoc') || quartoFile();
  /** The deck's link definitions, which a slide's own outweigh on it. */
  let deckLinks: Links = {};
  /** Quarto's English words for its labels that the slides show (a callout's title), where a deck in another language would want its own. */
  const englishLabels: EnglishLabels = new Map();
  const ctx: RenderContext = { file: undefined as unknown as SourceFile, line: 1, lines: [], index: 0, raw: '', cursor: 0, cursorLines: 0, rawHtml: false };
  // KaTeX at build time (render-math.ts), its HTML put back once the slide's own HTML is cleaned.
  const math = createMathRenderer({ slidev: meta.peerTools.includes('Slidev'), crossRefs, backslashes: () => (meta.peerTools.some((t) => t === 'reveal-md' || t === 'reveal.js') ? 'double' : rMarkdownFile() && !meta.peerTools.includes('remark') ? 'single' : undefined), fail: (message, hint) => (writtenForAnotherTool(meta) ? bag.warn('W_PEER_SYNTAX', `${message}; the formula is shown as its TeX`, { ...at(), hint }) : bag.error('E_MARKDOWN', message, { ...at(), hint })) });
  const at = () => ({ file: (ctx.lineFile ?? ctx.file).path, line: ctx.line });
  /** Where an inline token stands: the line of its source inside the current top-level token (tokens are visited in order). */
  const atToken = (raw: string) => {
    const index = ctx.raw.indexOf(raw, ctx.cursor);
    if (index === -1) return at();
    // Counted on from where the last token ended: a paragraph of thousands of pictures or links stays linear.
    const line = ctx.index + ctx.cursorLines + countNewlines(ctx.raw.slice(ctx.cursor, index));
    ctx.cursorLines = line - ctx.index + countNewlines(raw);
    ctx.cursor = index + raw.length;
    const found = lineAt(ctx.lines, line);
    ctx.tokenFile = found.file;
    return locateLine(found, ctx.file);
  };
  /** Whether a citation was already left as written, past the most a deck has formatted. */
  let tooManyCitations = false;
  /** Warns of another tool's syntax, met in a token, that was left out. */
  const peerSyntax = (raw: string, message: string) => bag.warn('W_PEER_SYNTAX', message, { ...atToken(raw), hint: PEER_SYNTAX_HINT });
  /** The deck's different image filters (Marp's), which the render stage writes the CSS of. */
  const imageFilters: string[] = [];
  /** Links to an anchor in the deck, for the pass that points each at its slide (slide-anchors.ts). */
  const anchorLinks: AnchorLink[] = [];
  // A picture is found from the folder of the file its line was read from (an included one), or the slide's; atToken notes which.
  const ownFilePictures = readsPicturesFromOwnFile(meta.peerTools);
  const imageRenderer = createImageRenderer({ meta, images, bag, crossRefs, where: atToken, file: () => (ownFilePictures ? (ctx.tokenFile ?? ctx.file) : ctx.file), rootedIn: () => readRootedPathsIn(meta.peerTools, ctx.file.path), setBackground: (background) => (ctx.background = background), peerHint: PEER_SYNTAX_HINT, imageFilters, describe: (text) => marked.parseInline(text) as string });
  const footnotes = createFootnotes(() => ctx.line);
  const renderCodeToken = createCodeTokenRenderer({
    meta,
    images,
    charts,
    bag,
    crossRefs,
    math,
    at,
    file: () => ctx.file,
    line: () => ctx.line,
    lineFile: () => ctx.lineFile,
    quartoFile,
    markRawHtml: () => void (ctx.rawHtml = true),
    peerHint: PEER_SYNTAX_HINT,
  });
  /** Speaker notes written as HTML elements (`<aside class="notes">`) in the current slide, taken out of it. */
  let htmlNotes: string[] = [];
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    tokenizer: {
      ...BLOCK_RULE_PRECHECKS, html: readHtmlBlocks(pandocDeck), lheading: keepFormulasOutOfHeadings(BLOCK_RULE_PRECHECKS.lheading!),
      // An inline comment is looked for within a bounded window: marked's pattern looks from each `<!--` to the end of the
      // text for its close, so a line of thousands of unclosed ones took time that grew with its square. One that does not
      // close within the window is text, as an unclosed one is; `false` hands every other tag to marked's own reading.
      tag(src: string) {
        if (src.startsWith('<!--') && !src.slice(0, MAX_INLINE_COMMENT).includes('-->', 2)) return undefined;
        return false;
      },
    },
    renderer: {
      image: (token: Tokens.Image) => imageRenderer.render(token),
      // An item of a list that steps in only so deep (Slidev's `<v-clicks>`, stepListItems): it steps in with the lists nested in it.
      listitem(item: Tokens.ListItem & { steps?: 'alone' | 'with previous' }) {
        if (!item.steps) return false;
        return Renderer.prototype.listitem.call(this, item).replace(/^<li>/, item.steps === 'alone' ? '<li class="fragment">' : `<li class="fragment" ${WITH_PREVIOUS}>`);
      },
      link(token: Tokens.Link) {
        const where = atToken(token.raw);
        const inner = this.parser.parseInline(token.tokens);
        const kind = classifyLink(token.href);
        if (kind === 'unsafe' || kind === 'relative') {
          bag.warn('W_LINK', `link to "${truncate(token.href)}" was removed; links may be https:, mailto: or #anchors`, {
            ...where,
            hint: kind === 'relative' ? 'a single-file deck cannot link to other local files; paste the content or link to a web page' : 'use an https: address',
          });
          return inner;
        }
        if (kind === 'anchor') anchorLinks.push({ href: token.href, at: where });
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        const external = kind === 'anchor' ? '' : ' target="_blank" rel="noopener noreferrer"';
        return `<a href="${escapeHtml(token.href)}"${title}${external}>${inner}</a>`;
      },
      codespan(token: Tokens.Codespan & { pandocRawFormat?: string }) {
        // Pandoc's raw inline (`` `<b>x</b>`{=html} ``): HTML is raw HTML, under the same rules as any; another output's goes, as Pandoc leaves it out.
        if (token.pandocRawFormat === 'html') {
          ctx.rawHtml = true;
          return token.text;
        }
        if (token.pandocRawFormat !== undefined) {
          bag.warn('W_PEER_SYNTAX', `a raw {=${token.pandocRawFormat}} inline is for another output and was left out`, { ...atToken(token.raw), hint: PEER_SYNTAX_HINT });
          return '';
        }
        // reveal.js's Markdown writes a formula in backticks (`` `$$ x^2 $$` ``) so Markdown leaves it alone, and its math plugin typesets it.
        const revealFormula = meta.peerTools.some((tool) => tool === 'reveal-md' || tool === 'reveal.js') ? /^(\$\$?)(?!\$)([\s\S]+?)\1$/.exec(token.text) : null;
        if (revealFormula) return math.renderFormula(revealFormula[2]!.trim(), revealFormula[1] === '$$');
        // Quarto's inline code runs when Quarto renders the deck (`{python} 2 + 2` shows 4), and R Markdown's `r 2 + 2` when knitr
        // knits it: here its source shows, without the engine's name.
        const knitted = rMarkdownFile();
        const inline = /^\{(?:python|r|julia|ojs)\}[ \t]+(\S[\s\S]*)$/.exec(token.text) ?? (quartoFile() || knitted ? /^r[ \t]+(\S[\s\S]*)$/.exec(token.text) : null);
        if (!inline) return quartoFile() && token.text.includes('{{{<') ? `<code>${escapeHtml(unescapeShortcodesInCode(token.text))}</code>` : false;
        bag.warn('W_PEER_SYNTAX', `inline code \`${truncate(token.text)}\` runs only when ${knitted && !quartoFile() ? 'knitr knits' : 'Quarto renders'} the deck; its source is shown`, { ...atToken(token.raw), hint: PEER_SYNTAX_HINT });
        return `<code>${escapeHtml(inline[1]!)}</code>`;
      },
      blockquote(token: Tokens.Blockquote) {
        // GitHub's alerts and Obsidian's callouts (`> [!NOTE]`) are callout boxes.
        const alert = renderAlert(token, this.parser.options, (tokens) => this.parser.parse(tokens), (tokens) => this.parser.parseInline(tokens));
        if (alert !== null) return alert;
        // Pandoc's slide shows: a list alone in a block quote steps in, or with `incremental` on shows at once (no quote is drawn).
        const blocks = token.tokens.filter((t) => t.type !== 'space');
        if (!pandocDeck() || blocks.length !== 1 || blocks[0]!.type !== 'list') return false;
        return this.parser.parse(blocks).replace(/<li>/g, ctx.incremental ? '<li class="nonincremental">' : '<li class="fragment">');
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        ctx.rawHtml = true;
        return math.typesetScripts(token.text);
      },
      // A code block: a chart, a raw block, a diagram, a cell, a formula or code (render-code-token.ts).
      code: (token: Tokens.Code) => renderCodeToken(token),
    },
    // Their windowed starts made one, so a line dense with one extension's opening is not looked along by every other at each.
    extensions: combineWindowedStarts([
      ...footnotes.extensions,
      emojiExtension,
      highlightMarkExtension,
      ...(meta.peerTools.includes('HackMD') ? [insertedTextExtension] : []),
      ...fancyListExtensions(pandocDeck),
      ...pandocBlockExtensions(crossRefs, (message, hint) => bag.warn('W_PEER_SYNTAX', message, { ...at(), hint: hint ?? PEER_SYNTAX_HINT }), (kind) => calloutTitle(kind, meta.quartoLanguage, englishLabels)),
      ...pandocScriptExtensions(pandocDeck),
      quartoShortcodeExtension(meta, peerSyntax),
      ...pandocInlineExtensions(
        (raw, ignored) => bag.warn('W_PEER_SYNTAX', `${meta.mdc ? 'MDC' : 'Pandoc'} attributes ${ignored.join(' ')} are not supported and were left out`, { ...atToken(raw), hint: PEER_SYNTAX_HINT }),
        meta.mdc === true,
        // An MDC deck is Slidev's, whose utility classes (`[word]{.text-blue-400}`) are the deck's rules too, as in its raw HTML.
        meta.mdc ? { has: (cls: string) => styleClasses.has(cls) || utilityClassPattern().test(cls) } : styleClasses,
      ),
      ...(meta.mdc ? [mdcInlineExtension(peerSyntax)] : []),
      ...(meta.peerTools.includes('Slidev') ? [slidevIconExtension(peerSyntax, images, atToken)] : []),
      wikiLinkExtension(peerSyntax),
      // LaTeX's text commands in a deck for Pandoc's Beamer output (`\textbf{…}`, `\alert{…}`): their text, set as they set it.
      ...(writtenForPandoc(meta.peerTools) ? [inlineTexExtension((raw) => bag.warn('W_PEER_SYNTAX', "Beamer's \\pause inside a line was left out, as Pandoc leaves it out of HTML; the rest of the slide shows at once", { ...atToken(raw), hint: 'put \\pause, or . . ., on a line of its own to step the slide there' }), (raw, name) => bag.warn('W_PEER_SYNTAX', `${latexOnlyLeftOut(name)}; its text stays`, { ...atToken(raw), hint: PEER_SYNTAX_HINT }))] : []),
      math.blockExtension,
      crossRefExtension(crossRefs, { active: crossRefDeck, report: (raw, message, hint) => bag.warn('W_LINK', message, { ...atToken(raw), hint }) }),
      // Pandoc's citations (citations.ts), read only in a deck with references, where the list of works cited goes too.
      ...(citations
        ? [
            citationExtension(citations.bibliography, citations.cited, (raw, id) => {
              const meant = suggestClosest(id, citations.bibliography.ids);
              bag.warn('W_CITATION', `no reference has the key ${id}; the citation shows as (${id}?)`, { ...atToken(raw), hint: meant ? `did you mean @${meant}?` : 'add the reference to the bibliography, or correct the key' });
            }, (raw) => {
              // Said once, at the first citation left as written.
              if (tooManyCitations) return;
              tooManyCitations = true;
              bag.warn('W_CITATION', `the deck has more than ${MAX_CITATIONS} different citations; this one and those after it are left as written`, { ...atToken(raw), hint: 'cite fewer works, or fewer pages of them, per deck' });
            }),
            referencesPlaceExtension(),
          ]
        : []),
      math.inlineExtension,
      math.backslashExtension,
    ]),
  });

  return {
    imageFilters,
    anchorLinks,
    englishLabels,

    /** Reads the link and footnote definitions the deck's slides make, each slide's lines apart, for a slide that refers to one made on another. */
    readDeckDefinitions(slides: readonly { file: SourceFile; lines: readonly Line[] }[]): void {
      deckLinks = readDeckLinkDefinitions(slides.map((slide) => slide.lines));
      footnotes.readDeck(slides);
    },

    /** Starts a slide (or its notes): footnote definitions are read from all of its lines, whichever part they are in. */
    beginSlide(lines: Line[]): void {
      footnotes.begin(lines);
      imageRenderer.beginSlide();
      htmlNotes = [];
    },

    /**
     * Ends a slide: the footnote list for its foot, numbered as its references were (empty when it has none),
     * and the speaker notes its raw HTML held as elements, taken out of the slide wherever they stood.
     */
    endSlide(file: SourceFile): { footnotes: string; notesHtml: string } {
      const listed = footnotes.end();
      const notesHtml = htmlNotes.join('\n');
      if (listed.length === 0) return { footnotes: '', notesHtml };
      const items = listed.map((note) => `<li>${this.renderInline(file, note.line, note.text, note.file)}</li>`);
      return { footnotes: `<ol class="footnotes">${items.join('')}</ol>\n`, notesHtml };
    },

    /**
     * Renders a title's inline Markdown (bold, italic, code, links, math) to HTML,
     * under the same link, image and raw-HTML rules as a slide body; `lineFile` is
     * the included file `line` is in, when it is not `file`.
     */
    renderInline(file: SourceFile, line: number, text: string, lineFile?: SourceFile): string {
      Object.assign(ctx, { file, line, lineFile, lines: text.split('\n').map((t, i) => ({ text: t, number: line + i, ...(lineFile ? { file: lineFile } : {}) })), index: 0, raw: text, cursor: 0, cursorLines: 0, rawHtml: false });
      let html: string;
      try {
        html = marked.parseInline(text) as string;
      } catch {
        return escapeHtml(text);
      }
      return finish(ctx.rawHtml ? cleanRawHtml(takeNotesOut(html)) : html);
    },

    /** Renders slide or notes Markdown lines to HTML, tracking source lines for messages. */
    render(file: SourceFile, lines: Line[], incremental: boolean, region?: StepRegion): { html: string; bulletCount: number; background?: MarpBackground } {
      ctx.file = file;
      ctx.rawHtml = false;
      ctx.background = undefined;
      if (lines.length === 0) return { html: '', bulletCount: 0 };
      const tooDeep = findExcessiveNesting(lines);
      if (tooDeep) {
        bag.error('E_MARKDOWN', `lists or quotes are nested more than ${MAX_NESTING} levels deep`, {
          ...locateLine(tooDeep, file),
          hint: 'flatten the structure; a slide cannot show that depth anyway',
        });
        return { html: '', bulletCount: 0 };
      }
      // Only a slide with markup is read for its depth: most have none, and this runs for every slide.
      const htmlTooDeep = lines.some((l) => l.text.includes('<')) ? findExcessiveHtmlNesting(joinLines(lines)) : undefined;
      if (htmlTooDeep !== undefined) {
        bag.error('E_MARKDOWN', HTML_TOO_DEEP.message, { ...locateLine(lineAt(lines, htmlTooDeep - 1), file), hint: HTML_TOO_DEEP.hint });
        return { html: '', bulletCount: 0 };
      }
      try {
        const rendered = renderTokens(file, lines, incremental, region);
        return ctx.background === undefined ? rendered : { ...rendered, background: ctx.background };
      } catch (err) {
        // marked overflows its stack on some hostile input; that is the input's problem, reported like one. So is a
        // slide whose HTML outgrows what a string holds: a long link reference or footnote copied at each of many uses.
        const tooLong = err instanceof RangeError && /invalid string length/i.test(err.message);
        bag.error('E_MARKDOWN', tooLong ? 'the slide grows too large to build: its HTML would be longer than a string can hold' : `the Markdown could not be parsed (${(err as Error).name})`, {
          ...locateLine(lines.find((l) => l.text.trim() !== '') ?? lines[0]!, file),
          hint: tooLong ? 'a link reference, abbreviation or footnote is copied wherever it is used: shorten the long ones, or use them less' : 'look for deeply nested lists or quotes, or long runs of brackets or asterisks',
        });
        return { html: '', bulletCount: 0 };
      }
    },
  };

  /**
   * Moves notes written as HTML elements out of raw HTML into the slide's notes, cleaned under the same rules
   * as the slide's own HTML: a sanitizer that keeps content would otherwise show them on the slide.
   */
  function takeNotesOut(html: string): string {
    const taken = takeHtmlNotes(html, MATH_MARK);
    for (const note of taken.notes) htmlNotes.push(finish(cleanRawHtml(note)).trim());
    return taken.html;
  }

  /** Cleans raw HTML under the deck's rules (a trusted author's kept, minus what navigates or frames; anyone else's sanitized), reporting nothing. */
  function cleanRawHtml(html: string): string {
    const ignore = () => undefined;
    return meta.html ? stripNavigationAndFrames(html, ignore) : sanitizeFragment(html, ignore, undefined, styleClasses);
  }

  /** The last steps of every fragment: quotes, dashes and ellipses are set before math goes back in, so TeX is never touched; math goes in after sanitising, since KaTeX's markup is ours and needs the inline styles a sanitizer would strip. */
  function finish(html: string): string {
    return math.putBack(meta.smartypants ? typesetHtml(html, meta.lang) : html);
  }

  function renderTokens(file: SourceFile, lines: Line[], incremental: boolean, region?: StepRegion): { html: string; bulletCount: number } {
    // A region that says how deep its lists step in, or how many items at a click, marks its items as they render.
    const stepped = incremental && (region?.depth !== undefined || region?.every !== undefined) ? { depth: region.depth ?? Infinity, every: region.every ?? 1 } : undefined;
    const tokens = SetextAwareLexer.lexBlocks(joinLines(lines), marked.defaults, deckLinks);
    let index = 0;
    let html = '';
    let bulletCount = 0;
    const htmlLines: Line[] = [];
    ctx.incremental = incremental;
    for (const [at, token] of (tokens as Token[]).entries()) {
      const line = lineAt(lines, index);
      ctx.line = line.number;
      ctx.lineFile = line.file;
      ctx.lines = lines;
      ctx.index = index;
      ctx.raw = token.raw;
      ctx.cursor = 0;
      ctx.cursorLines = 0;
      const before: boolean = ctx.rawHtml;
      ctx.rawHtml = false;
      if (token.type === 'paragraph' && pandocDeck()) markImplicitFigure(token as Tokens.Paragraph);
      if (stepped && token.type === 'list') stepListItems(token as Tokens.List, stepped.depth, stepped.every);
      if (token.type === 'code' && quartoFile() && hasAnnotationList(tokens as Token[], at)) (token as CodeToken).quartoAnnotated = true;
      const part = marked.parser([token]);
      // Marp steps in a list written with `*` markers, or numbered `1)`, its "fragmented lists"; `-`, `+` and `1.` lists show at once.
      html += meta.peerTools.includes('Marp') && token.type === 'list' && /^[ \t]*(?:\*|\d{1,9}\))[ \t]/.test(token.raw) ? part.replace(/<li>/g, '<li class="fragment">') : part;
      if (ctx.rawHtml) htmlLines.push(line);
      ctx.rawHtml ||= before;
      // Pandoc's lettered, Roman and example lists (fancy-lists.ts) count towards the budget as any list does.
      if (token.type === 'list' || token.type === 'fancyList') bulletCount += (token as Tokens.List).items.length;
      index += countNewlines(token.raw);
    }
    // reveal's `<!-- .element: class="fragment" -->` comments become attributes before comments are dropped.
    if (ctx.rawHtml) html = takeNotesOut(applyElementDirectives(html, MATH_MARK));
    if (ctx.rawHtml) html = cleanSlideRawHtml(html, { file, lines, htmlLines, trusted: meta.html, images, bag, styleClasses, anchorLinks, peerHint: PEER_SYNTAX_HINT, rootedIn: readRootedPathsIn(meta.peerTools, file.path), ownFilePictures, slidevIcons: meta.peerTools.includes('Slidev') });
    // Every item steps in, at every depth, unless the region said how deep (its items are marked as they render).
    if (incremental && !stepped) html = html.replace(/<li>/g, '<li class="fragment">');
    return { html: finish(html), bulletCount };
  }
}
