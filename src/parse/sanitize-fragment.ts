import { createRequire } from 'node:module';
import { ASSET_SCHEME } from '../model.js';

const require = createRequire(import.meta.url);
type SanitizeHtml = typeof import('sanitize-html');
// Loaded only when a slide has raw HTML: it costs ~60 ms of start-up.
let sanitizer: SanitizeHtml | undefined;

/**
 * Tags removed from author HTML even with `html: true`: each can navigate the
 * deck, change its base URL or frame another document, and a script could
 * never run under the deck's CSP anyway, which allows only its own by hash.
 */
const NEVER_IN_A_DECK = new Set(['script', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'link', 'fencedframe']);

/** Keeps trusted author HTML as written, minus the tags in NEVER_IN_A_DECK. */
export function stripNavigationAndFrames(html: string): string {
  sanitizer ??= require('sanitize-html') as SanitizeHtml;
  return sanitizer(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    allowedSchemes: ['https', 'mailto', ASSET_SCHEME.slice(0, -1), 'data'],
    exclusiveFilter: (frame) => NEVER_IN_A_DECK.has(frame.tag),
    allowedSchemesAppliedToAttributes: [],
    parser: { lowerCaseAttributeNames: false },
  } as import('sanitize-html').IOptions);
}

/** Keeps the formatting tags Markdown itself could produce and drops everything that loads or runs. */
export function sanitizeFragment(html: string): string {
  sanitizer ??= require('sanitize-html') as SanitizeHtml;
  return sanitizer(html, {
    allowedTags: [
      'p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
      'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'kbd', 'abbr', 'cite', 'q', 'span', 'a', 'img', 'input',
      'figure', 'figcaption', 'div',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'target', 'rel'],
      img: ['src', 'alt', 'title'],
      abbr: ['title'],
      ol: ['start'],
      th: ['align'],
      td: ['align'],
      code: ['class'],
      span: ['class'],
      input: ['type', 'checked', 'disabled'],
    },
    allowedSchemes: ['https', 'mailto'],
    allowedSchemesByTag: { img: [ASSET_SCHEME.slice(0, -1)] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    // Only images the parser resolved and confined may keep a source; a relative src would reach for a local file.
    transformTags: {
      img: (tagName, attribs) => {
        const { src, ...rest } = attribs;
        return { tagName, attribs: src?.startsWith(ASSET_SCHEME) ? { src, ...rest } : rest };
      },
    },
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math'],
  });
}
