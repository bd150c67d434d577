import { createRequire } from 'node:module';
import type { TokenizerAndRendererExtension, TokenizerObject } from 'marked';
import { escapeHtml } from '../html-text.js';
import { SETEXT_WINDOW } from './block-rule-prechecks.js';
import { startWithinParagraph, startWithinWindow, startWithinWindowOf } from './extension-start.js';
import type { CrossRefs } from './dialects/pandoc/cross-refs.js';
import { MATH_CLICK_STEPS } from './dialects/slidev.js';

// Math, typeset at build time with KaTeX (HTML and MathML), so a deck ships no
// math engine: `$…$` inline, `$$…$$` on lines of its own or inside a paragraph,
// and GitHub's and GitLab's forms, `` $`…`$ `` inline and a ```math block.
// The HTML waits behind a mark while the slide's own HTML is cleaned and
// typeset, since KaTeX's markup is ours and needs the inline styles a
// sanitizer would strip, and TeX must never get curly quotes.

const require = createRequire(import.meta.url);
// Loaded on first use only: most briefings have no math.
let katex: typeof import('katex') | undefined;

/** Marks where rendered math goes back in; NUL cannot occur in decoded input, so no author can forge one. */
export const MATH_MARK = '\u0000';
const MATH_PATTERN = /\u0000(\d+)\u0000/g;

/** What the math renderer needs to know of the deck: whether it is Slidev's, and Quarto's equation numbers. */
export interface MathOptions {
  slidev: boolean;
  crossRefs: CrossRefs;
  /** Reports TeX that does not parse, at the line being rendered. */
  fail: (message: string, hint: string) => void;
  /**
   * Math between backslashed brackets, which the deck's tool typesets: reveal's math plugin finds `\(…\)` and `\[…\]`
   * in the page, which its Markdown writes `\\(…\\)` ('double'); R Markdown has Pandoc read `\(…\)` itself ('single').
   */
  backslashes?: () => 'single' | 'double' | undefined;
}

