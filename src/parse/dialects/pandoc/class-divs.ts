import type { TokenizerAndRendererExtension } from 'marked';
import { fencedDivExtension, fencedDivPattern } from './fenced-div.js';
import { readAttributes, readPlaces, writePlaces } from './attributes.js';
import { FRAGMENT_CLASS } from '../reveal.js';
import { keepSafeDeclarations } from '../../safe-inline-styles.js';
import { AUTO_ANIMATE_ATTRIBUTES } from '../../sanitize-fragment.js';
import { escapeHtml } from '../../../html-text.js';

// Quarto divs shown as a <div> of their class around their content, which
// the deck's styles lay out: an aside (`::: aside`), a remark of lesser weight
// in small type after the slide's content, and a stack (`::: {.r-stack}`),
// whose blocks lie in one place, one over another, by reveal's own `r-stack`
// class (usually pictures that step in, `![](a.png){.fragment}`), or side by
// side (`.r-hstack`) or one under another (`.r-vstack`), centred, by reveal's
// classes of those names; text sized to fill the slide's width (`::: {.r-fit-text}`), by
// reveal's own fitting of that class; and R Markdown ioslides' `<div class="columns-2">`,
// whose content flows into two columns, as ioslides' stylesheet flows it; and a block Quarto places on the slide
// (`::: {.absolute top=50 left="10%" width=300}`), a div of class `absolute` with its place as its style, which
// the sanitizer holds to exactly that (sanitize-fragment.ts).

/** What to do about a div's style left out. */
const STYLE_HINT = "a div's style may set its colours, type, spacing and size; for more, give it a class and style that in a css: file of the briefing folder";

/** Each such div's class, and what a warning calls one never closed. */
export const CLASS_DIVS: readonly { cls: string; called: string }[] = [
  { cls: 'aside', called: 'an aside' },
  { cls: 'r-stack', called: 'an r-stack div' },
  { cls: 'r-hstack', called: 'an r-hstack div' },
  { cls: 'r-vstack', called: 'an r-vstack div' },
  { cls: 'columns-2', called: 'a columns-2 div' },
  { cls: 'r-fit-text', called: 'an r-fit-text div' },
];

/** The marked extension for a div of classes the deck's own styles name, kept as a div of those classes (rewrite-line.ts decides which). */
export function styledDivExtension(report: (message: string, hint?: string) => void): TokenizerAndRendererExtension {
  return fencedDivExtension(
    {
      name: 'styled-div',
      called: 'a div of the deck\'s own classes',
      opening: /^ {0,3}:{3,}[ \t]*\{\.[\w-]+(?:[ \t]+\.[\w-]+)*\}[ \t]*(?:\n|$)/,
      block: fencedDivPattern('((?:\\.[\\w-]+[ \\t]*)+)'),
      read: (match, lexer) => ({ classes: match[2]!.trim().split(/\s+/).map((c) => c.slice(1)), body: lexer.blockTokens(match[3]!, []) }),
      render: ({ classes, body }, parser) => `<div class="${classes.join(' ')}">${parser.parse(body)}</div>\n`,
    },
    report,
  );
}

/**
 * The marked extension for a div with an inline style (`::: {style="font-size: 80%"}`, Quarto's auto-animate boxes
 * `::: {data-id="box1" style="background: #2780e3; width: 200px"}`): a <div> of the declarations an author's HTML may
 * keep (safe-inline-styles.ts) and its auto-animate id; `report` names the declarations and attributes left out.
 */
export function inlineStyleDivExtension(report: (message: string, hint?: string) => void): TokenizerAndRendererExtension {
  return fencedDivExtension(
    {
      name: 'inline-style-div',
      called: 'a div with a style',
      opening: /^ {0,3}:{3,}[ \t]*\{(?![^}\n]*\.absolute\b)[^}\n]*\b(?:style|data-id)=/,
      block: fencedDivPattern('((?![^}\\n]*\\.absolute\\b)[^}\\n]*\\b(?:style|data-id)=[^}\\n]*)'),
      read: (match, lexer) => ({ attributes: match[2]!, body: lexer.blockTokens(match[3]!, []) }),
      render: ({ attributes, body }, parser) => {
        const read = readAttributes(attributes);
        const { kept, dropped } = keepSafeDeclarations(read?.pairs.find(([key]) => key === 'style')?.[1] ?? '');
        // Its auto-animate id (by which reveal moves it from one slide into its place on the next), and the seconds its move waits and takes.
        const animation = (read?.pairs ?? []).filter(([key, value]) => AUTO_ANIMATE_ATTRIBUTES[key.startsWith('data-') ? key : `data-${key}`]?.test(value));
        const unread = [...(read?.id ? [`#${read.id}`] : []), ...(read?.classes ?? []).map((c) => `.${c}`), ...(read?.pairs ?? []).filter((pair) => pair[0] !== 'style' && !animation.includes(pair)).map(([k, v]) => `${k}=${v}`)];
        if (dropped.length > 0) report(`a div's style ${dropped.join('; ')} was left out: a style may set the look of its own box and text, never place it over the slide or fetch`, STYLE_HINT);
        if (unread.length > 0) report(`a div's attributes ${unread.join(' ')} are not read; ${kept ? 'its style is' : 'what else it says is'} kept`);
        const data = animation.map(([key, value]) => ` ${key.startsWith('data-') ? key : `data-${key}`}="${value}"`).join('');
        return `<div${kept ? ` style="${escapeHtml(kept)}"` : ''}${data}>${parser.parse(body)}</div>\n`;
      },
    },
    report,
  );
}

