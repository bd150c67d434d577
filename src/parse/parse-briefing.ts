import { readQuartoProject, readQuartoVariables } from './dialects/quarto-project.js';
import { readRevealMdConfig } from './dialects/reveal-md-config.js';
import path from 'node:path';
import { DiagnosticBag } from '../errors.js';
import { HTML_DECK, NOTEBOOK, SLIDE_SIZES, type Briefing, type BriefingMeta, type ChartRef, type ImageRef, type LoadedBriefing, type Section, type Slide, type SourceFile, type SpeakerNotes } from '../model.js';
import { DARK_THEMES, isCustomTheme } from '../themes.js';
import { readByPandoc, readByPandocItself, readRootedPathsIn, writtenForAnotherTool } from '../written-for.js';
import { fillSlidevPageNumbers } from './dialects/slidev.js';
import { applyHeadmatterToFirstSlide } from './dialects/slidev-headmatter.js';
import { applySlideDefaults, withFirstSlideDefaults } from './dialects/slidev-defaults.js';
import { fillSlidevToc } from './dialects/slidev-toc.js';
import { placeAfterClicks } from './dialects/slidev-after.js';
import { arrangeMarpBackgrounds, numberMarpPages, settleFrontMatterClasses, type MarpCarried } from './dialects/marp.js';
import { createMarpCommentReader, readMarpGlobalComments } from './dialects/marp-comments.js';
import { applyDecksetSettings, takeDecksetSettings } from './dialects/deckset.js';
import { rewriteMdxBodies } from './dialects/mdx.js';
import { readKnitrEchoDefault } from './dialects/knitr-defaults.js';
import { dropMdpCentring } from './dialects/mdp.js';
import { writeGitPitchCodeSteps } from './dialects/gitpitch.js';
import { readsAsPresentermBody, readsAsPresentermFrontMatter, writePresentermTitles } from './dialects/presenterm.js';
import { orderPresentermColumns } from './dialects/presenterm-columns.js';
import { readsAsRevealHugoBody, rewriteRevealHugoDeck } from './dialects/reveal-hugo.js';
import { cutSlides } from './cut-slides.js';
import { countDeckHeadings, titlesSlidesAtRules } from './headings.js';
import { ALL_DASHES, DASHES_BUT_SEPARATOR, writeDeckSetextHeadings } from './setext-headings.js';
import type { FoundStyle, RawSlide } from './raw-slide.js';
import { readSlideLines } from './read-slide-lines.js';
import { renderSteps } from './build-steps.js';
import { hasText, joinLines, type Line } from './source-lines.js';
import { blankFencedCode } from './read-fences.js';
import { applyMarpCommentGlobals, parseMeta, warnPeerKeyLeftOut, type DeckText, type MetaSource } from './parse-meta.js';
import { releasePeerThemeFile } from './settle-theme.js';
import { splitFrontMatter } from './split-front-matter.js';
import { createMarkdownRenderer, PEER_SYNTAX_HINT } from './render-markdown.js';
import { resolveImagePath } from './resolve-references.js';
import { addEnglishCaptionWords, reportEnglishLabels } from './dialects/pandoc/quarto-language.js';
import { readMarpConfig } from './dialects/marp-config.js';
import { readHugoSection } from './dialects/hugo-section.js';
import { numberCrossRefs } from './dialects/pandoc/cross-refs.js';
import { toPlainText } from './plain-text.js';
import { finishLook } from './dialects/reveal.js';
import { resolveDateKeyword } from './dialects/meta-values.js';
import { escapeHtml, stripHtmlComments } from '../html-text.js';
import { expandIncludes } from '../include-paths.js';
import { readBibliography } from './bibliography.js';
import { placeWorksCited } from './place-works-cited.js';
import { readStyleClasses, scopeAuthorStyles } from './author-styles.js';
import { gatherDeckStyles, placeAuthorStyles } from './deck-style-sheets.js';
import { createStylePicturePlacer } from './style-pictures.js';
import { displayRoot, orderFiles, readFileFrontMatter } from './folder-files.js';
import { readRevealHtmlDeck, readRevealSectionsBody } from './dialects/reveal-html.js';
import { expandRemarkLayouts, reportRemarkLayouts } from './dialects/remark-layouts.js';
import { readNotebook } from './dialects/jupyter.js';
import { stretchLonePicture, stretchesLonePictures } from './dialects/pandoc/auto-stretch.js';
import { admitSlideUtilities, writeUtilityCss } from './dialects/uno-utilities.js';
import { NUMBERED_TOOLS, UNNUMBERED_TOOLS, createLineRewriter, cutsAtSeparators, readCommentsAs, recognisePeerTools } from './peer-tools.js';
import { shareWidths } from './column-widths.js';
import { generateMetaSlides, readLogo } from './generated-slides.js';
import { linkSlideAnchors } from './slide-anchors.js';
import { joinHeadingAttributeLines } from './dialects/pandoc/heading-attribute-lines.js';
import { openKnitrVerbatimFences } from './dialects/knitr-verbatim.js';
import { appendAll } from '../append-all.js';
import { findKeySource } from './key-source.js';
import { createChromeText, settleChromeText } from './chrome-text.js';

