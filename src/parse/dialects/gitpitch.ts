// How briefdeck reads GitPitch's decks (a PITCHME.md file). GitPitch cuts slides at `---` and stacks them at `+++`
// (its first versions at `#HSLIDE` and `#VSLIDE`), writes notes after `Note:` as reveal.js does, and has syntax of
// its own, rewritten here line by line into briefdeck's:
// - a delimiter with settings, `---?image=assets/a.jpg&size=auto 100%&position=left&opacity=60` or
//   `---?color=#123` (a colour or a gradient), is a cut whose slide takes that background;
// - its widgets keep their text: `@fa[icon](text)`, `@color[red](text)`, `@css[class](text)`, `@size[2em](text)`, a
//   picture `@img[class](path)`, a quotation `@quote[text](who)` and a box `@box[class](Title#Body)`; an icon
//   (`@fa[arrow-down]`) has no picture offline and goes, with a warning, as the looks do;
// - `@ul` … `@ulend` (and `@ol`) step their list in, item by item, unless `(false)` says not to;
// - layout markers go and their content stays in the slide's flow, with one warning a deck: `@snap[north span-50]` …
//   `@snapend`, `@div[…]` … `@divend`, GitPitch 4's `[drag=…, drop=…]`; so does `@title[…]`, the slide's name in its menu;
// - its code steps, `@[1-3](caption)` lines after a block, light those lines step by step (written onto the block's
//   fence as Slidev's `{1-3|…}` before the deck is cut, writeGitPitchCodeSteps); their captions go, with a warning;
// - a delimiter that takes its slide from a file of the deck's folder, `---?include=md/intro.md` (its Markdown) or
//   `---?code=src/a.py&lang=python` (its code, shown), reads it as Quarto's include and Slidev's snippet import are read;
// - what needs GitPitch's server or what it fetches (`---?video=`, `---?gist=`, `@code[…](file)`, `@gist`) is left out
//   with a warning.
import type { DialectLine } from '../directive-lines.js';
import { createFenceReader } from '../read-fences.js';

