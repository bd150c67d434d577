// A Marp deck's front matter that is not at the start of its file. Decks kept on a code host often open with
// something for the host's page (a generated table of contents between HTML comments), then `---`, `marp: true`
// and the deck's directives, then `---`; or with an empty front matter (`---` twice) before them. Marp reads front
// matter only at the file's start, so it would show those lines as a heading; they were written for Marp, so
// briefdeck reads them as the deck's front matter instead, and says so.

/** A front matter found later in the body: its YAML, the body line (0-based) it starts on, and the body with its lines blanked. */
export interface LateFrontMatter {
  yaml: string;
  firstLine: number;
  body: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RULER = /^-{3,}[ \t]*$/;
/**
 * A line of a YAML map of one level: a key, an indented line under it, a list item, a YAML comment or a blank line.
 * A key may hold dots: decks carry the Marp for VS Code setting `markdown.marp.enableHtml: true` in their front matter.
 */
const YAML_LINE = /^(?:[A-Za-z_$][\w$.-]*[ \t]*:(?:[ \t]|$)|[ \t]+\S|- |[ \t]*#|[ \t]*$)/;
const MARP_ON = /^marp[ \t]*:[ \t]*true[ \t]*$/m;
/** An HTML comment on lines of its own, or a blank line: what may stand before the block without making a slide of its own. */
const COMMENT_ONLY = /^(?:\s*<!--(?:(?!-->)[\s\S])*-->)*\s*$/;

/**
 * Finds Marp's front matter in `body`, the text after the file's front matter (`afterEmptyFrontMatter`: an empty one,
 * whose closing `---` opened this block) or the whole file (none): a block of YAML holding `marp: true`, between a
 * `---` line and the next, outside code blocks. Its lines are blanked, so every later line keeps its number; the
 * `---` before it still parts the slides around it, unless only comments stand before it.
 */
export function findLateMarpFrontMatter(body: string, afterEmptyFrontMatter: boolean): LateFrontMatter | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  let opening = afterEmptyFrontMatter ? -1 : undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) {
      // A code block is no YAML: a block that reaches one is no front matter (a deck about Marp shows its front matter in one).
      if (afterEmptyFrontMatter) return undefined;
      opening = undefined;
      fence = marker;
      continue;
    }
    if (opening === undefined && RULER.test(line) && /^[A-Za-z_$][\w$-]*[ \t]*:/.test(lines[i + 1] ?? '')) opening = i;
    if (opening === undefined || i === opening) continue;
    if (RULER.test(line)) {
      const block = lines.slice(opening + 1, i);
      if (!MARP_ON.test(block.join('\n'))) {
        if (afterEmptyFrontMatter) return undefined;
        opening = undefined;
        continue;
      }
      const before = lines.slice(0, Math.max(0, opening)).join('\n');
      const first = opening >= 0 && COMMENT_ONLY.test(before) ? opening : opening + 1;
      const blanked = lines.map((l, at) => (at >= first && at <= i ? '' : l));
      return { yaml: block.join('\n'), firstLine: opening + 1, body: blanked.join('\n') };
    }
    if (!YAML_LINE.test(line)) {
      if (afterEmptyFrontMatter) return undefined;
      opening = undefined;
    }
  }
  return undefined;
}
