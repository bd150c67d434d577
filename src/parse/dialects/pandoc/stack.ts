import type { TokenizerAndRendererExtension } from 'marked';
import { fencedDivExtension, fencedDivPattern } from './fenced-div.js';

// Quarto's stack, `::: {.r-stack}` … `:::`: its blocks lie on top of one
// another in one place, usually pictures that step in one after another
// (`![](a.png){.fragment}`). reveal's own `r-stack` class lays them out.

const STACK_BLOCK = fencedDivPattern('\\.r-stack');
const STACK_OPENING = /^ {0,3}:{3,}[ \t]*\{\.r-stack\}/;

/** The marked extension that stacks a div's blocks in one place. `report` warns of one never closed. */
export function stackExtension(report: (message: string) => void): TokenizerAndRendererExtension {
  return fencedDivExtension(
    {
      name: 'quartoStack',
      called: 'an r-stack div',
      opening: STACK_OPENING,
      block: STACK_BLOCK,
      read: (match, lexer) => lexer.blockTokens(match[2]!, []),
      render: (body, parser) => `<div class="r-stack">${parser.parse(body)}</div>\n`,
    },
    report,
  );
}