/** A GitPitch delimiter with settings: `---?image=…&size=…`. */
const DELIMITER = /^---\?([a-z]+=[^\n]*)$/;
/** Its widgets, markers and delimiters that only a GitPitch deck holds, at a line's start. */
const OWN_LINE = /^(?:---\?(?:image|color|video|include|code|gist|iframe)=|#[HV]SLIDE[ \t]*$|@(?:snap|ul|ol|title|div)\[|@(?:snapend|ulend|olend|divend)[ \t]*$|@(?:fa|css|color|size|quote|box|img)\[[^\]\n]*\]\()/m;
/** A code step after a block: the lines it lights (`1`, `2-3`, `1,4-5`), and maybe a caption. */
const CODE_STEP = /^[ \t]*@\[([\d,\s-]+)\](?:\(([^\n]*)\))?[ \t]*$/;
/** A code block's opening fence, its marker and language. */
const FENCE = /^( {0,3}(?:`{3,}|~{3,}))[ \t]*([^\s`{[]*)(.*)$/;
/** A widget inside a line, with its settings and its text or path.*/
const WIDGET = /@(fa|color|css|size|img|quote|box|code|gist|youtube|tweet|emoji)\[([^\]\n]{0,200})\](?:\(([^()\n]{0,2000})\))?/g;

/** Whether a deck is GitPitch's: a file named PITCHME.md, or a body with GitPitch's own delimiters, markers or widgets. */
export function readsAsGitPitchBody(text: string, path = ''): boolean {
  return /(?:^|[\\/])PITCHME\.md$/i.test(path) || OWN_LINE.test(text);
}

/** What the reader carries from line to line. */
export interface GitPitchState {
  /** Layout markers have been named in a warning once: the deck's others go quietly. */
  layoutNamed: boolean;
}

/** A fresh state for a file. */
export function createGitPitchState(): GitPitchState {
  return { layoutNamed: false };
}

/** A delimiter's settings as the slide's background, in reveal's `.slide:` form, which lets only safe values in; with what it cannot show. */
function readDelimiter(settings: string): { look?: string; content?: string; warning?: string } {
  const attributes: string[] = [];
  const left: string[] = [];
  const values = new Map(settings.split('&').map((pair) => [pair.split('=')[0]!, pair.split('=').slice(1).join('=').trim()]));
  // The slide's content from a file of the deck's folder: its Markdown read as the slide's, or its code shown (read by
  // cut-slides.ts as Quarto's include and Slidev's snippet import are, confined to the folder).
  const file = values.get('include') ?? values.get('code');
  const content = file === undefined ? undefined : values.has('include') ? `{{< include "${file.replace(/"/g, '')}" >}}` : `<<< ${file}${/^[\w+-]{1,30}$/.test(values.get('lang') ?? '') ? ` ${values.get('lang')}` : ''}`;
  for (const [key, written] of values) {
    const value = written.replace(/"/g, '');
    if (key === 'include' || key === 'code' || key === 'lang' || key === 'title') continue;
    if (key === 'image') attributes.push(`data-background-image="${value}"`);
    else if (key === 'size') attributes.push(`data-background-size="${value}"`);
    else if (key === 'position') attributes.push(`data-background-position="${value}"`);
    // GitPitch gives the picture's opacity in percent.
    else if (key === 'opacity' && /^\d{1,3}$/.test(value)) attributes.push(`data-background-opacity="${Math.min(Number(value), 100) / 100}"`);
    else if (key === 'color') attributes.push(`data-background-${/gradient\(/.test(value) ? 'gradient' : 'color'}="${value}"`);
    else left.push(`${key}=`);
  }
  return {
    ...(attributes.length > 0 ? { look: `<!-- .slide: ${attributes.join(' ')} -->` } : {}),
    ...(content ? { content } : {}),
    ...(left.length > 0 ? { warning: `GitPitch's delimiter setting ${left.join(', ')} needs GitPitch's server (a video, a gist or a page it fetches) and was left out` } : {}),
  };
}

/** A line's widgets as their text, outside code spans; with a warning for what goes. */
function rewriteWidgets(line: string): { text: string; warning?: string } | null {
  if (!line.includes('@')) return null;
  const lost = new Set<string>();
  const dropped = new Set<string>();
  let changed = false;
  // Code spans (`` `@fa[x]` ``) stay as written: only the pieces between them are read.
  const text = line
    .split(/(`+[^`]*`+)/)
    .map((piece, i) => {
      if (i % 2 === 1) return piece;
      return piece.replace(WIDGET, (_, name: string, settings: string, content: string | undefined) => {
        changed = true;
        switch (name) {
          case 'fa':
            lost.add(`@fa[${settings}]`);
            return content ?? '';
          case 'color':
          case 'css':
          case 'size':
            lost.add(`@${name}[…]`);
            return content ?? '';
          case 'img':
            return content === undefined ? '' : `![](<${content}>)`;
          case 'quote':
            return `> ${settings}${content ? ` — ${content}` : ''}`;
          case 'box': {
            const [title, ...body] = (content ?? '').split('#');
            return body.length > 0 ? `**${title}** ${body.join('#')}` : title!;
          }
          // What GitPitch fetches or draws itself (a gist, a video, a post, a file's code, an emoji): left out, not shown.
          default:
            dropped.add(`@${name}[…]`);
            return '';
        }
      });
    })
    .join('');
  if (!changed) return null;
  const icons = [...lost].filter((w) => w.startsWith('@fa'));
  const looks = [...lost].filter((w) => !w.startsWith('@fa'));
  const said = [
    ...(icons.length > 0 ? [`GitPitch's icon ${icons.join(', ')} has no picture offline and was left out`] : []),
    ...(looks.length > 0 ? [`GitPitch's ${looks.join(', ')} ${looks.length === 1 ? 'is' : 'are'} shown as ${looks.length === 1 ? 'its' : 'their'} text, without ${looks.length === 1 ? 'its' : 'their'} look`] : []),
    ...(dropped.size > 0 ? [`GitPitch's ${[...dropped].join(', ')} ${dropped.size === 1 ? 'needs' : 'need'} GitPitch's server and ${dropped.size === 1 ? 'was' : 'were'} left out`] : []),
  ];
  return { text, ...(said.length > 0 ? { warning: said.join('; ') } : {}) };
}

/** Rewrites one line of a GitPitch deck: null when nothing in it is GitPitch's own, else what to read instead. */
export function rewriteGitPitchLine(line: string, state: GitPitchState): DialectLine | null {
  const delimiter = DELIMITER.exec(line.trimEnd());
  if (delimiter) {
    // A cut, then the background of the slide it opens.
    const { look, content, warning } = readDelimiter(delimiter[1]!);
    const after = [...(look ? [look] : []), ...(content ? [content] : [])];
    return { text: '---', ...(after.length > 0 ? { after } : {}), ...(warning ? { warning } : {}) };
  }
  if (/^#HSLIDE[ \t]*$/.test(line)) return { text: '---' };
  // A slide stacked under the one before, as reveal's `----` separator stacks it.
  if (/^(?:\+\+\+|#VSLIDE)[ \t]*$/.test(line)) return { text: '----' };
  const list = /^[ \t]*@(ul|ol)(?:\[[^\]\n]*\])?(\(false\))?[ \t]*$/.exec(line);
  if (list) return { text: list[2] ? '' : '<!-- incremental: start -->' };
  if (/^[ \t]*@(?:ulend|olend)[ \t]*$/.test(line)) return { text: '<!-- incremental: end -->' };
  if (/^[ \t]*@title\[[^\]\n]*\][ \t]*$/.test(line)) return { text: '' };
  // A code step that follows no code block (those that do were written onto it): it has nothing to light.
  if (CODE_STEP.test(line)) return { text: '', warning: "GitPitch's code step @[…] follows no code block and was left out" };
  if (/^[ \t]*(?:@(?:snap|div)\[[^\]\n]*\]|@(?:snapend|divend)|\[drag=[^\]\n]*\])[ \t]*$/.test(line)) {
    const named = state.layoutNamed;
    state.layoutNamed = true;
    return { text: '', ...(named ? {} : { warning: "GitPitch's layout markers (@snap, @div, [drag=…]) place content where briefdeck does not: the content stays in the slide's flow" }) };
  }
  return rewriteWidgets(line);
}

/**
 * Writes GitPitch's code steps onto the block they follow, as Slidev's line highlight (`@[1]` then `@[2-3]` after a
 * ```` ```python ```` block make it ```` ```python {1|2-3} ````), line for line: each step's line is left blank. Blank
 * lines and `@snapend` may stand between the block and its steps. Returns the text, and where captions were left out.
 */
export function writeGitPitchCodeSteps(text: string): { text: string; captioned: number[] } {
  if (!text.includes('@[')) return { text, captioned: [] };
  const lines = text.split('\n');
  const captioned: number[] = [];
  const fences = createFenceReader();
  let opening = -1;
  /** The opening line of the block the next steps belong to, and the steps so far. */
  let block = -1;
  let steps: string[] = [];
  let caption = -1;
  const flush = () => {
    const fence = block >= 0 && steps.length > 0 ? FENCE.exec(lines[block]!) : null;
    // A block with a highlight of its own keeps it.
    if (fence && !/[{[]/.test(fence[3]!)) lines[block] = `${fence[1]}${fence[2]} {${steps.join('|')}}`;
    if (caption >= 0) captioned.push(caption);
    block = -1;
    steps = [];
    caption = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const inside = fences.inside;
    if (fences.read(lines[i]!)) {
      if (!inside) {
        flush();
        opening = i;
      } else if (!fences.inside) block = opening;
      continue;
    }
    const step = block >= 0 ? CODE_STEP.exec(lines[i]!) : null;
    if (step) {
      steps.push(step[1]!.replace(/\s/g, ''));
      if (step[2]?.trim() && caption < 0) caption = i;
      lines[i] = '';
    } else if (lines[i]!.trim() !== '' && !/^[ \t]*@snapend[ \t]*$/.test(lines[i]!)) flush();
  }
  flush();
  return { text: lines.join('\n'), captioned };
}
