// Which other tool a deck was written for, beyond what its front matter says, and
// what follows from that for the parse: where slides are cut, whether the deck
// brings its own cover, and which dialect module reads its lines one by one.
import type { CutOptions } from './raw-slide.js';
import { SEPARATOR_TOOLS } from './dialects/peer-keys.js';
import { readsAsMarpBody } from './dialects/marp.js';
import { opensSlideAsFrontMatter, readsAsSlidevBody } from './dialects/slidev.js';
import { createRemarkState, readsAsRemarkBody, rewriteRemarkLine } from './dialects/remark.js';
import { createDecksetState, readsAsDecksetBody, rewriteDecksetLine } from './dialects/deckset.js';
import { createAdvancedSlidesState, readsAsAdvancedSlidesBody, rewriteAdvancedSlidesLine } from './dialects/advanced-slides.js';
import { readsAsMdxBody } from './dialects/mdx.js';
import { createGitPitchState, readsAsGitPitchBody, rewriteGitPitchLine } from './dialects/gitpitch.js';
import { readsAsRevealHugoBody } from './dialects/reveal-hugo.js';
import { readsAsHackmdBody, rewriteHackmdLine } from './dialects/hackmd.js';
import { createMpeState, readsAsMpeBody, rewriteMpeLine } from './dialects/mpe.js';
import { readsAsIaPresenterPath, rewriteIaPresenterLine } from './dialects/ia-presenter.js';
import { createPresentermState, readsAsPresentermBody, rewritePresentermLine, type PresentermOptions } from './dialects/presenterm.js';
import { createPatatState, rewritePatatLine } from './dialects/patat.js';
import { createMdpState, readsAsMdpBody, rewriteMdpLine } from './dialects/mdp.js';
import { rewriteLookatmeLine } from './dialects/lookatme.js';
import { rewriteIoslidesLine } from './dialects/ioslides.js';
import { readsAsRevealMarkdownBody } from './dialects/reveal.js';
import { readsAsPandocBody, showsPandocAttributes } from './dialects/pandoc/known-by-body.js';
import { blankFencedCode } from './read-fences.js';

/**
 * Adds to `peerTools` (what the front matter named) the tools a deck's text shows it was written for:
 * a Slidev or Marp deck whose front matter has none of its tool's keys (or that has none), remark's
 * `???` notes (in a deck for no tool, or R Markdown's xaringan), Deckset's settings at the top, and
 * GitPitch's PITCHME.md and its own delimiters and widgets, reveal-hugo's shortcodes, HackMD's alert boxes, embeds and tags, Markdown Preview Enhanced's `<!-- slide -->` comments, presenterm's `<!-- end_slide -->`, mdp's centred lines (`-> text <-`), iA Presenter's bundle (`*.iapresenter/text.md`), Obsidian's Advanced Slides' layout tags and annotations (in a deck for no tool, or one reveal-md's keys name), and an
 * MDX deck (an `.mdx` file, or an import from mdx-deck or Spectacle, or `<Notes>`, in a deck for no tool), and reveal.js's
 * Markdown (its slide and element comments in a deck cut at `---`, in a deck for no tool) as reveal-md's, and, in a deck
 * no other tool claims, Pandoc's pause and slide-show divs (`. . .`, `::: notes`, `::: incremental`, `:::: columns`), and, when
 * `headingAttributes` is asked for, its heading attributes (`# Part {data-name="Part"}`).
 * `written` are the deck's files, their includes in place (their code blocks are not read), and `paths` their paths.
 */
export function recognisePeerTools(peerTools: string[], written: readonly string[], paths: readonly string[] = [], options: { headingAttributes?: boolean } = {}): void {
  // A deck that shows another tool's lines in a code block is not written for that tool.
  const texts = written.map((text) => blankFencedCode(text, opensSlideAsFrontMatter));
  if (peerTools.length === 0 && (paths.some((p) => /\.mdx$/i.test(p)) || texts.some(readsAsMdxBody))) peerTools.push('MDX');
  if (peerTools.length === 0 && paths.some(readsAsIaPresenterPath)) peerTools.push('iA Presenter');
  if (peerTools.length === 0 && texts.some(readsAsPresentermBody)) peerTools.push('presenterm');
  if (peerTools.length === 0 && texts.some(readsAsMpeBody)) peerTools.push('Markdown Preview Enhanced');
  if (peerTools.length === 0 && texts.some((text, i) => readsAsGitPitchBody(text, paths[i]))) peerTools.push('GitPitch');
  if (peerTools.length === 0 && texts.some(readsAsRevealHugoBody)) peerTools.push('reveal-hugo');
  if (peerTools.length === 0 && texts.some((text) => readsAsSlidevBody(text))) peerTools.push('Slidev');
  else if (peerTools.length === 0 && texts.some((text) => readsAsMarpBody(text))) peerTools.push('Marp');
  if (!peerTools.includes('remark') && (peerTools.length === 0 || peerTools.includes('R Markdown')) && texts.some(readsAsRemarkBody)) peerTools.push('remark');
  if (peerTools.length === 0 && texts.some(readsAsDecksetBody)) peerTools.push('Deckset');
  if (peerTools.length === 0 && texts.some(readsAsMdpBody)) peerTools.push('mdp');
  if (peerTools.length === 0 && texts.some(readsAsRevealMarkdownBody)) peerTools.push('reveal-md');
  if (!peerTools.some((tool) => tool !== 'reveal-md') && texts.some(readsAsAdvancedSlidesBody)) peerTools.push('Advanced Slides');
  if (peerTools.length === 0 && texts.some((text) => readsAsPandocBody(text) || (options.headingAttributes === true && showsPandocAttributes(text)))) peerTools.push('Pandoc');
  // Last: HackMD's alert boxes (`:::info`) look like Pandoc's divs, which a deck with Pandoc's own lines means.
  if (peerTools.length === 0 && texts.some(readsAsHackmdBody)) peerTools.push('HackMD');
}

