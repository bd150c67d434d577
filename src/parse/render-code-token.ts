// A code block as a slide shows it: a chart (a marker where the render stage draws it), Pandoc's raw block, a
// Mermaid diagram (a picture drawn at build time), a cell Quarto or knitr would hide, a formula, or code
// highlighted at build time with its line numbers and steps. render-markdown.ts hands every code token here.
import type { Tokens } from 'marked';
import { DiagnosticBag } from '../errors.js';
import { writtenForAnotherTool } from '../written-for.js';
import { escapeHtml } from '../html-text.js';
import { ASSET_SCHEME, chartMarker, type BriefingMeta, type ChartRef, type ImageRef, type SourceFile } from '../model.js';
import { readChartBlock } from '../charts/read-chart-block.js';
import { reportChartDataProblem } from '../charts/chart-data.js';
import { readCodeInfo, renderCodeBlock, suggestCodeLanguage } from './render-code.js';
import { readDiagramBlock } from './read-diagram.js';
import { findLinesPastEnd, MAX_LINE_STEPS, numberEveryLine, readXaringanLines, type CodeLines } from './read-code-lines.js';
import { isMathEnvironment } from './dialects/pandoc/raw-tex.js';
import { stripCodeAnnotations } from './dialects/pandoc/code-annotations.js';
import { unescapeShortcodesInCode } from './dialects/pandoc/shortcodes.js';
import { captionPrefix, type CrossRefs } from './dialects/pandoc/cross-refs.js';

/** What rendering a code block needs of the Markdown renderer around it. */
export interface CodeTokenContext {
  meta: BriefingMeta;
  /** The deck's pictures, to which a diagram is added. */
  images: ImageRef[];
  /** The deck's charts, to which a chart block is added. */
  charts: ChartRef[];
  bag: DiagnosticBag;
  math: { renderDisplay(tex: string): string };
  /** Where the block stands, for a message. */
  at(): { file: string; line: number };
  /** The file being rendered, the block's first line, and the included file that line is from, if any. */
  file(): SourceFile;
  line(): number;
  lineFile(): SourceFile | undefined;
  /** Whether the file is Quarto's, whose cells and line numbers are read as Quarto reads them. */
  quartoFile(): boolean;
  /** Says the block wrote raw HTML, which is cleaned with the slide's. */
  markRawHtml(): void;
  /** The hint of a warning about another tool's syntax. */
  peerHint: string;
  /** The numbers of labelled listings, for their captions. */
  crossRefs: CrossRefs;
}

/** A code token, marked by render-markdown.ts when Quarto's numbered list of annotations follows it. */
export type CodeToken = Tokens.Code & { quartoAnnotated?: true };