/** Turns loaded source text into the typed Briefing model; every problem is collected in `bag`. */
export function parseBriefing(loaded: LoadedBriefing, bag: DiagnosticBag): Briefing {
  let metaSource: MetaSource | undefined;
  /** Tools a single file's own reader tells the deck was written for (a notebook's slideshow). */
  let bodyTools: string[] = [];
  /** What a single file's own settings set under its front matter (a notebook's RISE options). */
  let fileSettings: ((meta: BriefingMeta) => void) | undefined;
  const bodies: { file: SourceFile; text: string; firstLine: number; lineNumbers?: number[] }[] = [];
  // Quarto's includes, Slidev's imports and reveal's Markdown files, read by the load stage, by their path in the briefing folder.
  const includes = new Map((loaded.includedFiles ?? []).map((f) => [f.relPath, f]));
  if (loaded.singleFile) {
    const file = loaded.markdownFiles[0]!;
    const split: DeckText = NOTEBOOK.test(file.path) ? readNotebook(file, bag) : HTML_DECK.test(file.path) ? readRevealHtmlDeck(file, includes, bag) : splitFrontMatter(file, bag);
    // A Markdown file of reveal.js sections (a Jekyll or Hugo page for a reveal layout) is read as a reveal.js page's slides.
    const sections = split.tools === undefined && !HTML_DECK.test(file.path) ? readRevealSectionsBody(file, split.body, split.bodyLine, includes, bag) : null;
    if (sections) Object.assign(split, sections);
    metaSource = split.meta;
    fileSettings = split.beneath;
    bodyTools = split.tools ?? [];
    bodies.push({ file, text: split.body, firstLine: split.bodyLine, lineNumbers: split.lineNumbers });
  } else if (loaded.metaFile) {
    metaSource = { file: loaded.metaFile, yaml: loaded.metaFile.text, firstLine: 1 };
  }
  // A folder of a Hugo section (reveal-hugo's presentation of several pages): its _index.md's front matter is the deck's.
  const hugoSection = loaded.singleFile || loaded.metaFile ? undefined : readHugoSection(loaded.markdownFiles, bag);
  metaSource ??= hugoSection?.metaSource;
  const fallbackMetaFile = loaded.singleFile ? loaded.markdownFiles[0]!.path : path.join(displayRoot(loaded), 'briefing.yml');
  // A presenterm deck is known by its body before its front matter is read: its keys are everyday words (`authors`, `options`).
  const presenterm = bodies.some((b) => readsAsPresentermBody(b.text) && readsAsPresentermBody(blankFencedCode(b.text))) || readsAsPresentermFrontMatter(metaSource?.yaml ?? '');
  /** The tools the body shows the deck was written for, asked by parseMeta of a key no tool has (a Pandoc template's variable). */
  const toolsOfBody = (keyOfNoTool = false) => {
    const found = [...bodyTools];
    recognisePeerTools(found, bodies.map((b) => expandIncludes(b.text, [b.file.relPath], includes)), bodies.map((b) => b.file.path), { headingAttributes: keyOfNoTool });
    return found;
  };
  const themeSheets = new Map((loaded.themeSheets ?? []).map((sheet) => [sheet.name, sheet]));
  const revealMd = readRevealMdConfig(loaded.projectMetaFiles ?? [], bag, themeSheets);
  const marpConfig = readMarpConfig(loaded.projectMetaFiles ?? [], bag, themeSheets);
  const quarto = readQuartoProject(loaded.projectMetaFiles ?? [], metaSource?.yaml ?? '', bag);
  const beneath = (meta: BriefingMeta) => (quarto.beneath?.(meta), revealMd.beneath?.(meta), marpConfig.beneath?.(meta), fileSettings?.(meta));
  // A reveal.js page's metadata is written from its own title and options (reveal-html.ts): read as the page's, so its slide numbers are reveal's, not a sign of Quarto.
  const { meta, location } = parseMeta(metaSource, fallbackMetaFile, bag, [...(presenterm ? ['presenterm'] : []), ...revealMd.tools, ...marpConfig.tools, ...bodyTools.filter((tool) => tool === 'reveal.js')], toolsOfBody, themeSheets, beneath);
  for (const tool of bodyTools) if (!meta.peerTools.includes(tool)) meta.peerTools.push(tool);
  resolveDateKeyword(meta, loaded);
  const variables = loaded.projectMetaFiles && readQuartoVariables(loaded.projectMetaFiles, bag);
  if (variables) meta.quartoVariables = variables;
  if (!loaded.singleFile) {
    for (const file of orderFiles(loaded.markdownFiles, loaded.nestedMarkdownFiles ?? [], meta.files, location, bag, (i) => meta.keyLines[`files[${i}]`])) {
      if (hugoSection) continue;
      // A file written for another tool may open with its own front matter: it tells which tool, and is never a slide.
      const own = readFileFrontMatter(file, meta, bag);
      bodies.push(own ?? { file, text: file.text, firstLine: 1 });
    }
    if (hugoSection) appendAll(bodies, hugoSection.bodies);
  }

  // The deck-wide prescans below read each file with its Quarto includes in place, as the deck will read it.
  let scanned = bodies.map((b) => expandIncludes(b.text, [b.file.relPath], includes));
  recognisePeerTools(meta.peerTools, scanned, bodies.map((b) => b.file.path));
  if (metaSource) releasePeerThemeFile(meta, findKeySource(meta, 'theme', { file: metaSource.file.path, line: location.line }), bag);
  // Marp's global directives may stand in any comment of the deck, and set it as its front matter would, before it is cut.
  const readMarpComment = createMarpCommentReader();
  if (meta.peerTools.includes('Marp')) applyMarpCommentGlobals(meta, bodies.flatMap((body) => readMarpGlobalComments(body, readMarpComment)), bag, themeSheets);
  // An MDX deck's modules, head and comments go, its <Notes> are reveal's notes and its <Appear> a step, line for line.
  if (meta.peerTools.includes('MDX')) rewriteMdxBodies(bodies, bag);
  // reveal-hugo's shortcodes: its sections stacks, notes reveal's, fragments steps, slide settings reveal's, line for line; in a deck for another tool, its own only.
  const hugo = meta.peerTools.includes('reveal-hugo');
  for (const body of bodies.filter((b) => hugo || readsAsRevealHugoBody(b.text))) {
    const rewritten = rewriteRevealHugoDeck(body.text, !hugo);
    body.text = rewritten.text;
    for (const w of rewritten.warnings) bag.warn('W_PEER_SYNTAX', w.message, { file: body.file.path, line: body.lineNumbers?.[w.index] ?? body.firstLine + w.index, hint: PEER_SYNTAX_HINT });
  }
  // presenterm's titles are setext headings, written as ATX ones before the deck is cut (in its includes too), and its columns' parts in their columns' order (presenterm-columns.ts).
  for (const body of meta.peerTools.includes('presenterm') ? bodies : []) {
    body.text = writePresentermTitles(body.text, meta.presentermOptions);
    Object.assign(body, orderPresentermColumns(body.text, (i) => body.lineNumbers?.[i] ?? body.firstLine + i));
  }
  for (const [relPath, f] of meta.peerTools.includes('presenterm') ? includes : []) if (f.file) includes.set(relPath, { ...f, file: { ...f.file, text: writePresentermTitles(f.file.text, meta.presentermOptions) } });
  // Other decks' setext headings too (setext-headings.ts): text over `---` is one where a parser reads the deck before it is cut.
  for (const body of meta.peerTools.includes('mdp') ? bodies : []) body.text = dropMdpCentring(body.text);
  const dashes = readByPandoc(meta.peerTools, bodies.map((b) => b.file.path)) || meta.peerTools.includes('Marp') || meta.peerTools.includes('mdp') ? ALL_DASHES : meta.revealSeparatorLines ? () => false : DASHES_BUT_SEPARATOR;
  if (!meta.peerTools.includes('presenterm') && writeDeckSetextHeadings(bodies, includes, dashes)) scanned = bodies.map((b) => expandIncludes(b.text, [b.file.relPath], includes));
  // GitPitch's code steps after a block light its lines, written onto its fence before the deck is cut.
  for (const body of meta.peerTools.includes('GitPitch') ? bodies : []) {
    const stepped = writeGitPitchCodeSteps(body.text);
    body.text = stepped.text;
    for (const i of stepped.captioned) bag.warn('W_PEER_SYNTAX', "GitPitch's captions of code steps are left out; the steps light their lines", { file: body.file.path, line: body.lineNumbers?.[i] ?? body.firstLine + i, hint: PEER_SYNTAX_HINT });
  }
  if (meta.peerTools.includes('Deckset')) {
    for (const body of bodies) {
      const taken = takeDecksetSettings(body.text, body.firstLine);
      body.text = taken.text;
      for (const s of applyDecksetSettings(taken.settings, meta)) bag.warn('W_META_IGNORED', `"${s.key}" is Deckset's setting; briefdeck ignores it`, { file: body.file.path, line: s.line, hint: 'remove it, or keep it for the deck to stay usable in Deckset' });
    }
  }
  // Marp numbers no page unless `paginate: true` asks it to, nor Deckset without `slidenumbers: true`, nor reveal.js and the
  // tools built on it (Quarto, Pandoc, reveal-md, Slidev, …) without `slideNumber` or `slide-number`: a deck of theirs whose
  // settings do not shows none, as in its tool (a slide's own `<!-- paginate: true -->` still numbers it and those after it).
  // A folder with a briefing.yml is briefdeck's own deck, whatever syntax its sections borrow: its slides keep their numbers.
  const numbersUnasked = !meta.pageNumbersSet && ['paginate', 'slide-number', 'slidenumbers'].every((key) => meta.keyLines[key] === undefined);
  const numberless = meta.peerTools.some((tool) => UNNUMBERED_TOOLS.has(tool)) && !meta.peerTools.some((tool) => NUMBERED_TOOLS.has(tool));
  if (loaded.metaFile === undefined && numbersUnasked && numberless) meta.pageNumbers = false;
  // No tool repeats the section's name or the deck's title under every slide, as briefdeck's footer does: their decks show only the footer they give.
  if (loaded.metaFile === undefined && meta.peerTools.length > 0) meta.footerGivenOnly = true;
  const rawSlides: RawSlide[] = [];
  // Pandoc's rule when `slideLevel` is not set: with no `##` headings but several `#` ones, `#` titles the slides.
  const headings = countDeckHeadings(scanned);
  // Marp, Slidev and reveal-md cut slides at `---` only (and Marp at the headings its `headingDivider` names), and a slide's first heading is its title.
  const separatorTool = cutsAtSeparators(meta.peerTools);
  // Pandoc itself (not Quarto or R Markdown, whose formats set level 2) takes the highest heading level some heading of which is followed
  // at once by content: a `#` with text under it makes every `#` a slide. So does a plain deck cut at a ruler before each `#` (headings.ts).
  const pandocItself = readByPandocItself(meta.peerTools, bodies.map((b) => b.file.path));
  const slideLevel = meta.slideLevel ?? (separatorTool ? 'separator' : (headings.h2 === 0 && headings.h1 > 1) || (pandocItself && headings.h1BeforeContent) || (meta.plain === true && titlesSlidesAtRules(headings)) ? 1 : 2);
  // Marp and Slidev write notes as HTML comments; which comments count depends on the tool the deck was written for.
  const commentNotes = readCommentsAs(meta.peerTools, bodies.map((b) => b.text));
  // Slidev sets a slide's text at 1.1rem of its 980px canvas, 23px at briefdeck's width: its decks are written for type a step below briefdeck's.
  if (meta.peerTools.includes('Slidev') && meta.keyLines.smaller === undefined) meta.smaller = true;
  /** Warns, at a line of `file`, of another tool's syntax that is left out. */
  const peerWarning = (file: string) => (line: number, message: string, from?: SourceFile) => bag.warn('W_PEER_SYNTAX', message, { file: from?.path ?? file, line, hint: PEER_SYNTAX_HINT });
  // Marp's look directives hold from the slide that sets them on, from the front matter's for the first.
  const marpCarried: MarpCarried = { ...meta.slideDefaults, ...(meta.marpFirstSlide && metaSource ? { firstSlide: meta.marpFirstSlide.map((d) => ({ ...d, file: metaSource!.file })) } : {}) };
  const styles: FoundStyle[] = [];
  // The deck's style sheets (Marp's `style:`, the metadata's `css:` files); a class the deck's styles give the slide (`section.big`) is one a slide may take.
  const themeSheet = meta.themeSheet ? themeSheets.get(meta.themeSheet.name)!.file : undefined;
  const deckStyles = gatherDeckStyles(meta, themeSheet, metaSource?.file ?? (meta.styleSheets ? loaded.markdownFiles[0] : undefined), loaded.metadataFiles ?? [], (line, message, hint, file) => bag.warn('W_STYLE', message, { file: file ?? metaSource?.file.path ?? location.file, line, hint: hint ?? 'keep the style sheet in the briefing folder and name it by its path from the metadata' }));
  const { slide: authorClasses, element: elementClasses } = admitSlideUtilities(readStyleClasses(scanned, deckStyles.map((style) => style.css).join('\n') || undefined, commentNotes !== 'none'), meta.peerTools.includes('Slidev'));
  if (meta.marpClass) {
    const { classes, ignored } = settleFrontMatterClasses(meta.marpClass.written, authorClasses);
    if (classes) marpCarried.class = (meta.slideDefaults ??= {}).class = classes;
    warnPeerKeyLeftOut(bag, 'class', 'Marp', ignored.length === 0 || (classes ? ignored : false), { file: location.file, line: meta.marpClass.line });
  }
  // A deck Pandoc reads (not xaringan's, which remark reads in the browser): Markdown inside a <div> (in a Markdown file, not one a
  // page or notebook reader wrote, whose HTML is output), no agenda unless asked.
  const pandocFamily = readByPandoc(meta.peerTools, bodies.map((b) => b.file.path));
  // Slidev's headmatter that names a file (`src:`) makes the first slide that file's slides, as a slide's own `src:` does.
  const headmatterSlide = meta.firstSlideKeys?.some((key) => /^src:/.test(key.text)) && meta.peerTools.includes('Slidev') && metaSource?.file === bodies[0]?.file ? meta.firstSlideKeys.map((key) => ({ text: key.text, number: key.line })) : undefined;
  if (headmatterSlide) delete meta.firstSlideKeys;
  // Cross-references are numbered from the whole deck's text; Quarto's number-sections writes the same section numbers before the headings as the cut reads them.
  const numberedRefs = numberCrossRefs(scanned, pandocFamily && meta.numberSections === true, meta.crossRefWords, meta.quartoLanguage);
  const sectionCounts = pandocFamily && meta.numberSections === true && numberedRefs.sectionTop !== undefined ? { top: numberedRefs.sectionTop, counters: [] } : undefined;
  for (const body of bodies) {
    // remark's layout slides are drawn under the slides after them, line by line, before the deck is cut.
    const laidOut = meta.peerTools.includes('remark') ? expandRemarkLayouts(body.text, (i) => body.lineNumbers?.[i] ?? body.firstLine + i) : null;
    if (laidOut) reportRemarkLayouts(laidOut, (line, message, hint) => bag.warn('W_PEER_SYNTAX', message, { file: body.file.path, line, hint }));
    const { text: written, lineNumbers } = laidOut ?? body;
    // Pandoc reads a heading's attributes over several lines; briefdeck, a line at a time, gets them on one.
    // knitr's `` `r ''` `` before a fence (a chunk shown, not run) is gone once knitr has knitted an R Markdown file.
    const knitr = meta.peerTools.includes('R Markdown') || /\.rmd$/i.test(body.file.path);
    const knitted = knitr ? openKnitrVerbatimFences(written) : written;
    // knitr's defaults for every chunk after, set in a setup chunk (RStudio's template's `knitr::opts_chunk$set(echo = FALSE)`).
    if (knitr) meta.cellEcho ??= readKnitrEchoDefault(written);
    const text = pandocFamily ? joinHeadingAttributeLines(knitted) : knitted;
    appendAll(rawSlides, cutSlides(body.file, text, body.firstLine, { ...(headmatterSlide && body === bodies[0] ? { headmatterSlide } : {}), lineNumbers, slideDefaults: meta.slideKeyDefaults, slideLevel, separatorLines: meta.revealSeparatorLines, slideWidth: SLIDE_SIZES[meta.size].width, commentNotes, warn: peerWarning(body.file.path), headingDivider: meta.headingDivider, marpCarried, readMarpComment, includes, ...(meta.peerTools.includes('GitPitch') ? { includeNamed: "GitPitch's ---?include=" } : meta.peerTools.includes('presenterm') ? { includeNamed: "presenterm's include" } : {}), mdc: meta.mdc === true, tableOfContents: meta.peerTools.includes('HackMD'), ...(meta.peerTools.includes('MDX') ? { componentsOf: 'MDX, React' } : {}), darkTheme: DARK_THEMES.has(meta.theme) || (isCustomTheme(meta.theme) && meta.darkScheme === true), styles, authorClasses, styleClasses: elementClasses, rewriteLine: createLineRewriter(meta.peerTools, meta.presentermOptions), commentCommands: meta.peerTools.includes('presenterm') || meta.peerTools.includes('patat'), readByPandoc: pandocFamily && lineNumbers === undefined, ...(sectionCounts ? { sections: sectionCounts } : {}) }));
  }
  // Slidev's defaults: the first slide's front matter is the headmatter, so they join its keys; the other slides' come after.
  if (meta.slideKeyDefaults && !headmatterSlide && !bodyTools.includes('reveal.js')) meta.firstSlideKeys = withFirstSlideDefaults(meta.firstSlideKeys, meta.slideKeyDefaults);
  // Slidev's headmatter sets its first slide too: its layout and class go before that slide's content, as its own front matter would.
  // A page of reveal.js sections is a site generator's (Jekyll's, Hugo's): its `layout:` names the page's template, not a slide's.
  if (meta.firstSlideKeys && bodyTools.includes('reveal.js')) {
    for (const key of meta.firstSlideKeys) bag.warn('W_META_IGNORED', `"${key.text.split(':')[0]}" of a page of reveal.js sections is its site generator's (Jekyll's, Hugo's); briefdeck ignores it`, { file: metaSource!.file.path, line: key.line, hint: 'remove it, or keep it for the site to stay as it is' });
    delete meta.firstSlideKeys;
  }
  if (meta.firstSlideKeys && rawSlides[0] && metaSource) {
    const keys = meta.firstSlideKeys;
    const warn = peerWarning(metaSource.file.path);
    applyHeadmatterToFirstSlide(rawSlides[0], keys, warn);
  }
  if (meta.slideKeyDefaults && metaSource) applySlideDefaults(rawSlides, meta.slideKeyDefaults, peerWarning(metaSource.file.path));
  // Unless a reader has said why already (a reveal.js page without slides).
  if (rawSlides.length === 0 && bag.errors.length === 0) {
    const first = loaded.markdownFiles[0];
    bag.error('E_NO_SLIDES', 'the briefing has no slides', {
      file: first?.path ?? displayRoot(loaded),
      line: first ? 1 : undefined,
      hint: first ? 'start a slide with a `## Heading` line, or a section with `# Heading`' : 'add a Markdown file (for example 01-context.md) to the briefing folder',
    });
  }

  const images: ImageRef[] = [];
  const charts: ChartRef[] = [];
  // Pandoc's citations: formatted from the deck's references, each key kept in the order first cited, for the list of works cited.
  const cited = new Set<string>();
  const bibliography = meta.citations && metaSource ? readBibliography(meta.citations, loaded.metadataFiles ?? [], metaSource.file.relPath, meta, (message, hint, at) => bag.warn('W_CITATION', message, { file: at?.file ?? meta.keyFiles?.citations ?? metaSource!.file.path, line: at?.line ?? meta.citations!.line, hint })) : null;
  // A work cited only in speaker notes is formatted there but not listed: the list is slide content, and a handout must not tell what the notes cite.
  let inNotes = false;
  const citations = bibliography ? { bibliography, cited: (id: string) => void (inNotes || cited.add(id)) } : undefined;
  const markdown = createMarkdownRenderer(meta, images, bag, charts, numberedRefs.refs, citations, elementClasses);
  // Link and footnote definitions count for the whole deck (Markdown keeps them at a file's end), a slide's own first;
  // not those in speaker notes, whose words must never reach a slide.
  markdown.readDeckDefinitions(rawSlides.map((raw) => ({ file: raw.file, lines: raw.body })));
  // The title, header and footer as plain text (chrome-text.ts); Deckset's footer is a setting at the top of its file, which has no front matter.
  const chromeText = createChromeText(markdown, bag);
  settleChromeText(meta, metaSource?.file ?? bodies[0]?.file, location.line, chromeText, bag, loaded.projectMetaFiles);
  const slides: Slide[] = [];
  const sections: Section[] = [];
  const push = (slide: Omit<Slide, 'number'>) => {
    const numbered = { ...slide, number: slides.length + 1 };
    slides.push(numbered);
    return numbered;
  };

  const logo = readLogo({ meta, metaSource, images, bag });
  generateMetaSlides({ meta, metaSource, location, images, bag, push, bottomLineNotes: () => renderMetaNotes(meta.bottomLineNotes, meta.keyLines.bottomLineNotes), hasSections: rawSlides.some((s) => s.kind === 'section'), pandocFamily });

  /** Renders a slide's speaker notes, with footnotes of their own. */
  function renderNotes(file: SourceFile, lines: Line[]): SpeakerNotes {
    markdown.beginSlide(lines);
    inNotes = true;
    const html = markdown.render(file, lines, false).html;
    const ending = markdown.endSlide(file);
    inNotes = false;
    return { markdown: joinLines(lines).trim(), html: html + ending.footnotes + ending.notesHtml };
  }

  /** Renders notes written in the metadata, such as `bottomLineNotes:`, with the same Markdown rules as slide notes. */
  function renderMetaNotes(text: string | undefined, line: number | undefined): SpeakerNotes | null {
    if (!text?.trim() || !metaSource) return null;
    const lines = text.split('\n').map((t, i) => ({ text: t, number: (line ?? location.line) + i }));
    inNotes = true;
    const html = markdown.render(metaSource.file, lines, false).html;
    inNotes = false;
    return { markdown: text.trim(), html };
  }

  // A section's name as the footer shows it: its heading's inline Markdown, as plain text.
  const sectionNames = new Map<string, string>();
  const plainSection = (markdown: string) => sectionNames.get(markdown) ?? markdown;

  /** Slides Marp's `paginate: hold` or `skip` leaves out of the page count. */
  const uncounted = new Set<Slide>();
  const slideOf = new Map<RawSlide, Slide>();
  const slideIds = new Map<Slide, string>();
  /** The file the slide before came from: a vertical separator stacks a slide under one of its own file only. */
  let previousFile: SourceFile | undefined;
  for (const raw of rawSlides) {
    // Where the slide starts: in its file, or in the file an include there names.
    const slideSource = { file: (raw.from ?? raw.file).path, line: raw.line };
    // Footnotes are numbered per slide, and their definitions may sit in any column or step of it.
    markdown.beginSlide(raw.body);
    // A comment in a heading is never its text: Marp's `# <!--fit--> Title` (Deckset's `# [fit]`) asks for the heading to
    // fill its line, which reveal's own fitting of the r-fit-text class does.
    const titleText = raw.title === null ? null : markdown.renderInline(raw.file, raw.line, stripHtmlComments(raw.title).trim(), raw.from);
    const titleHtml = titleText !== null && /<!--[ \t]*fit[ \t]*-->/i.test(raw.title!) ? `<span class="r-fit-text">${titleText}</span>` : titleText;
    if (raw.kind === 'section' && titleHtml !== null) sectionNames.set(raw.title!, toPlainText(titleHtml));
    const read = readSlideLines(raw, { incremental: meta.incremental, authorClasses, bag, slideSource });
    const { layout, layoutLine, incremental, columnLines, columnWidths, leadLines, leadSteps, tailLines, tailSteps, steps, slideId, uncounted: uncountedHere, backgroundSource, footerLines, footerWritten } = read;
    let look = read.look;
    const imageStart = images.length;
    // reveal's data-background-image: confined and inlined like any image, and decorative, so no alt text is asked of it.
    if (backgroundSource) {
      const where = backgroundSource.at;
      const relPath = resolveImagePath(backgroundSource.src, raw.file, where, bag, 'background image', writtenForAnotherTool(meta) ? 'leave out' : 'error', readRootedPathsIn(meta.peerTools, raw.file.path));
      if (relPath !== null) {
        images.push({ src: backgroundSource.src, relPath, alt: '', source: where, decorative: true });
        look = { ...look, backgroundImage: images.length - 1 };
      }
    }
    const lead = leadLines === null ? null : renderSteps(leadLines, leadSteps, (part, region) => markdown.render(raw.file, part, region?.incremental ?? incremental, region));
    const rendered = columnLines.map((lines, c) => renderSteps(lines, steps[c]!, (part, region) => markdown.render(raw.file, part, region?.incremental ?? incremental, region)));
    const tail = tailLines === null ? null : renderSteps(tailLines, tailSteps, (part, region) => markdown.render(raw.file, part, region?.incremental ?? incremental, region));
    // Marp's `![bg](…)`: the image the renderer took for the slide's background, or several side by side (marp.ts).
    const firstBackground = rendered.find((r) => r.background !== undefined)?.background;
    if (firstBackground) {
      const arranged = arrangeMarpBackgrounds(rendered.map((r) => r.html), firstBackground, escapeHtml(images[firstBackground.image]!.alt));
      arranged.parts.forEach((html, i) => (rendered[i]!.html = html));
      if (arranged.background !== undefined) look = { ...look, backgroundImage: arranged.background, ...(firstBackground.size ? { backgroundSize: firstBackground.size } : {}), ...(firstBackground.filter !== undefined ? { backgroundFilter: firstBackground.filter } : {}) };
    }
    // The slide's footnotes go under its content: after what spans the columns below them, or its last column.
    const ending = markdown.endSlide(raw.file);
    if (ending.footnotes) (tail ?? rendered.at(-1)!).html += ending.footnotes;
    // Slidev's clicks step in where Slidev places them, wherever on the slide they are (slidev-after.ts).
    const placed = placeAfterClicks([lead?.html ?? '', ...rendered.map((r) => r.html), tail?.html ?? ''], meta.peerTools.includes('Slidev'));
    if (lead) lead.html = placed[0]!;
    rendered.forEach((r, i) => (r.html = placed[i + 1]!));
    if (tail) tail.html = placed.at(-1)!;
    const body = { html: (lead?.html ?? '') + rendered.map((c) => c.html).join('') + (tail?.html ?? ''), bulletCount: (lead?.bulletCount ?? 0) + rendered.reduce((n, c) => n + c.bulletCount, 0) + (tail?.bulletCount ?? 0) };
    const written = raw.notes && hasText(raw.notes) ? renderNotes(raw.file, raw.notes) : null;
    // Notes written as HTML elements in the slide (`<aside class="notes">` mid-line, Pandoc's `<div class="notes">`) join them.
    const notes: SpeakerNotes | null = ending.notesHtml
      ? { markdown: [written?.markdown, toPlainText(ending.notesHtml)].filter(Boolean).join('\n\n'), html: [written?.html, ending.notesHtml].filter(Boolean).join('\n') }
      : written;
    const footerText = hasText(footerLines) ? toPlainText(markdown.renderInline(raw.file, footerLines[0]!.number, footerLines.map((l) => l.text.trim()).join(' '), footerLines[0]!.file)).trim() : footerWritten ? '' : undefined;
    const slide = push({
      kind: raw.kind,
      layout,
      title: titleHtml === null ? null : toPlainText(titleHtml).trim(),
      ...(raw.titleLevel !== undefined && titleHtml !== null ? { titleLevel: raw.titleLevel } : {}),
      titleHtml,
      bodyHtml: rendered.length === 1 && !look?.className?.split(' ').includes('nostretch') && stretchesLonePictures(meta, raw.file.path) ? stretchLonePicture(body.html) : body.html,
      columns: rendered.length > 1 ? rendered.map((c) => c.html) : null,
      ...(lead && rendered.length > 1 ? { columnsLead: lead.html } : {}),
      ...(tail && rendered.length > 1 ? { columnsTail: tail.html } : {}),
      ...(rendered.length > 1 && columnWidths.some((w) => w !== undefined) ? { columnWidths: shareWidths(columnWidths, rendered.length) } : {}),
      notes,
      section: raw.section === null ? null : plainSection(raw.section),
      ...(footerText !== undefined ? { footerText } : {}),
      // Marp's header and paginate directives, where they set this slide otherwise than the deck.
      ...(raw.chrome?.header !== undefined ? { headerText: chromeText(raw.file, raw.line, raw.chrome.header) } : {}),
      ...(raw.chrome?.pageNumber !== undefined ? { pageNumber: raw.chrome.pageNumber } : {}),
      source: slideSource,
      layoutLine,
      incremental,
      images: range(imageStart, images.length),
      bulletCount: body.bulletCount,
      ...(look ? { look: finishLook(look) } : {}),
      // Below the slide before it, unless that is a slide briefdeck made (the title, bottom line or agenda stand alone).
      ...(raw.vertical && slides.length > 0 && previousFile === raw.file ? { vertical: true } : {}),
      ...(raw.unlisted ? { unlisted: true as const } : {}),
    });
    previousFile = raw.file;
    slideOf.set(raw, slide);
    if (slideId !== undefined) slideIds.set(slide, slideId);
    if (raw.chrome?.uncounted || uncountedHere) uncounted.add(slide);
    if (raw.kind === 'section') sections.push({ title: slide.title!, source: slide.source, slideNumbers: [slide.number], ...(raw.unlisted ? { unlisted: true as const } : {}) });
    else if (raw.section !== null) sections.at(-1)?.slideNumbers.push(slide.number);
  }

  if (bibliography) placeWorksCited(slides, bibliography, [...cited], meta.citations!, push, location);
  addEnglishCaptionWords(numberedRefs.refs, markdown.englishLabels);
  reportEnglishLabels(meta, markdown.englishLabels, findKeySource(meta, 'lang', location), bag);
  // Links to a slide by its id, Pandoc's title id or Marp's and Slidev's page number, pointed at its place.
  const pages = rawSlides.flatMap((raw) => slideOf.get(raw) ?? []);
  linkSlideAnchors(slides, slideIds, markdown.anchorLinks, { titleIds: pandocFamily, pages: meta.peerTools.includes('Marp') || meta.peerTools.includes('Slidev') ? pages : null }, (at, message, hint) => bag.warn('W_LINK', message, { ...at, hint }));
  const pageTotal = uncounted.size > 0 ? numberMarpPages(slides, uncounted) : undefined;
  fillSlidevPageNumbers(slides, sections, pageTotal ?? slides.length);
  fillSlidevToc(slides, new Map(rawSlides.flatMap((raw) => (raw.toc && slideOf.has(raw) ? [[slideOf.get(raw)!, raw.toc] as const] : []))));
  // Marp's and Slidev's styles call the slide `:root`; in other decks it is the page.
  const placed = placeAuthorStyles(styles, deckStyles, slideOf, commentNotes !== 'none');
  const authorCss = scopeAuthorStyles(placed, includes, (file, line, message, hint) => bag.warn('W_STYLE', message, { file, line, hint }), createStylePicturePlacer(images, meta.peerTools, bag)) + (meta.peerTools.includes('Slidev') ? writeUtilityCss(slides, meta.size) : '');
  return { meta, metaSource: location, sections, slides, images, charts, ...(logo !== undefined ? { logo } : {}), ...(pageTotal !== undefined ? { pageTotal } : {}), ...(authorCss ? { authorCss } : {}), ...(markdown.imageFilters.length > 0 ? { imageFilters: markdown.imageFilters } : {}) };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
