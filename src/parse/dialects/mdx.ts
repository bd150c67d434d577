// How briefdeck reads a deck written in MDX, for mdx-deck or Spectacle: Markdown with
// JavaScript modules and React components in it, slides cut at `---`. Before the deck
// is cut, each file is rewritten line for line (so every line keeps its number):
// - its import and export statements (a block that starts `import` or `export`, to
//   the next blank line) are code for the tool, never text;
// - `<Notes>` … `</Notes>` are the slide's speaker notes, read as reveal's
//   `<aside class="notes">`, on one line or several;
// - `<Head>` … `</Head>` sets the page's head, which briefdeck makes itself: left out;
// - `<Appear>` and `<Steps>` around content make it a build step;
// - comments, `{/* … */}`, are left out;
// - a tag that holds JavaScript (`<CodeSurfer title={() => …}`, `<img style={{…}}>`), over one line or several, is read
//   with a JavaScript parser (jsx-tags.ts): a component's tag is written on its first line as `<Name/>` or `<Name>`,
//   an HTML tag with its plain attributes only (the JavaScript ones named in a warning), every other line of it empty.
// Other components are left out with a warning (leftovers.ts), what they wrap shown.
import { escapeHtml } from '../../html-text.js';
import type { DiagnosticBag } from '../../errors.js';
import type { SourceFile } from '../../model.js';
import { PEER_SYNTAX_HINT } from '../render-markdown.js';
import { createFenceReader } from '../read-fences.js';
import { VOID_ELEMENTS } from '../html-depth.js';
import { JSX_READING_BUDGET, readJsxTag } from './jsx-tags.js';

/** An import or export statement opening a block: ES module code for the tool. */
const ESM_LINE = /^(?:import|export)[ \t{*]/;

/** True for a deck written in MDX: an import from a deck tool's package, or `<Notes>`. */
export function readsAsMdxBody(text: string): boolean {
  return /^import[ \t][^\n]*\bfrom[ \t]+["'](?:mdx-deck|@mdx-deck\/[\w-]+|spectacle)["']/m.test(text) || /^[ \t]*<Notes>/m.test(text);
}

/**
 * An MDX deck's file rewritten into briefdeck's Markdown, line for line (see above); code blocks are left as they are.
 * `unclosedComment` is the index of the line where a comment opens that never closes, which took the rest of the file.
 */
export function rewriteMdxDeck(text: string): { text: string; unclosedComment?: number; scripted: number[] } {
  const fences = createFenceReader();
  const lines = text.split('\n');
  const offsets: number[] = [];
  lines.reduce((at, line) => (offsets.push(at), at + line.length + 1), 0);
  /** Where a tag read over several lines ends: the lines before it are part of it. */
  let tagEnd = -1;
  /** The lines where an HTML tag's JavaScript attributes were left out. */
  const scripted: number[] = [];
  const budget = { left: JSX_READING_BUDGET };
  let esm = false;
  let head = false;
  let comment = false;
  let commentFrom = 0;
  let blankBefore = true;
  const rewritten = lines
    .map((line, index) => {
      // Inside a tag read from a line above: empty, but for what follows the tag's end on its last line.
      if (tagEnd > offsets[index]!) return tagEnd >= offsets[index]! + line.length ? '' : line.slice(tagEnd - offsets[index]!);
      const blank = line.trim() === '';
      const atBlockStart = blankBefore;
      blankBefore = blank;
      if (comment || head || esm) {
        if (comment) {
          const end = line.indexOf('*/}');
          if (end === -1) return '';
          comment = false;
          return line.slice(end + 3);
        }
        if (head) {
          head = !/<\/Head>/.test(line);
          return '';
        }
        esm = !blank;
        return '';
      }
      if (fences.read(line)) return line;
      if (atBlockStart && ESM_LINE.test(line)) {
        esm = true;
        return '';
      }
      if (/^[ \t]*<Head>/.test(line)) {
        head = !/<\/Head>/.test(line);
        return '';
      }
      // A tag that holds JavaScript, or a component's that goes on past its line: read whole, written as one plain tag.
      const opening = /^([ \t]*)<([A-Za-z][\w.-]*)/.exec(line);
      const component = opening !== null && /^[A-Z]/.test(opening[2]!);
      if (opening && (line.includes('={') || !line.includes('>', opening[0].length) || (component && !/>[ \t]*$/.test(line)))) {
        const tag = readJsxTag(text, offsets[index]! + opening[1]!.length, budget);
        // An HTML tag of plain attributes over several lines is HTML as written; only one holding JavaScript is rewritten.
        if (tag && (component || tag.scripted)) {
          // JSX closes any element with `/>`; HTML, only a void one (`<img />`): another (`<iframe … />`) is written closed, or it would take in what follows.
          const attributes = tag.stringAttributes.map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');
          const plain = component ? `<${tag.name}${tag.selfClosing ? '/' : ''}>` : `<${tag.name}${attributes}${!tag.selfClosing ? '>' : VOID_ELEMENTS.has(tag.name.toLowerCase()) ? ' />' : `></${tag.name}>`}`;
          if (!component) scripted.push(index);
          const rest = tag.end >= offsets[index]! + line.length ? '' : line.slice(tag.end - offsets[index]!);
          tagEnd = tag.end;
          return `${opening[1]}${plain}${rest}`;
        }
      }
      if (/^[ \t]*<(?:Appear|Steps)>[ \t]*$/.test(line)) return '<!-- pause -->';
      if (/^[ \t]*<\/(?:Appear|Steps)>[ \t]*$/.test(line)) return '<!-- pause: end -->';
      // Each comment, `{/*` to its `*/}`, found in one pass along the line: a line of thousands never closed stays linear.
      let rewritten = '';
      for (let at = 0; ; ) {
        const open = line.indexOf('{/*', at);
        if (open === -1) {
          rewritten += line.slice(at);
          break;
        }
        rewritten += line.slice(at, open);
        const close = line.indexOf('*/}', open + 3);
        if (close === -1) {
          comment = true;
          commentFrom = index;
          break;
        }
        at = close + 3;
      }
      return rewritten.replace(/<Notes>/g, '<aside class="notes">').replace(/<\/Notes>/g, '</aside>');
    })
    .join('\n');
  return comment ? { text: rewritten, unclosedComment: commentFrom, scripted } : { text: rewritten, scripted };
}

/** Rewrites each file of an MDX deck in place (rewriteMdxDeck), naming at its line what was left out. */
export function rewriteMdxBodies(bodies: readonly { file: SourceFile; text: string; firstLine: number; lineNumbers?: number[] }[], bag: DiagnosticBag): void {
  for (const body of bodies) {
    const rewritten = rewriteMdxDeck(body.text);
    body.text = rewritten.text;
    const lineOf = (i: number) => body.lineNumbers?.[i] ?? body.firstLine + i;
    for (const i of rewritten.scripted) bag.warn('W_PEER_SYNTAX', 'attributes written as JavaScript (MDX, React: `style={{…}}`) were left out of this tag; its plain ones are kept', { file: body.file.path, line: lineOf(i), hint: PEER_SYNTAX_HINT });
    if (rewritten.unclosedComment !== undefined) bag.warn('W_PEER_SYNTAX', 'an MDX comment {/* is never closed (no */} after it), so the rest of the file was left out', { file: body.file.path, line: lineOf(rewritten.unclosedComment), hint: 'close the comment with */}' });
  }
}