/** Creates the renderer of code tokens, which returns each block's HTML and reports what it leaves out. */
export function createCodeTokenRenderer(c: CodeTokenContext): (token: CodeToken) => string {
  return (token) => {
    const info = readCodeInfo(token.lang, token.text);
    // A chart block is data, drawn at render time; the slide keeps a marker where it goes.
    if (info.kind === 'chart') {
      // In a deck for another tool, where ```chart is code (Marp's, Slidev's) or another's chart, one briefdeck cannot read
      // is shown as the code it is there, with a warning, rather than failing the build.
      const peer = writtenForAnotherTool(c.meta);
      const bag = peer ? new DiagnosticBag() : c.bag;
      // Its data file is named from the slide's file, as its pictures are; its messages are at its own line, in an included file too.
      // A block in error is never drawn, but its data file is still read and checked with the deck's other problems: the
      // chart joins the deck's list without a place on a slide, and the error in the bag stops the build before any drawing.
      const chart = readChartBlock(token.text, c.file(), c.line(), bag, (c.lineFile() ?? c.file()).path, peer ? undefined : (unplaced) => c.charts.push(unplaced));
      // Data written in the block is checked now, not first when it is drawn: its problems come with the deck's others.
      if (chart !== null && !chart.dataFile) reportChartDataProblem(chart, undefined, bag);
      const unread = peer ? bag.errors[0] : undefined;
      if (peer) c.bag.addAll(unread ? [{ ...unread, code: 'W_PEER_SYNTAX', severity: 'warning', message: `a chart block briefdeck cannot draw is shown as the code it is: ${unread.message}`, hint: unread.hint ?? c.peerHint }] : bag.items);
      if (unread) return renderCodeBlock(token.text, undefined, undefined);
      if (chart === null) return '';
      c.charts.push(chart);
      return `${chartMarker(c.charts.length - 1)}\n`;
    }
    // Pandoc's raw blocks: HTML is raw HTML, under the same rules as any; a block for another output is left out, as Pandoc leaves it.
    if (info.kind === 'raw') {
      if (info.format.toLowerCase() === 'html') {
        c.markRawHtml();
        return `${token.text}\n`;
      }
      // A math environment in raw TeX is display math in HTML too, as Pandoc writes it for a math renderer.
      if (/^(?:tex|latex)$/i.test(info.format) && isMathEnvironment(token.text)) return c.math.renderDisplay(token.text.trim());
      c.bag.warn('W_PEER_SYNTAX', `a raw {=${info.format}} block is for another output and was left out`, { ...c.at(), hint: c.peerHint });
      return '';
    }
    // A Mermaid diagram is a picture, drawn when the deck is built (Quarto's ```{mermaid} cell too, whose output it is).
    if (info.language?.toLowerCase() === 'mermaid') return renderDiagram(info.cell ? token.text : info.text);
    // A cell Quarto would not show (`include: false`), or whose code it hides (`echo: false`, here or in `execute:`, and
    // by default in a Quarto deck, as in every presentation format Quarto writes; R Markdown's knitr shows it by default):
    // its output comes only from running it, so nothing shows, and a warning says so when there would have been output.
    const written = info.cell?.echo ?? c.meta.cellEcho;
    if (info.cell && (info.cell.include === false || (written ?? !c.quartoFile()) === false)) {
      const why = written === false ? 'with echo: false' : 'without echo: true (Quarto hides a cell\'s code in a deck unless told)';
      const runner = c.quartoFile() ? 'Quarto' : 'knitr';
      if (info.cell.include !== false) c.bag.warn('W_PEER_SYNTAX', `a code cell ${why} shows only its output, which only ${runner} can make by running it; it was left out`, { ...c.at(), hint: c.peerHint });
      return '';
    }
    // GitHub's and GitLab's ```math block is a display formula.
    if (info.language?.toLowerCase() === 'math' && !info.cell) return c.math.renderDisplay(info.text.trim());
    if (info.magicMoveSteps !== undefined && info.magicMoveSteps > 1) {
      c.bag.warn('W_PEER_SYNTAX', `Slidev's magic-move block is shown as its last step, of ${info.magicMoveSteps}; the steps between are left out`, { ...c.at(), hint: c.peerHint });
    }
    // xaringan's `#<<` at a line's end (and, with highlightLines, `*` and an R cell's `{{ … }}`) highlights that line in remark; the marker is never code.
    const highlighted = c.meta.highlightLines === true;
    const xaringan = c.meta.peerTools.includes('remark') && !info.lines ? readXaringanLines(info.text, { star: highlighted, braces: highlighted && info.cell !== undefined && info.language?.toLowerCase() === 'r' }) : null;
    // Quarto's annotation markers (`# <1>`) go where a numbered list of annotations follows the block (code-annotations.ts).
    const asWritten = token.quartoAnnotated ? stripCodeAnnotations(xaringan?.code ?? info.text) : (xaringan?.code ?? info.text);
    const code = c.quartoFile() ? unescapeShortcodesInCode(asWritten, token.lang) : asWritten;
    // Quarto numbers the lines of every block of code in a language (not a cell's output, nor a block of plain text) unless
    // told not to; Slidev's `lineNumbers: true` numbers every block's, highlighted or not.
    const asked = xaringan?.lines ?? info.lines;
    const numbered = c.meta.codeLineNumbers ?? (c.quartoFile() && info.language !== undefined);
    const lines: CodeLines | undefined = asked ? { ...asked, numbers: asked.numbers || c.meta.codeLineNumbers === true } : numbered ? numberEveryLine() : undefined;
    if (lines) warnAboutCodeLines(lines, code);
    // Quarto's `filename=` names the code above it, and a listing's caption (`lst-cap=`) is above it too, numbered when labelled.
    const filename = info.filename ? `<p class="code-filename">${escapeHtml(info.filename)}</p>\n` : '';
    const caption = info.listing ? `<p class="listing-caption">${captionPrefix(info.listing.label, c.crossRefs) + escapeHtml(info.listing.caption)}</p>\n` : '';
    // A language highlight.js does not know is shown plain; one that looks like a typo of one it knows is said.
    const meant = suggestCodeLanguage(info.language);
    if (meant !== undefined) c.bag.warn('W_CODE_LANGUAGE', `the code block's language "${info.language!.trim().split(/\s+/)[0]}" is not one highlight.js knows, so it is shown without highlighting`, { ...c.at(), hint: `did you mean ${meant}?` });
    return caption + filename + renderCodeBlock(code, info.language, lines);
  };

  /** A Mermaid block as a picture of the deck (its SVG drawn at build time, src/draw-diagrams.ts), its caption under it. */
  function renderDiagram(text: string): string {
    const diagram = readDiagramBlock(text);
    c.images.push({ src: 'mermaid', relPath: `#diagram-${c.images.length}`, alt: diagram.alt, source: { file: (c.lineFile() ?? c.file()).path, line: c.line() + 1 + diagram.linesBefore }, diagram: diagram.source });
    const caption = diagram.caption ? `<span class="figure-caption">${escapeHtml(diagram.caption)}</span>` : '';
    return `<p><img src="${ASSET_SCHEME}${c.images.length - 1}" alt="${escapeHtml(diagram.alt)}" class="diagram">${caption}</p>\n`;
  }

  /** Says which of a code block's highlighted lines it does not have, and which steps it cannot take as its tool takes them. */
  function warnAboutCodeLines(lines: CodeLines, code: string): void {
    const rows = code.split('\n').length;
    const past = findLinesPastEnd(lines, rows);
    const last = lines.countFrom + rows - 1;
    if (past.length > 0) c.bag.warn('W_DIRECTIVE', `the code block highlights line${past.length > 1 ? 's' : ''} ${past.join(', ')}, but its lines are ${lines.countFrom} to ${last}`, { ...c.at(), hint: `highlight lines ${lines.countFrom} to ${last}, counted from the block's first line` });
    if (lines.stepsCut) c.bag.warn('W_DIRECTIVE', `the code block's highlight has more than ${MAX_LINE_STEPS} steps; those after the ${MAX_LINE_STEPS}th were left out`, { ...c.at(), hint: 'split the code over more slides' });
    if (lines.hiddenSteps) c.bag.warn('W_PEER_SYNTAX', "Slidev's hide step shows the code block with no line highlighted", { ...c.at(), hint: c.peerHint });
  }
}
