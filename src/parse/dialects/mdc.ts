import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { startWithinWindowOf } from '../extension-start.js';
import { describeIgnored, type Attributes } from './pandoc/attributes.js';
import { clickClasses, clickIndex, clickRange, clickStep, isAfterAttribute, readVClicks } from './slidev.js';

// How briefdeck reads MDC (Markdown Components), the syntax Slidev turns on
// with `mdc: true` (`comark: true` in newer Slidev). Its components are Vue's,
// which briefdeck has none of, so none may show as text:
// - a block component (`::alert{type="info"}` … `::`) keeps its content, and
//   its marker lines go; `::v-click` is a build step and `::v-clicks` an
//   incremental list, as their tags are (leftovers.ts);
// - an inline component (`:badge[New]{.green}`, `:icon{name="x"}`) keeps its
//   text, if it has any; `:span[text]{.fragment}` is Pandoc's span;
// - attributes after bold, italic and struck text (`**a**{style="…"}`) and
//   bare props (`{lazy}`) are read as Pandoc's attribute blocks are
//   (pandoc/inline-extensions.ts), used or reported, never shown.

/** Block components still open, each with what its closing `::` becomes. */
export interface MdcState {
  open: string[];
}

/** A block component's opening line: `::name`, with props `{…}` and text `[…]` in either order. */
const BLOCK_OPEN = /^[ \t]*::([A-Za-z][\w-]*)(?:\{[^{}\n]*\}|\[[^\]\n]*\])*[ \t]*$/;
/** A block component's closing line. */
const BLOCK_CLOSE = /^[ \t]*::[ \t]*$/;
/** A named slot inside a block component, `#description`: where its content goes in the component. */
const SLOT = /^[ \t]*#[A-Za-z][\w-]*[ \t]*$/;

/**
 * Rewrites one line of an MDC deck: null when it is not a block component's
 * line, else the text to read instead and, where meaning is lost, a warning.
 */
export function rewriteMdcLine(line: string, state: MdcState): { text: string; warning?: string } | null {
  const open = BLOCK_OPEN.exec(line);
  if (open) {
    const name = open[1]!;
    // Slidev's click components, as blocks: a build step, and a list shown item by item.
    if (name === 'v-click') {
      state.open.push('<!-- pause: end -->');
      return { text: '<!-- pause -->' };
    }
    if (name === 'v-clicks') {
      state.open.push('<!-- incremental: end -->');
      return readVClicks(line.slice(line.indexOf('::v-clicks') + '::v-clicks'.length));
    }
    state.open.push('');
    return { text: '', warning: `MDC component ::${name} is not supported; its content is shown without it` };
  }
  if (state.open.length > 0 && BLOCK_CLOSE.test(line)) return { text: state.open.pop()! };
  if (state.open.length > 0 && SLOT.test(line)) return { text: '' };
  // Props after a heading's text (`### But {.op50.mb-2}`, `## Aside {v-click}`) are the heading element's: never its text.
  const heading = HEADING_PROPS.exec(line);
  if (heading) {
    const props = heading[2]!.trim().replace(/(?<=\S)\.(?=[A-Za-z])/g, ' .');
    return { text: heading[1]!, ...(props === '' ? {} : { warning: `MDC attributes ${props} on a heading are not supported and were left out` }) };
  }
  return null;
}