/** Math between backslashed brackets, as each way of writing them opens and closes (MathOptions.backslashes); bounded, as `$$…$$` is. */
const BACKSLASHED = {
  single: { open: /(?<!\\)\\[([]/, inline: /^\\\(([\s\S]{1,2000}?)\\\)/, display: /^\\\[([\s\S]{1,2000}?)\\\]/ },
  double: { open: /\\\\[([]|(?:\\\[[ \t]*)?\\begin\{/, inline: /^\\\\\(([\s\S]{1,2000}?)\\\\\)/, display: /^\\\\\[([\s\S]{1,2000}?)\\\\\]/ },
};

/**
 * An environment written bare in a reveal.js deck's text (`\begin{aligned}…\end{aligned}`), which MathJax, run by reveal's
 * math plugin, typesets as a display formula; often inside `\[ \]` whose backslashes Markdown has eaten, so the brackets
 * go with it. Its TeX is read as written, with the entities HTML would have decoded for MathJax (`&amp;` is `&`).
 */
const BARE_ENVIRONMENT = /^(?:\\\[[ \t]*)?(\\begin\{([A-Za-z]{1,20}\*?)\}[\s\S]{0,2000}?\\end\{\2\})(?:[ \t]*\\\])?/;

/** MathJax's script element of a formula, as written in raw HTML (`<script type="math/tex; mode=display">…</script>`). */
const MATH_SCRIPT = /<script\s+type=["']math\/tex(;\s*mode=display)?["']\s*>([\s\S]{0,2000}?)<\/script\s*>/gi;

/** A setext heading's underline, the first line of only `=` or `-` under the text. */
const SETEXT_UNDERLINE = /\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/;
/** A line that opens a display formula, `$$` at its start. */
const FORMULA_LINE = /(?:^|\n) {0,3}\$\$/;

/**
 * marked's setext heading rule (`rule`), declining text that a display formula interrupts before its underline: the
 * formula is a block of its own (mathBlock's start lets it interrupt a paragraph), so a line of `=` or `-` inside it is
 * TeX, never a heading's underline. Only the text to the first blank line is looked at, as a heading's is.
 */
export function keepFormulasOutOfHeadings(rule: NonNullable<TokenizerObject['lheading']>): NonNullable<TokenizerObject['lheading']> {
  return function lheading(this: unknown, src: string) {
    // Most blocks are no heading by the rule's own quick look; only text it would read as one is looked along.
    const verdict = rule.call(this as never, src);
    if (verdict !== false) return verdict;
    // As far as the rule's quick look goes (SETEXT_WINDOW), so a long paragraph asked at each of its lines is not read to its end each time.
    const window = src.slice(0, SETEXT_WINDOW);
    const blank = window.indexOf('\n\n');
    const paragraph = blank === -1 ? window : window.slice(0, blank + 1);
    const underline = SETEXT_UNDERLINE.exec(paragraph);
    return underline && FORMULA_LINE.test(paragraph.slice(1, underline.index)) ? undefined : false;
  };
}

/** Creates the marked extensions for math and the step that puts its HTML back into a rendered fragment. */
export function createMathRenderer(options: MathOptions): { blockExtension: TokenizerAndRendererExtension; inlineExtension: TokenizerAndRendererExtension; backslashExtension: TokenizerAndRendererExtension; renderDisplay(tex: string): string; renderFormula(tex: string, display: boolean): string; typesetScripts(html: string): string; putBack(html: string): string } {
  const mathHtml: string[] = [];

  /** Renders TeX with KaTeX; the HTML is held back behind a mark and put in afterwards. */
  function renderMath(tex: string, display: boolean): string {
    katex ??= require('katex') as typeof import('katex');
    let html: string;
    try {
      // `\label{eq:x}` names an equation for LaTeX's and MathJax's references and draws nothing; KaTeX knows no such command.
      html = katex.renderToString(tex.replace(/\\label\{[^{}\n]*\}/g, ''), { displayMode: display, throwOnError: true, output: 'htmlAndMathml', trust: false, strict: 'ignore' });
    } catch (err) {
      options.fail(`math does not parse: ${(err as Error).message.replace(/^KaTeX parse error: /, '')}`, 'check the TeX between the $ signs; write \\$ for a literal dollar sign');
      return `<code>${escapeHtml(tex)}</code>`;
    }
    mathHtml.push(html);
    return `${MATH_MARK}${mathHtml.length - 1}${MATH_MARK}`;
  }

  /** A display formula in its block. */
  function renderDisplay(tex: string): string {
    return `<div class="math-display">${renderMath(tex, true)}</div>\n`;
  }

  return {
    blockExtension: {
      name: 'mathBlock',
      level: 'block',
      start: startWithinParagraph(/^\$\$/m),
      tokenizer(src: string) {
        // Quarto's label after the closing `$$` (`{#eq-energy}`) numbers the formula (cross-refs.ts).
        const match = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\{#(eq[-:][\w:-]+)\}[ \t]*)?(?:\n|$)/.exec(src);
        if (!match) return undefined;
        // Slidev steps through a formula's lines (`$$ {1|3|all}`); the formula is shown whole, never the steps as TeX.
        const tex = options.slidev ? match[1]!.replace(MATH_CLICK_STEPS, '') : match[1]!;
        const number = match[2] === undefined ? undefined : options.crossRefs.get(match[2])?.number;
        return { type: 'mathBlock', raw: match[0], text: number === undefined ? tex.trim() : `${tex.trim()}\\tag{${number}}` };
      },
      renderer: (token) => renderDisplay((token as unknown as { text: string }).text),
    },
    inlineExtension: {
      name: 'mathInline',
      level: 'inline',
      start: startWithinWindow('$'),
      // Like pandoc: no space just inside the dollars, and no digit right after, so "$5 and $10" stays text.
      tokenizer(src: string) {
        // `$$…$$` inside a paragraph is a display formula, as Pandoc and Marp read it (bounded: tried at every `$`).
        const display = /^\$\$((?:\\.|[^\\$]){1,2000}?)\$\$/.exec(src);
        if (display) return { type: 'mathInline', raw: display[0], text: display[1]!.trim(), display: true };
        // GitHub's and GitLab's `` $`x^2`$ ``: the formula is a code span inside the dollars, so Markdown never reads it.
        const backticked = /^\$`([^`\n]{1,2000})`\$/.exec(src);
        if (backticked) return { type: 'mathInline', raw: backticked[0], text: backticked[1]!.trim() };
        // A formula may run over the lines of its paragraph (a matrix's rows), as Pandoc, Marp and Slidev read it.
        const match = /^\$(?!\s)((?:\\[\s\S]|[^\\$])+?)(?<!\s)\$(?!\d)/.exec(src);
        return match ? { type: 'mathInline', raw: match[0], text: match[1]! } : undefined;
      },
      renderer: (token) => renderMath((token as unknown as { text: string }).text, (token as unknown as { display?: boolean }).display === true),
    },
    backslashExtension: {
      name: 'mathBackslashed',
      level: 'inline',
      start: startWithinWindowOf((text) => text.search(BACKSLASHED[options.backslashes!()!].open), 9, () => options.backslashes?.() !== undefined),
      tokenizer(src: string) {
        const written = options.backslashes?.();
        const form = written === undefined ? undefined : BACKSLASHED[written];
        const display = form?.display.exec(src);
        if (display) return { type: 'mathBackslashed', raw: display[0], text: display[1]!.trim(), display: true };
        const environment = written === 'double' ? BARE_ENVIRONMENT.exec(src) : null;
        if (environment) return { type: 'mathBackslashed', raw: environment[0], text: environment[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), display: true };
        const inline = form?.inline.exec(src);
        return inline ? { type: 'mathBackslashed', raw: inline[0], text: inline[1]!.trim(), display: false } : undefined;
      },
      renderer: (token) => renderMath((token as unknown as { text: string }).text, (token as unknown as { display: boolean }).display),
    },
    renderDisplay,
    renderFormula: renderMath,
    /** Raw HTML with MathJax's own form of a formula, `<script type="math/tex">` (`; mode=display` for a display one), typeset: it is TeX, never a script. */
    typesetScripts: (html) => (html.includes('math/tex') ? html.replace(MATH_SCRIPT, (_, display: string | undefined, tex: string) => renderMath(tex.trim(), display !== undefined)) : html),
    putBack: (html) => html.replace(MATH_PATTERN, (_, n: string) => mathHtml[Number(n)] ?? ''),
  };
}
