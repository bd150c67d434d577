import type { TokenizerAndRendererExtension } from 'marked';
import type { BriefingMeta } from '../../../model.js';
import { escapeHtml } from '../../../html-text.js';
import { startWithinWindowOf } from '../../extension-start.js';
import { suggestClosest } from '../../../did-you-mean.js';

// How briefdeck reads Quarto's shortcodes (`{{< name args >}}`), which Quarto
// replaces as it renders. Those that stand for text become that text: `kbd`
// a key, `meta` a value of the deck's own metadata, `var` one of the variables
// of `_variables.yml` beside the deck (read by the load stage). An include on a line of
// its own is read by cut-slides.ts (include-paths.ts), and a video on the web
// there becomes a link to it (leftovers.ts). The rest (icons, local videos,
// environment variables, placeholder text) are left out with a warning,
// never shown as text. A shortcode alone on its line is left out before the
// line is read (leftovers.ts), unless it is one of those that stand for text.

/** Shortcodes that stand for text, which an author may also write alone on a line. */
export const TEXT_SHORTCODES = new Set(['kbd', 'meta', 'var']);

/** The warning for a shortcode left out, on a line of its own or inside one; `meta` says why a variable is missing. */
export function shortcodeLeftOut(shortcode: string, meta?: Pick<BriefingMeta, 'quartoVariables'>): string {
  const variable = /^\{\{<[ \t]*var[ \t]+([^ \t>]+)[ \t]*>\}\}$/.exec(shortcode)?.[1];
  if (variable === undefined || meta === undefined) return `Quarto shortcode ${shortcode} is not supported and was left out`;
  const names = Object.keys(meta.quartoVariables ?? {});
  if (names.length === 0) return `Quarto's ${shortcode} names a variable of _variables.yml, and there is none beside the deck; it was left out`;
  const meant = suggestClosest(variable, names, { byPrefix: false });
  return `Quarto's variable "${variable}" is not in _variables.yml${meant ? ` (did you mean "${meant}"?)` : ''}; ${shortcode} was left out`;
}

/** The metadata `{{< meta key >}}` may name: the deck's own title, subtitle, author and date, as its title slide shows them. */
const META_KEYS = { title: 'title', subtitle: 'subtitle', author: 'author', date: 'date' } as const;

/** One shortcode, bounded: it never runs past its line or 500 characters. */
const SHORTCODE = /^\{\{<[ \t]*([\w-]+)((?:[ \t][^\n>]{0,500}?)?)[ \t]*>\}\}/;
/** A shortcode escaped with a third brace each side (`{{{< meta title >}}}`), which Quarto shows as written with two. */
const ESCAPED_SHORTCODE = new RegExp(`^\\{${SHORTCODE.source.slice(1)}\\}`);

/** What one shortcode stands for: a key (`kbd`), a value of the metadata (`meta`), or null for one left out. */
function readShortcode(name: string, args: string, meta: BriefingMeta): { key: string } | { value: string } | null {
  const words = args.split(/[ \t]+/).filter(Boolean);
  // `{{< kbd Ctrl-C >}}`, or one key per system (`mac=⌘-C win=Ctrl-C`): the first given.
  const key = words.find((w) => !w.includes('=')) ?? words[0]?.replace(/^[\w-]+=/, '');
  if (name === 'kbd' && key) return { key: key.replace(/^["']|["']$/g, '') };
  const field = Object.hasOwn(META_KEYS, words[0] ?? '') ? META_KEYS[words[0] as keyof typeof META_KEYS] : undefined;
  const value = name === 'meta' && words.length === 1 && field ? meta[field] : name === 'var' && words.length === 1 && meta.quartoVariables && Object.hasOwn(meta.quartoVariables, words[0]!) ? meta.quartoVariables[words[0]!] : undefined;
  return value ? { value } : null;
}

/**
 * Code as Quarto shows it: a shortcode escaped with a third brace each side (`{{{< meta title >}}}`, as a talk about Quarto writes one
 * in its examples) loses them. `fenceInfo`, a block's, may say `shortcodes="false"`, where Quarto reads none and shows the code as written.
 */
export function unescapeShortcodesInCode(code: string, fenceInfo = ''): string {
  if (!code.includes('{{{<') || /\bshortcodes=["']?false\b/.test(fenceInfo)) return code;
  return code.replace(new RegExp(ESCAPED_SHORTCODE.source.slice(1), 'g'), (escaped) => escaped.slice(1, -1));
}

/** A marked extension for Quarto's shortcodes inside a line; `warn` reports one that is left out. */
export function quartoShortcodeExtension(meta: BriefingMeta, warn: (raw: string, message: string) => void): TokenizerAndRendererExtension {
  return {
    name: 'quartoShortcode',
    level: 'inline',
    // An escaped one starts at its third brace, which would otherwise be text before a shortcode read as such.
    start: startWithinWindowOf((text) => {
      const at = text.indexOf('{{<');
      return at > 0 && text[at - 1] === '{' ? at - 1 : at;
    }, 4),
    tokenizer(src: string) {
      const escaped = ESCAPED_SHORTCODE.exec(src);
      if (escaped) return { type: 'text', raw: escaped[0], text: escapeHtml(escaped[0].slice(1, -1)) };
      const match = SHORTCODE.exec(src);
      return match ? { type: 'quartoShortcode', raw: match[0], name: match[1]!, args: match[2]!.trim() } : undefined;
    },
    renderer(token) {
      const { raw, name, args } = token as unknown as { raw: string; name: string; args: string };
      const read = readShortcode(name, args, meta);
      if (read && 'key' in read) return `<kbd>${escapeHtml(read.key)}</kbd>`;
      if (read) return escapeHtml(read.value);
      warn(raw, shortcodeLeftOut(raw, meta));
      return '';
    },
  };
}

/**
 * Plain text of the metadata (a title, an author) with its shortcodes read as in a line: a key or a value is its text,
 * any other is left out and named to `warn`; `keepMeta` keeps `meta` ones as written, for a pass after every field is read.
 */
export function readShortcodesInText(text: string, meta: BriefingMeta, warn: (shortcode: string) => void, keepMeta = false): string {
  if (!text.includes('{{<')) return text;
  return text
    .replace(new RegExp(`${ESCAPED_SHORTCODE.source.slice(1)}|${SHORTCODE.source.slice(1)}`, 'g'), (raw: string, ...groups: string[]) => {
      // An escaped one stays escaped until the last pass, so a `meta` one it shows is never read by that pass.
      if (groups[0] !== undefined) return keepMeta ? raw : raw.slice(1, -1);
      const [name, args] = [groups[2]!, groups[3]!];
      // Kept for a second pass, once every field it may name has lost its own shortcodes.
      if (keepMeta && name === 'meta') return raw;
      const read = readShortcode(name, args.trim(), meta);
      if (read) return 'key' in read ? read.key : read.value;
      warn(raw);
      return '';
    })
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
