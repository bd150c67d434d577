import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { DiagnosticBag } from '../errors.js';
import { createHash } from 'node:crypto';
import { isElement } from '../parse/html-nodes.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** What the finished file must satisfy, whatever the templates wrote. */
export interface SealRules {
  /** The exact CSP the bundle stage wrote. */
  csp: string;
  /** Base64 SHA-256 of every inline script the CSP allows. */
  scriptHashes: string[];
  /** The deck template, named in every error. */
  template: string;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/**
 * Parses the finished deck as a browser would (parse5 follows the HTML
 * standard) and checks that the template cannot have unsealed it: the CSP
 * `<meta>` is the first element after `<meta charset>`, directly in `<head>`,
 * every script is one the CSP allows by hash, and nothing that navigates or
 * rebases the page is present. Problems go to `bag` as E_TEMPLATE errors.
 */
export function verifySealedDeck(html: string, rules: SealRules, bag: DiagnosticBag): void {
  const fail = (message: string) => bag.error('E_TEMPLATE', message, { file: rules.template, hint: 'keep <meta charset="utf-8"> then {{{briefdeck.head}}} first in <head>, and add no <script>, <base>, <meta http-equiv> or frames to templates' });
  const document = parse(html);
  const root = document.childNodes.find(isElement);
  const head = root?.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'head');
  const headElements = head?.childNodes.filter(isElement) ?? [];
  const [charset, csp] = headElements;
  if (!charset || charset.tagName !== 'meta' || attr(charset, 'charset')?.toLowerCase() !== 'utf-8') {
    fail('the deck template must start <head> with <meta charset="utf-8">');
  }
  if (!csp || csp.tagName !== 'meta' || attr(csp, 'http-equiv')?.toLowerCase() !== 'content-security-policy' || attr(csp, 'content') !== rules.csp) {
    fail('the Content-Security-Policy is not the first element after <meta charset> directly in <head>; the deck would not be sealed');
  }
  const allowed = new Set(rules.scriptHashes);
  walk(document, (el) => {
    if (el.tagName === 'script') {
      const type = (attr(el, 'type') ?? '').toLowerCase();
      // Our configuration is data, not script: a JSON block never executes.
      if (type === 'application/json' && attr(el, 'id') === 'briefdeck-config') return;
      if (attr(el, 'src') !== undefined) return fail('a template adds a <script src>; a deck runs only its own inline, hash-allowed scripts');
      const text = el.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
      if (!allowed.has(createHash('sha256').update(text, 'utf8').digest('base64'))) fail('a template adds a <script> the deck does not allow by hash');
    } else if (el.tagName === 'base') {
      fail('a template adds <base>, which would rebase every link of the deck');
    } else if (el.tagName === 'meta' && attr(el, 'http-equiv') !== undefined && el !== csp) {
      fail(`a template adds <meta http-equiv="${attr(el, 'http-equiv')}">; only the deck's own CSP may be set that way`);
    } else if (['iframe', 'frame', 'object', 'embed', 'portal', 'fencedframe'].includes(el.tagName)) {
      fail(`a template adds <${el.tagName}>; a deck frames nothing`);
    }
  });
}

/** Visits every element, template contents included, in document order. */
function walk(node: Node, visit: (el: Element) => void): void {
  if (isElement(node)) {
    visit(node);
    if (node.tagName === 'template' && 'content' in node) walk((node as unknown as { content: Node }).content, visit);
  }
  if ('childNodes' in node) for (const child of node.childNodes) walk(child, visit);
}
