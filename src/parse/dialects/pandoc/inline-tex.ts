import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { escapeHtml } from '../../../html-text.js';
import { startWithinWindow } from '../../extension-start.js';

// LaTeX's text commands inside a line of a deck written for Pandoc's Beamer output (R Markdown's
// `beamer_presentation`, a Pandoc deck): `\textbf{…}`, `\emph{…}`, Beamer's `\alert{…}`, `\href{…}{…}`.
// Pandoc's HTML output drops raw TeX, text and all; a deck keeps the text, set as the command sets it,
// since its author wrote it to be read. Other commands stay as written, as any text the deck cannot read.

/** Each command read, and the HTML its argument is set in. */
const COMMANDS: Record<string, [string, string]> = {
  textbf: ['<strong>', '</strong>'], alert: ['<strong>', '</strong>'], structure: ['<strong>', '</strong>'],
  textit: ['<em>', '</em>'], emph: ['<em>', '</em>'], textsl: ['<em>', '</em>'],
  underline: ['<u>', '</u>'], texttt: ['<code>', '</code>'], textsc: ['<span class="smallcaps">', '</span>'],
  textrm: ['', ''], textsf: ['', ''], textnormal: ['', ''],
};

/** The commands whose text this module sets (with `\href` and `\url`, links): on a line of their own too, they are text (raw-tex.ts). */
export const TEXT_COMMANDS: ReadonlySet<string> = new Set([...Object.keys(COMMANDS), 'href', 'url']);

/** A command with its one or two arguments, on one line, holding braces one deep (`\textbf{\texttt{x}}`); bounded. */
const ARGUMENT = String.raw`\{((?:[^{}\n]|\{[^{}\n]{0,500}\}){0,500})\}`;
const COMMAND = new RegExp(String.raw`^\\(textbf|alert|structure|textit|emph|textsl|underline|texttt|textsc|textrm|textsf|textnormal|href|url)${ARGUMENT}(?:${ARGUMENT})?`);

/** Beamer's `\pause` inside a line (`- Point two \pause`), with the spaces after it. */
const INLINE_PAUSE = /^\\pause(?![A-Za-z])[ \t]*/;
/**
 * LaTeX's declarations, which take no argument and set what follows (`\centering Questions?`, `\small Details`): Pandoc's HTML
 * drops them as raw TeX and keeps the text, as a deck does, never showing the command.
 */
const DECLARATION = /^\\(centering|raggedright|raggedleft|noindent|tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge|bfseries|itshape|mdseries|upshape|slshape|scshape|rmfamily|sffamily|ttfamily|normalfont|hfill|vfill|smallskip|medskip|bigskip|newline|linebreak)(?![A-Za-z])[ \t]*/;

/**
 * The marked extension for LaTeX's text commands; each argument is read as Markdown of its own. Beamer's `\pause`
 * inside a line goes, as Pandoc's HTML drops it (`pauseLeftOut` reports it): on a line of its own it is a step (raw-tex.ts).
 * A declaration (`\centering`) goes too, its text kept (`declarationLeftOut` reports it).
 */
export function inlineTexExtension(pauseLeftOut: (raw: string) => void = () => undefined, declarationLeftOut: (raw: string, name: string) => void = () => undefined): TokenizerAndRendererExtension {
  return {
    name: 'inlineTex',
    level: 'inline',
    start: startWithinWindow('\\'),
    tokenizer(src: string) {
      const pause = INLINE_PAUSE.exec(src);
      if (pause) return { type: 'inlineTex', raw: pause[0], name: 'pause', tokens: [] };
      const declaration = DECLARATION.exec(src);
      if (declaration) return { type: 'inlineTex', raw: declaration[0], name: 'declaration', declared: declaration[1], tokens: [] };
      // Looked for in the next stretch of text only: a command's arguments fit in it, and an unclosed one costs no more.
      const match = COMMAND.exec(src.slice(0, 2100));
      if (!match) return undefined;
      const [whole, name, first, second] = match as unknown as [string, string, string, string | undefined];
      // `\href` takes an address and its text; every other command takes one argument, and a second brace is not its.
      if (name === 'href' && second === undefined) return undefined;
      const raw = name === 'href' ? whole : whole.slice(0, name.length + first.length + 3);
      const text = name === 'href' ? second! : first;
      // An address shown as itself is text, never read again as Markdown (it would be a link inside the link).
      const tokens = name === 'url' ? [{ type: 'text', raw: text, text, escaped: false }] : this.lexer.inlineTokens(text);
      return { type: 'inlineTex', raw, name, href: name === 'href' || name === 'url' ? first : undefined, tokens };
    },
    renderer(token) {
      const { name, href, tokens } = token as unknown as { name: string; href?: string; tokens: Tokens.Generic[] };
      // Reported as the slide is written out, where its place is known.
      if (name === 'pause') {
        pauseLeftOut((token as { raw: string }).raw);
        return '';
      }
      if (name === 'declaration') {
        declarationLeftOut((token as { raw: string }).raw, (token as unknown as { declared: string }).declared);
        return '';
      }
      // A link is a link, under the same rules as any Markdown link.
      if (href !== undefined) return this.parser.renderer.link({ type: 'link', raw: '', href, title: null, text: '', tokens });
      const [open, close] = COMMANDS[name]!;
      return name === 'texttt' ? `${open}${escapeHtml(tokens.map((t) => t.raw).join(''))}${close}` : `${open}${this.parser.parseInline(tokens)}${close}`;
    },
  };
}