/**
 * Which tool's comments a deck's HTML comments are read as (Marp's directives and notes, Slidev's notes): a deck whose
 * metadata names both (Slidev's keys beside Marp's `style:`) is read as the one its body shows, Slidev's slide front
 * matter or Marp's directives; Marp's when it shows neither or both.
 */
export function readCommentsAs(peerTools: readonly string[], written: readonly string[]): 'marp' | 'slidev' | 'none' {
  const marp = peerTools.includes('Marp');
  const slidev = peerTools.includes('Slidev');
  if (marp && slidev) {
    const texts = written.map((text) => blankFencedCode(text, opensSlideAsFrontMatter));
    return texts.some((text) => readsAsSlidevBody(text)) && !texts.some((text) => readsAsMarpBody(text)) ? 'slidev' : 'marp';
  }
  return marp ? 'marp' : slidev ? 'slidev' : 'none';
}

/**
 * Whether the deck is cut at `---` only, each slide titled by its first heading: Marp's, Slidev's, reveal's
 * and Deckset's (SEPARATOR_TOOLS), and remark's, which is not among them since xaringan makes a title slide of `title:`.
 */
export function cutsAtSeparators(peerTools: readonly string[]): boolean {
  return peerTools.some((tool) => SEPARATOR_TOOLS.has(tool) || tool === 'remark');
}

/**
 * Whether a deck written for another tool brings its own cover, so no title
 * slide is added before it: Marp, Slidev and reveal-md show `title:` only as
 * the window's title, while Quarto (and Pandoc) and presenterm make a title slide of it, as
 * briefdeck does.
 */
export function opensWithOwnCover(peerTools: readonly string[]): boolean {
  // presenterm makes an introduction slide of its `title:`, as Quarto does.
  return peerTools.some((tool) => SEPARATOR_TOOLS.has(tool)) && !peerTools.includes('Quarto') && !peerTools.includes('presenterm');
}

/** The line rewriter of a tool whose own syntax a dialect module reads line by line, fresh for each file; none for others. */
export function createLineRewriter(peerTools: readonly string[], presentermOptions?: PresentermOptions): CutOptions['rewriteLine'] {
  if (peerTools.includes('presenterm')) {
    const state = createPresentermState(presentermOptions);
    return (line) => rewritePresentermLine(line, state);
  }
  if (peerTools.includes('lookatme')) return rewriteLookatmeLine;
  if (peerTools.includes('ioslides')) return rewriteIoslidesLine;
  if (peerTools.includes('patat')) {
    const state = createPatatState();
    return (line) => rewritePatatLine(line, state);
  }
  if (peerTools.includes('mdp')) {
    const state = createMdpState();
    return (line) => rewriteMdpLine(line, state);
  }
  if (peerTools.includes('remark')) {
    const state = createRemarkState();
    return (line) => rewriteRemarkLine(line, state);
  }
  if (peerTools.includes('Deckset')) {
    const state = createDecksetState();
    return (line) => rewriteDecksetLine(line, state);
  }
  if (peerTools.includes('GitPitch')) {
    const state = createGitPitchState();
    return (line) => rewriteGitPitchLine(line, state);
  }
  if (peerTools.includes('HackMD')) return rewriteHackmdLine;
  if (peerTools.includes('iA Presenter')) return rewriteIaPresenterLine;
  if (peerTools.includes('Markdown Preview Enhanced')) {
    const state = createMpeState();
    return (line) => rewriteMpeLine(line, state);
  }
  if (peerTools.includes('Advanced Slides')) {
    const state = createAdvancedSlidesState();
    return (line) => rewriteAdvancedSlidesLine(line, state);
  }
  return undefined;
}

/** Tools that number no slide unless the deck asks: Marp, Deckset, and reveal.js with the tools built on it (its `slideNumber` is off by default). */
export const UNNUMBERED_TOOLS: ReadonlySet<string> = new Set(['Marp', 'Deckset', 'Slidev', 'Quarto', 'Pandoc', 'reveal.js', 'reveal-md', 'HackMD', 'Markdown Preview Enhanced', 'reveal-hugo']);

/** Tools that number every slide unless told not to (remark and xaringan, ioslides, patat, RISE); a deck that is theirs too keeps its numbers. */
export const NUMBERED_TOOLS: ReadonlySet<string> = new Set(['remark', 'ioslides', 'patat', 'Jupyter']);
