// Code blocks: what a fence's info string asks for, and the highlighting,
// done at build time so the deck needs no highlighter when it runs.
import { createRequire } from 'node:module';
import { escapeHtml } from '../html-text.js';

const require = createRequire(import.meta.url);
// Loaded on first use only: most briefings have no code.
let hljs: typeof import('highlight.js').default | undefined;

/** What a fenced block is, read from its info string. */
export type CodeInfo =
  | { kind: 'chart' }
  /** Pandoc's raw block (```{=html}): for that output format only. */
  | { kind: 'raw'; format: string }
  | { kind: 'code'; language: string | undefined; text: string };

/**
 * Reads a fence's info string: `chart`; Pandoc's raw `{=html}`; a Quarto or R Markdown
 * cell (```{python}), shown without the `#|` options only its tool reads; Pandoc's
 * attributes (```{.python code-line-numbers="2"}), whose class names the language;
 * else the first word, as CommonMark reads it.
 */
export function readCodeInfo(info: string | undefined, text: string): CodeInfo {
  const spec = (info ?? '').trim();
  if (spec.split(/\s+/)[0] === 'chart') return { kind: 'chart' };
  const raw = /^\{=([\w-]+)\}$/.exec(spec);
  if (raw) return { kind: 'raw', format: raw[1]! };
  const braced = /^\{[ \t]*(\.)?([\w+-]+)[^}]*\}/.exec(spec);
  if (!braced) return { kind: 'code', language: spec.split(/\s+/)[0] || undefined, text };
  const cell = braced[1] === undefined;
  return { kind: 'code', language: braced[2], text: cell ? text.replace(/^(?:[ \t]*(?:#|\/\/|--)\|.*(?:\n|$))+/, '') : text };
}

/** A code block as highlighted HTML, with its language class when highlight.js knows the language. */
export function renderCodeBlock(code: string, language: string | undefined): string {
  const { html, language: known } = highlightCode(code, language);
  return `<pre><code class="hljs${known ? ` language-${escapeHtml(known)}` : ''}">${html}</code></pre>\n`;
}

/** Highlights code at build time; a language highlight.js does not know is shown as plain, escaped text. */
function highlightCode(code: string, lang: string | undefined): { html: string; language: string | null } {
  const language = (lang ?? '').trim().split(/\s+/)[0]!.toLowerCase();
  if (!language || language === 'text' || language === 'plain') return { html: escapeHtml(code), language: null };
  hljs ??= (require('highlight.js') as { default: typeof import('highlight.js').default }).default ?? (require('highlight.js') as typeof import('highlight.js').default);
  if (!hljs.getLanguage(language)) return { html: escapeHtml(code), language: null };
  return { html: hljs.highlight(code, { language, ignoreIllegals: true }).value, language };
}
