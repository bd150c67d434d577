import type { TokenizerAndRendererExtension } from 'marked';
import { fencedDivExtension, fencedDivPattern } from './fenced-div.js';

// Quarto's aside, `::: aside` … `:::`: a remark of lesser weight, which Quarto
// sets in small type at the foot of the slide. Here it closes the slide's
// content in small type.

const ASIDE_BLOCK = fencedDivPattern('\\.aside');
const ASIDE_OPENING = /^ {0,3}:{3,}[ \t]*\{\.aside\}/;

/** The marked extension that sets an aside in small type. `report` warns of one never closed. */
export function asideExtension(report: (message: string) => void): TokenizerAndRendererExtension {
  return fencedDivExtension(
    {
      name: 'quartoAside',
      called: 'an aside',
      opening: ASIDE_OPENING,
      block: ASIDE_BLOCK,
      read: (match, lexer) => lexer.blockTokens(match[2]!, []),
      render: (body, parser) => `<div class="aside">${parser.parse(body)}</div>\n`,
    },
    report,
  );
}
