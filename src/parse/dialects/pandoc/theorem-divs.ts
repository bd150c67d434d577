// Quarto's theorems and proofs. A div labelled as one of the theorem-like kinds (`::: {#thm-line}`, and lem, cor,
// prp, cnj, def, exm, exr) is shown as Quarto shows it: "Theorem 1 (Line)" in bold before its content, numbered
// by cross-refs.ts, its name from the div's first heading or its `name` attribute. A proof, remark or solution
// (`::: {.proof}`) is not numbered: its word, in italics, begins its content. The line rewriter (rewrite-line.ts)
// keeps these divs' fences for the extensions here.
import type { Parser, Token, TokenizerAndRendererExtension, Tokens } from 'marked';
import { fencedDivExtension, fencedDivPattern } from './fenced-div.js';
import { readAttributes } from './attributes.js';
import { THEOREM_KINDS, type CrossRefs } from './cross-refs.js';
import { escapeHtml } from '../../../html-text.js';

/** The unnumbered kinds, by class, and the word each begins with. */
export const PROOF_KINDS: Readonly<Record<string, string>> = { proof: 'Proof', remark: 'Remark', solution: 'Solution' };

/** Whether a div's attributes make it a theorem-like div or a proof, which the line rewriter keeps for these extensions. */
export function isTheoremDiv(attributes: { id: string | null; classes: readonly string[] } | null): boolean {
  if (!attributes) return false;
  const kind = attributes.id === null ? undefined : /^([a-z]+)[-:]/.exec(attributes.id)?.[1];
  return (kind !== undefined && Object.hasOwn(THEOREM_KINDS, kind)) || attributes.classes.some((c) => Object.hasOwn(PROOF_KINDS, c));
}

/** A theorem-like div's title: "Theorem 1 (Line)", or its kind alone without a number or name. */
function writeTitle(word: string, number: string | undefined, name: string | undefined): string {
  return `${escapeHtml(word)}${number !== undefined ? ` ${number}` : ''}${name ? ` (${name})` : ''}`;
}

/** The div's content, its title first: within its first paragraph, as Quarto sets it, or a paragraph of its own. */
function renderWithTitle(title: string, body: Token[], parser: Parser): string {
  const [first, ...rest] = body;
  if (first?.type === 'paragraph') return `<p>${title} ${parser.parseInline((first as Tokens.Paragraph).tokens)}</p>\n${parser.parse(rest)}`;
  return `<p>${title}</p>\n${parser.parse(body)}`;
}

/** The name a div gives itself: its `name` attribute, else its first heading's text (HTML), which then leaves the content. */
function takeName(attributes: ReturnType<typeof readAttributes>, body: Token[], parser: Parser): { name: string | undefined; body: Token[] } {
  const named = attributes?.pairs.find(([key]) => key === 'name')?.[1];
  if (named !== undefined) return { name: escapeHtml(named), body };
  const [first, ...rest] = body;
  if (first?.type === 'heading') return { name: parser.parseInline((first as Tokens.Heading).tokens), body: rest };
  return { name: undefined, body };
}

/** The marked extensions for theorem-like divs and proofs; `report` warns of one never closed. */
export function theoremDivExtensions(crossRefs: CrossRefs, report: (message: string, hint?: string) => void): TokenizerAndRendererExtension[] {
  const kinds = Object.keys(THEOREM_KINDS).join('|');
  const proofs = Object.keys(PROOF_KINDS).join('|');
  return [
    fencedDivExtension(
      {
        name: 'quarto-theorem',
        called: 'a theorem div',
        opening: new RegExp(`^ {0,3}:{3,}[ \\t]*\\{[ \\t]*#(?:${kinds})[-:]`),
        block: fencedDivPattern(`([ \\t]*#(?:${kinds})[-:][^}\\n]*)`),
        // The label as the opening matched it: attributes Pandoc could not read (an unclosed quote) still have it.
        read: (match, lexer) => ({ label: /#([a-z]+[-:][\w:-]*)/.exec(match[2]!)![1]!, attributes: readAttributes(match[2]!.trim()), body: lexer.blockTokens(match[3]!, []) }),
        render: ({ label, attributes, body }, parser) => {
          const word = crossRefs.get(label)?.words.title ?? THEOREM_KINDS[/^[a-z]+/.exec(label)![0]]!;
          const named = takeName(attributes, body, parser);
          const title = `<strong>${writeTitle(word, crossRefs.get(label)?.number, named.name)}</strong>`;
          return `<div class="theorem">${renderWithTitle(title, named.body, parser)}</div>\n`;
        },
      },
      report,
    ),
    fencedDivExtension(
      {
        name: 'quarto-proof',
        called: 'a proof div',
        opening: new RegExp(`^ {0,3}:{3,}[ \\t]*\\{[^}\\n]*\\.(?:${proofs})\\b`),
        block: fencedDivPattern(`([^}\\n]*\\.(?:${proofs})\\b[^}\\n]*)`),
        read: (match, lexer) => ({ attributes: readAttributes(match[2]!.trim()), body: lexer.blockTokens(match[3]!, []) }),
        render: ({ attributes, body }, parser) => {
          const word = PROOF_KINDS[attributes?.classes.find((c) => Object.hasOwn(PROOF_KINDS, c)) ?? 'proof']!;
          const named = takeName(attributes, body, parser);
          return `<div class="theorem">${renderWithTitle(`<em>${writeTitle(word, undefined, named.name)}</em>.`, named.body, parser)}</div>\n`;
        },
      },
      report,
    ),
  ];
}
