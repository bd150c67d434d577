// The depth guard for HTML, the counterpart of nesting-guard.ts: parse5's tree
// builder looks through every open element for each new one (where a `<p>` would
// close), so a page nested thousands deep took it minutes, and the worker's time
// limit ended the build with no line to look at. A tokenizer pass is linear: the
// first element nested deeper than any slide can show is an error at its line.
import type { TokenHandler, TokenizerMode } from 'parse5';
import { loadHtmlParser } from './load-html-parser.js';

/** Deeper than any slide's HTML nests, and shallow enough that parse5 stays fast. */
export const MAX_HTML_DEPTH = 256;

/** The error for HTML nested too deep, at the line findExcessiveHtmlNesting finds. */
export const HTML_TOO_DEEP = { message: `HTML nested more than ${MAX_HTML_DEPTH} elements deep`, hint: 'close the elements opened before this line; no slide nests this deep' };

/** Elements with no content, so never open. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements whose end tag may be left out: the next of their kind closes them, so they are not counted as nesting. */
const OPTIONAL_END = new Set(['body', 'caption', 'colgroup', 'dd', 'dt', 'head', 'html', 'li', 'optgroup', 'option', 'p', 'rb', 'rp', 'rt', 'rtc', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);

/** Elements whose content is text up to their end tag, as the tree builder tells the tokenizer: by the name of its mode. */
const TEXT_ELEMENTS: Record<string, keyof typeof TokenizerMode> = {
  iframe: 'RAWTEXT',
  noembed: 'RAWTEXT',
  noframes: 'RAWTEXT',
  plaintext: 'PLAINTEXT',
  script: 'SCRIPT_DATA',
  style: 'RAWTEXT',
  textarea: 'RCDATA',
  title: 'RCDATA',
  xmp: 'RAWTEXT',
};

/** The line (from 1) of the first element in `html` nested deeper than `max` elements, or undefined. */
export function findExcessiveHtmlNesting(html: string, max = MAX_HTML_DEPTH): number | undefined {
  if (!html.includes('<')) return undefined;
  const { Tokenizer, TokenizerMode } = loadHtmlParser();
  const open: string[] = [];
  let found: number | undefined;
  const ignore = () => undefined;
  const handler: TokenHandler = {
    onStartTag(token) {
      const mode = TEXT_ELEMENTS[token.tagName];
      if (mode !== undefined) tokenizer.state = TokenizerMode[mode];
      if (found !== undefined || token.selfClosing || VOID_ELEMENTS.has(token.tagName) || OPTIONAL_END.has(token.tagName)) return;
      open.push(token.tagName);
      if (open.length > max) found = token.location?.startLine ?? 1;
    },
    onEndTag(token) {
      // Closing an element closes those left open inside it; one never opened is ignored, as the tree builder ignores it.
      const at = open.lastIndexOf(token.tagName);
      if (at !== -1) open.length = at;
    },
    onComment: ignore,
    onDoctype: ignore,
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
    onParseError: null,
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: true }, handler);
  tokenizer.write(html, true);
  return found;
}