/** An ATX heading whose line ends with MDC props, `{…}`, after its text: not right after a span, emphasis or code, whose they are. */
const HEADING_PROPS = /^( {0,3}#{1,6}[ \t]+\S.*?)[ \t]*(?<![\]*_~`)])\{([^{}\n]*)\}[ \t]*$/;

/** The longest inline component read, in characters; a longer one stays text. */
const MAX_INLINE = 1000;
/** An inline component: `:name`, then its text `[…]` and props `{…}` in either order, at least one of them. */
const INLINE = /^:([A-Za-z][\w-]*)(?:(\[(?:\\.|[^\\[\]\n])*\])(\{[^{}\n]*\})?|(\{[^{}\n]*\})(\[(?:\\.|[^\\[\]\n])*\])?)/;

/**
 * A marked extension for MDC's inline components. One stands where a word
 * starts, never inside one (`a:b[c]` is text); `report` names what was left out.
 */
export function mdcInlineExtension(report: (raw: string, message: string) => void): TokenizerAndRendererExtension {
  return {
    name: 'mdcInline',
    level: 'inline',
    // At a `:` that starts a word (the pattern opens with it, and looks back from it, so that the search skips along to each `:`).
    start: startWithinWindowOf((text) => text.search(/:(?<=(?:^|[\s(]):)[A-Za-z]/), 3),
    tokenizer(src: string, tokens: Tokens.Generic[]) {
      if (!src.startsWith(':')) return undefined;
      const before = tokens.at(-1);
      // Only its last character is read: a regular expression anchored at the end would scan the whole of a long token at every place tried.
      if (before && !/[\s(]/.test(before.raw.slice(-1))) return undefined;
      const match = INLINE.exec(src.slice(0, MAX_INLINE));
      if (!match) return undefined;
      const text = match[2] ?? match[5];
      const props = (match[3] ?? match[4])?.slice(1, -1);
      const attributes = props === undefined ? { id: null, classes: [], pairs: [] } : readMdcAttributes(props);
      if (attributes === null) return undefined;
      return { type: 'mdcInline', raw: match[0], name: match[1]!, attributes, tokens: text === undefined ? [] : this.lexer.inlineTokens(text.slice(1, -1)) };
    },
    renderer(token) {
      const { raw, name, attributes, tokens } = token as unknown as { raw: string; name: string; attributes: Attributes; tokens: Tokens.Generic[] };
      const inner = this.parser.parseInline(tokens);
      // `:span[text]{.fragment}` is a span, as `[text]{.fragment}` is: a step when it asks for one.
      if (name === 'span') {
        const ignored = describeIgnored(attributes, (cls) => cls === 'fragment');
        if (ignored.length > 0) report(raw, `MDC attributes ${ignored.join(' ')} are not supported and were left out`);
        return attributes.classes.includes('fragment') ? `<span class="fragment">${inner}</span>` : inner;
      }
      report(raw, `MDC component :${name} is not supported; ${tokens.length > 0 ? 'its text is shown without it' : 'it was left out'}`);
      return inner;
    },
  };
}

/** A character of MDC's props, or a quoted value whole, which may hold braces: a pattern's source, for a block of props `{…}`. */
export const MDC_PROP_TEXT = `(?:[^{}\\n"'\`]|"[^"\\n]*"|'[^'\\n]*'|\`[^\`\\n]*\`)`;

/**
 * One of MDC's props: `#id` or `.class` (running to a space, `#` or `.`, so `.a.b` is two classes), or a key, which
 * runs to a space or `=` (Vue's `v-mark.red`, `:count`, `@click` are keys), with a value quoted, bracketed or bare.
 */
const MDC_PROP = /^(?:#([^\s#.'"`=]+)|\.([^\s#.'"`=]+)|([^\s#.'"`=][^\s'"`=]*)(?:=(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(\[[^\]]*\])|([^\s'"`]+)))?)(?:\s+|$|(?=[#.]))/;

/**
 * Reads MDC's props as markdown-it-mdc (Slidev's reader) does: a bare key (`lazy`, `v-click`) is a prop set to
 * true; null when some part cannot be read, and the braces are then text.
 */
export function readMdcAttributes(inside: string): Attributes | null {
  const read: Attributes = { id: null, classes: [], pairs: [] };
  let rest = inside.trim();
  if (rest === '') return null;
  while (rest !== '') {
    const part = MDC_PROP.exec(rest);
    if (!part || part[0] === '') return null;
    if (part[1] !== undefined) read.id = part[1];
    else if (part[2] !== undefined) read.classes.push(part[2]);
    else read.pairs.push([part[3]!, part[4] ?? part[5] ?? part[6] ?? part[7] ?? part[8] ?? 'true']);
    rest = rest.slice(part[0].length);
  }
  return read;
}

/**
 * The step Slidev's click props ask for on a span or picture (`[text]{v-click}`, `{v-click="3"}`, `{v-click.hide}`), as
 * they do on an element (slidev.ts): the effects and place in the order of reveal's fragment; null without one.
 */
export function readMdcClick(attributes: Attributes): { effects: string[]; index?: string; withPrevious?: true; hideAt?: string; step?: number } | null {
  const names = attributes.pairs.map(([name]) => name);
  const classes = clickClasses(names);
  if (classes.length === 0) return null;
  const props = Object.fromEntries(attributes.pairs);
  // A ranged click (`{v-click="[2, 4]"}`) steps in at its first click and out at its second (slidev-after.ts).
  const range = clickRange(props);
  const index = range?.from ?? clickIndex(props);
  // A relative click (`{v-click="'+2'"}`) steps in that many clicks after the last one placed in order, as on an element.
  const step = index === undefined && !isAfterAttribute(names) ? clickStep(props) : undefined;
  return { effects: classes.filter((c) => c !== 'fragment'), ...(index !== undefined ? { index } : isAfterAttribute(names) ? { withPrevious: true as const } : {}), ...(range ? { hideAt: range.until } : {}), ...(step !== undefined && step !== 1 ? { step } : {}) };
}
