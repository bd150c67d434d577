// How briefdeck reads a deck written in MDX, for mdx-deck or Spectacle: Markdown with
// JavaScript modules and React components in it, slides cut at `---`. Before the deck
// is cut, each file is rewritten line for line (so every line keeps its number):
// - its import and export statements (a block that starts `import` or `export`, to
//   the next blank line) are code for the tool, never text;
// - `<Notes>` … `</Notes>` are the slide's speaker notes, read as reveal's
//   `<aside class="notes">`, on one line or several;
// - `<Head>` … `</Head>` sets the page's head, which briefdeck makes itself: left out;
// - `<Appear>` and `<Steps>` around content make it a build step;
// - comments, `{/* … */}`, are left out.
// Other components are left out with a warning (leftovers.ts), what they wrap shown.
import { createFenceReader } from '../read-fences.js';

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
export function rewriteMdxDeck(text: string): { text: string; unclosedComment?: number } {
  const fences = createFenceReader();
  let esm = false;
  let head = false;
  let comment = false;
  let commentFrom = 0;
  let blankBefore = true;
  const rewritten = text
    .split('\n')
    .map((line, index) => {
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
  return comment ? { text: rewritten, unclosedComment: commentFrom } : { text: rewritten };
}