/**
 * The marked extension for Pandoc's `::: incremental` and `::: nonincremental` inside a div read whole (a styled div,
 * a callout, a stack), where the line rewriter cannot cut the div in two with a step's start and end, and so writes them
 * as divs of those classes: the lists in it step in one item at a time, or show at once in an incremental deck.
 */
export function steppedListDivExtension(report: (message: string, hint?: string) => void): TokenizerAndRendererExtension {
  return fencedDivExtension(
    {
      name: 'stepped-list-div',
      called: 'an incremental div',
      opening: /^ {0,3}:{3,}[ \t]*\{\.(?:non)?incremental\}[ \t]*(?:\n|$)/,
      block: fencedDivPattern('\\.((?:non)?incremental)'),
      read: (match, lexer) => ({ stepped: match[2] === 'incremental', body: lexer.blockTokens(match[3]!, []) }),
      // A list item that already steps, or holds still, as its own div says, keeps that: only a plain <li> is marked.
      render: ({ stepped, body }, parser) => parser.parse(body).replace(/<li>/g, stepped ? '<li class="fragment">' : '<li class="nonincremental">'),
    },
    report,
  );
}

/** The sides and sizes of Quarto's `.absolute`, each a length (a number is pixels). */
const PLACE_KEYS = ['top', 'left', 'right', 'bottom', 'width', 'height'];

/** The marked extension for Quarto's placed div; `report` names the attributes it does not read. */
export function placedDivExtension(report: (message: string, hint?: string) => void): TokenizerAndRendererExtension {
  return fencedDivExtension(
    {
      name: 'quarto-absolute',
      called: 'an absolute div',
      // `.absolute` anywhere among the div's attributes (`:::{style="…" .absolute top="27%"}`), as Pandoc reads them.
      opening: /^ {0,3}:{3,}[ \t]*\{[^}\n]*\.absolute\b/,
      block: fencedDivPattern('([^}\\n]*\\.absolute\\b[^}\\n]*)'),
      read: (match, lexer) => ({ attributes: match[2]!, body: lexer.blockTokens(match[3]!, []) }),
      render: ({ attributes, body }, parser) => {
        const read = readAttributes(attributes);
        const places = read ? readPlaces(read, PLACE_KEYS) : [];
        const unread = [...(read?.classes ?? []).filter((c) => c !== 'absolute').map((c) => `.${c}`), ...(read?.pairs ?? []).filter((pair) => !places.includes(pair)).map(([k, v]) => `${k}=${v}`)];
        if (unread.length > 0) report(`Quarto's absolute div attributes ${unread.join(' ')} are not read; the div is placed without them`);
        const style = writePlaces(places);
        return `<div class="absolute" style="position:absolute${style ? `;${style}` : ''}">${parser.parse(body)}</div>\n`;
      },
    },
    report,
  );
}

/** The marked extensions for these divs, as the line rewriter leaves them (`::: {.aside}`). `report` warns of one never closed. */
export function classDivExtensions(report: (message: string, hint?: string) => void): TokenizerAndRendererExtension[] {
  return CLASS_DIVS.map(({ cls, called }) =>
    fencedDivExtension(
      {
        name: `quarto-${cls}`,
        called,
        opening: new RegExp(`^ {0,3}:{3,}[ \\t]*\\{\\.${cls}\\}`),
        block: fencedDivPattern(`\\.${cls}`),
        read: (match, lexer) => lexer.blockTokens(match[2]!, []),
        render: (body, parser) => `<div class="${cls}">${parser.parse(body)}</div>\n`,
      },
      report,
    ),
  );
}

/**
 * The marked extension for a fragment div inside a div read whole (rewrite-line.ts writes it so: `.fragment`, its reveal
 * effects, `fragment-index=`): a <div> that steps in with them, where a pause would have cut the div around it in two.
 */
export function keptFragmentExtension(report: (message: string, hint?: string) => void): TokenizerAndRendererExtension {
  return fencedDivExtension(
    {
      name: 'kept-fragment',
      called: 'a fragment div',
      opening: /^ {0,3}:{3,}[ \t]*\{\.fragment[ \t}]/,
      block: fencedDivPattern('(\\.fragment(?:[ \\t][^}\\n]*)?)'),
      read: (match, lexer) => ({ attributes: readAttributes(match[2]!), body: lexer.blockTokens(match[3]!, []) }),
      render: ({ attributes, body }, parser) => {
        const classes = ['fragment', ...(attributes?.classes ?? []).filter((c) => c !== 'fragment' && FRAGMENT_CLASS.test(c))];
        const index = attributes?.pairs.find(([key, value]) => key === 'fragment-index' && /^\d{1,3}$/.test(value))?.[1];
        return `<div class="${classes.join(' ')}"${index !== undefined ? ` data-fragment-index="${index}"` : ''}>${parser.parse(body)}</div>\n`;
      },
    },
    report,
  );
}
