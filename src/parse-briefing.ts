import { createRequire } from 'node:module';
import path from 'node:path';
import { Marked, type Token, type Tokens } from 'marked';
import { DiagnosticBag } from './errors.js';
import { escapeHtml } from './html-text.js';
import { parseMeta, splitFrontMatter, type MetaSource } from './parse-meta.js';
import { ASSET_SCHEME, type Briefing, type BriefingMeta, type ImageRef, type LoadedBriefing, type Section, type Slide, type SourceFile, type SpeakerNotes } from './model.js';

/** A line of Markdown with its 1-based line number in its file. */
interface Line {
  text: string;
  number: number;
}

/** A slide as cut from the source, before its Markdown is rendered. */
interface RawSlide {
  kind: 'section' | 'content';
  title: string | null;
  file: SourceFile;
  line: number;
  /** Started by a `---` line; a `##` heading right after it names this slide instead of starting another. */
  fromSeparator: boolean;
  body: Line[];
  notes: Line[] | null;
  section: string | null;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const H1 = /^#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const H2 = /^##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SEPARATOR = /^---[ \t]*$/;
const NOTES = /^Notes?:[ \t]?(.*)$/;
const DIRECTIVE = /^[ \t]*<!--[ \t]*(incremental|column|layout[ \t]*:[ \t]*([A-Za-z0-9_-]+))[ \t]*-->[ \t]*$/;

/** Turns loaded source text into the typed Briefing model; every problem is collected in `bag`. */
export function parseBriefing(loaded: LoadedBriefing, bag: DiagnosticBag): Briefing {
  let metaSource: MetaSource | undefined;
  const bodies: { file: SourceFile; text: string; firstLine: number }[] = [];
  if (loaded.singleFile) {
    const file = loaded.markdownFiles[0]!;
    const split = splitFrontMatter(file, bag);
    metaSource = split.meta;
    bodies.push({ file, text: split.body, firstLine: split.bodyLine });
  } else if (loaded.metaFile) {
    metaSource = { file: loaded.metaFile, yaml: loaded.metaFile.text, firstLine: 1 };
  }
  const fallbackMetaFile = loaded.singleFile ? loaded.markdownFiles[0]!.path : path.join(displayRoot(loaded), 'briefing.yml');
  const { meta, location } = parseMeta(metaSource, fallbackMetaFile, bag);
  if (!loaded.singleFile) {
    for (const file of orderFiles(loaded.markdownFiles, meta.files, location, bag)) bodies.push({ file, text: file.text, firstLine: 1 });
  }

  const rawSlides: RawSlide[] = [];
  for (const body of bodies) rawSlides.push(...cutSlides(body.file, body.text, body.firstLine));
  if (rawSlides.length === 0) {
    const first = loaded.markdownFiles[0];
    bag.error('E_NO_SLIDES', 'the briefing has no slides', {
      file: first?.path ?? displayRoot(loaded),
      line: first ? 1 : undefined,
      hint: first ? 'start a slide with a `## Heading` line, or a section with `# Heading`' : 'add a Markdown file (for example 01-context.md) to the briefing folder',
    });
  }

  const images: ImageRef[] = [];
  const markdown = createMarkdownRenderer(meta, images, bag);
  const slides: Slide[] = [];
  const sections: Section[] = [];
  const push = (slide: Omit<Slide, 'number'>) => {
    const numbered = { ...slide, number: slides.length + 1 };
    slides.push(numbered);
    return numbered;
  };

  // Generated slides take their content from the metadata; their templates render it.
  const generate = (kind: 'title' | 'bottom-line' | 'agenda', title: string, notes: SpeakerNotes | null = null) =>
    push({ kind, layout: kind, title, bodyHtml: '', columns: null, notes, section: null, source: location, incremental: false, images: [], bulletCount: 0 });
  generate('title', meta.title);
  if (meta.bottomLine) generate('bottom-line', 'Bottom line', renderMetaNotes(meta.bottomLineNotes, meta.keyLines.bottomLineNotes));
  if (rawSlides.some((s) => s.kind === 'section')) generate('agenda', 'Agenda');

  /** Renders notes written in the metadata, such as `bottomLineNotes:`, with the same Markdown rules as slide notes. */
  function renderMetaNotes(text: string | undefined, line: number | undefined): SpeakerNotes | null {
    if (!text?.trim() || !metaSource) return null;
    const lines = text.split('\n').map((t, i) => ({ text: t, number: (line ?? location.line) + i }));
    return { markdown: text.trim(), html: markdown.render(metaSource.file, lines, false).html };
  }

  for (const raw of rawSlides) {
    let layout = raw.kind === 'section' ? 'section' : 'content';
    let layoutLine: number | undefined;
    let incremental = meta.incremental;
    // `<!-- column -->` starts another column; a slide without one has a single column.
    const columnLines: Line[][] = [[]];
    for (const line of raw.body) {
      const directive = DIRECTIVE.exec(line.text);
      if (!directive) {
        columnLines.at(-1)!.push(line);
      } else if (directive[2]) {
        layout = directive[2];
        layoutLine = line.number;
      } else if (directive[1] === 'column') {
        columnLines.push([]);
      } else {
        incremental = true;
      }
    }
    const imageStart = images.length;
    const rendered = columnLines.map((lines) => markdown.render(raw.file, lines, incremental));
    const body = { html: rendered.map((c) => c.html).join(''), bulletCount: rendered.reduce((n, c) => n + c.bulletCount, 0) };
    const notes: SpeakerNotes | null = raw.notes && raw.notes.some((l) => l.text.trim() !== '')
      ? { markdown: joinLines(raw.notes).trim(), html: markdown.render(raw.file, raw.notes, false).html }
      : null;
    const slide = push({
      kind: raw.kind,
      layout,
      title: raw.title,
      bodyHtml: body.html,
      columns: rendered.length > 1 ? rendered.map((c) => c.html) : null,
      notes,
      section: raw.section,
      source: { file: raw.file.path, line: raw.line },
      layoutLine,
      incremental,
      images: range(imageStart, images.length),
      bulletCount: body.bulletCount,
    });
    if (raw.kind === 'section') sections.push({ title: raw.title!, source: slide.source, slideNumbers: [slide.number] });
    else if (raw.section !== null) sections.at(-1)?.slideNumbers.push(slide.number);
  }

  return { meta, metaSource: location, sections, slides, images };
}

/** Applies `files:` from the metadata: those files, in that order; every file is otherwise read by name. */
function orderFiles(files: SourceFile[], order: string[] | undefined, location: { file: string; line: number }, bag: DiagnosticBag): SourceFile[] {
  if (!order) return files;
  const byName = new Map(files.map((f) => [f.relPath, f]));
  const ordered: SourceFile[] = [];
  for (const name of order) {
    const file = byName.get(name);
    if (file) ordered.push(file);
    else bag.error('E_META', `"files" lists ${name}, which is not a Markdown file in the briefing folder`, { ...location, hint: `files here: ${[...byName.keys()].join(', ')}` });
  }
  for (const file of files) {
    if (!order.includes(file.relPath)) bag.warn('W_FILE_SKIPPED', `${file.relPath} is not listed in "files" and is left out`, { file: file.path, hint: 'add it to `files:` in the metadata, or delete it' });
  }
  return ordered;
}

function displayRoot(loaded: LoadedBriefing): string {
  const first = loaded.metaFile ?? loaded.markdownFiles[0];
  return first ? path.dirname(first.path) : loaded.name;
}

/** Cuts one Markdown file into raw slides at `#`, `##` and `---` lines, outside code fences. */
function cutSlides(file: SourceFile, text: string, firstLine: number): RawSlide[] {
  const slides: RawSlide[] = [];
  let current: RawSlide | null = null;
  let section: string | null = null;
  let fence: { char: string; length: number } | null = null;
  const lines = text.split('\n');
  const finish = () => {
    if (current && (current.title !== null || current.kind === 'section' || hasText(current.body) || (current.notes && hasText(current.notes)))) {
      slides.push(current);
    }
    current = null;
  };
  const start = (kind: RawSlide['kind'], title: string | null, line: number, fromSeparator: boolean) => {
    finish();
    current = { kind, title, file, line, fromSeparator, body: [], notes: null, section };
  };
  lines.forEach((text, index) => {
    const number = firstLine + index;
    if (fence) {
      const close = FENCE_OPEN.exec(text);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && text.trim() === close[1]) fence = null;
      append(text, number);
      return;
    }
    const open = FENCE_OPEN.exec(text);
    if (open) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      append(text, number);
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = H1.exec(text))) {
      section = m[1]!.trim();
      start('section', section, number, false);
    } else if ((m = H2.exec(text))) {
      const c = current as RawSlide | null;
      if (c && c.fromSeparator && c.title === null && !hasText(c.body) && c.notes === null) {
        c.title = m[1]!.trim();
        c.line = number;
        c.fromSeparator = false;
      } else {
        start('content', m[1]!.trim(), number, false);
      }
    } else if (SEPARATOR.test(text)) {
      start('content', null, number, true);
    } else if ((m = NOTES.exec(text)) && !(current as RawSlide | null)?.notes) {
      if (!current) start('content', null, number, false);
      (current as unknown as RawSlide).notes = [{ text: m[1]!, number }];
    } else {
      append(text, number);
    }
  });
  finish();
  return slides;

  function append(text: string, number: number) {
    if (!current) {
      if (text.trim() === '') return;
      start('content', null, number, false);
    }
    const c = current as unknown as RawSlide;
    (c.notes ?? c.body).push({ text, number });
  }
}

function hasText(lines: Line[]): boolean {
  return lines.some((l) => l.text.trim() !== '');
}

function joinLines(lines: Line[]): string {
  return lines.map((l) => l.text).join('\n');
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

interface RenderContext {
  file: SourceFile;
  line: number;
  rawHtml: boolean;
}

/**
 * One marked instance for the whole briefing. Its renderer resolves images
 * to confined paths and refuses unsafe links, so Markdown alone can never
 * produce markup that loads or runs anything.
 */
function createMarkdownRenderer(meta: BriefingMeta, images: ImageRef[], bag: DiagnosticBag) {
  const ctx: RenderContext = { file: undefined as unknown as SourceFile, line: 1, rawHtml: false };
  const mathHtml: string[] = [];
  const at = () => ({ file: ctx.file.path, line: ctx.line });
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      image(token: Tokens.Image) {
        const alt = escapeHtml(token.text);
        const relPath = resolveImagePath(token.href, ctx.file, at(), bag);
        if (relPath === null) return `<span class="missing-image">${alt}</span>`;
        images.push({ src: token.href, relPath, alt: token.text, source: at() });
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<img src="${ASSET_SCHEME}${images.length - 1}" alt="${alt}"${title}>`;
      },
      link(token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens);
        const kind = classifyLink(token.href);
        if (kind === 'unsafe' || kind === 'relative') {
          bag.warn('W_LINK', `link to "${truncate(token.href)}" was removed; links may be https:, mailto: or #anchors`, {
            ...at(),
            hint: kind === 'relative' ? 'a single-file deck cannot link to other local files; paste the content or link to a web page' : 'use an https: address',
          });
          return inner;
        }
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        const external = kind === 'anchor' ? '' : ' target="_blank" rel="noopener noreferrer"';
        return `<a href="${escapeHtml(token.href)}"${title}${external}>${inner}</a>`;
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        ctx.rawHtml = true;
        return token.text;
      },
      code(token: Tokens.Code) {
        const highlighted = highlightCode(token.text, token.lang);
        const lang = highlighted.language ? ` language-${escapeHtml(highlighted.language)}` : '';
        return `<pre><code class="hljs${lang}">${highlighted.html}</code></pre>\n`;
      },
    },
    extensions: [
      {
        name: 'mathBlock',
        level: 'block',
        start: (src: string) => src.match(/^\$\$/m)?.index,
        tokenizer(src: string) {
          const match = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/.exec(src);
          return match ? { type: 'mathBlock', raw: match[0], text: match[1]!.trim() } : undefined;
        },
        renderer: (token) => `<div class="math-display">${renderMath((token as unknown as { text: string }).text, true)}</div>\n`,
      },
      {
        name: 'mathInline',
        level: 'inline',
        start: (src: string) => src.indexOf('$'),
        // Like pandoc: no space just inside the dollars, and no digit right after, so "$5 and $10" stays text.
        tokenizer(src: string) {
          const match = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/.exec(src);
          return match ? { type: 'mathInline', raw: match[0], text: match[1]! } : undefined;
        },
        renderer: (token) => renderMath((token as unknown as { text: string }).text, false),
      },
    ],
  });

  /** Renders TeX with KaTeX at build time; the HTML is held back from the sanitizer and put in afterwards. */
  function renderMath(tex: string, display: boolean): string {
    katex ??= require('katex') as typeof import('katex');
    let html: string;
    try {
      html = katex.renderToString(tex, { displayMode: display, throwOnError: true, output: 'htmlAndMathml', trust: false, strict: 'ignore' });
    } catch (err) {
      bag.error('E_MARKDOWN', `math does not parse: ${(err as Error).message.replace(/^KaTeX parse error: /, '')}`, { ...at(), hint: 'check the TeX between the $ signs; write \\$ for a literal dollar sign' });
      return `<code>${escapeHtml(tex)}</code>`;
    }
    mathHtml.push(html);
    return `${MATH_MARK}${mathHtml.length - 1}${MATH_MARK}`;
  }

  return {
    /** Renders slide or notes Markdown lines to HTML, tracking source lines for messages. */
    render(file: SourceFile, lines: Line[], incremental: boolean): { html: string; bulletCount: number } {
      ctx.file = file;
      ctx.rawHtml = false;
      if (lines.length === 0) return { html: '', bulletCount: 0 };
      const tooDeep = findExcessiveNesting(lines);
      if (tooDeep) {
        bag.error('E_MARKDOWN', `lists or quotes are nested more than ${MAX_NESTING} levels deep`, {
          file: file.path,
          line: tooDeep.number,
          hint: 'flatten the structure; a slide cannot show that depth anyway',
        });
        return { html: '', bulletCount: 0 };
      }
      try {
        return renderTokens(file, lines, incremental);
      } catch (err) {
        // marked overflows its stack on some hostile input; that is the input's problem, reported like one.
        bag.error('E_MARKDOWN', `the Markdown could not be parsed (${(err as Error).name})`, {
          file: file.path,
          line: (lines.find((l) => l.text.trim() !== '') ?? lines[0]!).number,
          hint: 'look for deeply nested lists or quotes, or long runs of brackets or asterisks',
        });
        return { html: '', bulletCount: 0 };
      }
    },
  };

  function renderTokens(file: SourceFile, lines: Line[], incremental: boolean): { html: string; bulletCount: number } {
    const tokens = marked.lexer(joinLines(lines));
    let line = lines[0]!.number;
    let html = '';
    let bulletCount = 0;
    const htmlLines: number[] = [];
    for (const token of tokens as Token[]) {
      ctx.line = line;
      const before: boolean = ctx.rawHtml;
      ctx.rawHtml = false;
      html += marked.parser([token]);
      if (ctx.rawHtml) htmlLines.push(line);
      ctx.rawHtml ||= before;
      if (token.type === 'list') bulletCount += (token as Tokens.List).items.length;
      line += countNewlines(token.raw);
    }
    if (ctx.rawHtml && meta.html) {
      // A trusted author keeps their HTML, but nothing that could navigate the deck, rebase its links or frame other content.
      const kept = stripNavigationAndFrames(html);
      if (kept !== html) {
        bag.warn('W_RAW_HTML', 'raw HTML that runs scripts, navigates, rebases links or embeds frames was removed, even with `html: true`', {
          file: file.path,
          line: htmlLines[0] ?? lines[0]!.number,
          hint: 'script, meta, base, iframe, frame, object and embed never reach a deck; link to the page instead',
        });
      }
      html = kept;
    }
    if (ctx.rawHtml && !meta.html) {
      const cleaned = sanitizeFragment(html);
      // Comments are dropped silently: an author's note to self is not a problem worth a warning.
      if (cleaned !== html.replace(/<!--[\s\S]*?-->/g, '')) {
        bag.warn('W_RAW_HTML', 'raw HTML was neutralised', {
          file: file.path,
          line: htmlLines[0] ?? lines[0]!.number,
          hint: 'write Markdown instead, or set `html: true` in the metadata if you trust every author of this briefing',
        });
      }
      html = cleaned;
    }
    if (incremental) html = html.replace(/<li>/g, '<li class="fragment">');
    // Math goes in after sanitising: KaTeX's markup is ours and needs the inline styles a sanitizer would strip.
    html = html.replace(MATH_PATTERN, (_, n: string) => mathHtml[Number(n)] ?? '');
    return { html, bulletCount };
  }
}

/** Deeper than any slide can show, and shallow enough that marked stays fast and within its stack. */
const MAX_NESTING = 32;

/** Finds the first line nested deeper than MAX_NESTING, by `>` markers or list indentation. */
function findExcessiveNesting(lines: Line[]): Line | undefined {
  return lines.find((line) => {
    const quote = /^(?:[ \t]*>)+/.exec(line.text);
    if (quote && (quote[0].match(/>/g) ?? []).length > MAX_NESTING) return true;
    const item = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/.exec(line.text);
    return item !== null && item[1]!.replace(/\t/g, '    ').length / 2 > MAX_NESTING;
  });
}

/** Resolves an image reference to a posix path inside the briefing, or records why it cannot be. */
function resolveImagePath(href: string, file: SourceFile, where: { file: string; line: number }, bag: DiagnosticBag): string | null {
  const shown = truncate(href);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || href.startsWith('//')) {
    bag.error('E_REMOTE_URL', `remote image "${shown}" cannot be inlined`, {
      ...where,
      hint: 'download the image into the briefing folder and reference it by its relative path',
    });
    return null;
  }
  if (scheme && !(scheme.length === 1 && /^[A-Za-z]$/.test(scheme))) {
    bag.error('E_PATH_OUTSIDE', `image "${shown}" uses a ${scheme}: URL; only files in the briefing folder can be inlined`, {
      ...where,
      hint: 'reference the image by a path relative to this Markdown file',
    });
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.replace(/[?#].*$/, ''));
  } catch {
    bag.error('E_IMAGE_MISSING', `image path "${shown}" has a broken % escape`, { ...where, hint: 'write the file name as it is on disk' });
    return null;
  }
  if (decoded.includes('\0')) {
    bag.error('E_IMAGE_MISSING', `image path "${shown}" contains a NUL byte`, { ...where });
    return null;
  }
  const posix = decoded.replace(/\\/g, '/');
  if (posix.startsWith('/') || /^[A-Za-z]:/.test(posix)) {
    bag.error('E_PATH_OUTSIDE', `image "${shown}" is an absolute path`, {
      ...where,
      hint: 'copy the image into the briefing folder and use a relative path',
    });
    return null;
  }
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(file.relPath), posix));
  if (joined === '..' || joined.startsWith('../')) {
    bag.error('E_PATH_OUTSIDE', `image "${shown}" is outside the briefing folder`, {
      ...where,
      hint: 'a briefing may only inline files inside its own folder; copy the image in',
    });
    return null;
  }
  return joined;
}

/** Classifies a link the way the browser will parse it, so tabs or odd case cannot hide a scheme. */
function classifyLink(href: string): 'https' | 'mailto' | 'anchor' | 'relative' | 'unsafe' {
  if (href.startsWith('#')) return 'anchor';
  let url: URL;
  try {
    url = new URL(href, 'briefdeck-relative:/');
  } catch {
    return 'unsafe';
  }
  switch (url.protocol) {
    case 'https:':
      return 'https';
    case 'mailto:':
      return 'mailto';
    case 'briefdeck-relative:':
      return 'relative';
    default:
      return 'unsafe';
  }
}

const require = createRequire(import.meta.url);
type SanitizeHtml = typeof import('sanitize-html');
let sanitizer: SanitizeHtml | undefined;
// Loaded on first use only: most briefings have neither math nor code.
let katex: typeof import('katex') | undefined;
let hljs: typeof import('highlight.js').default | undefined;

/** Marks where rendered math goes back in; NUL cannot occur in decoded input, so no author can forge one. */
const MATH_MARK = '\u0000';
const MATH_PATTERN = /\u0000(\d+)\u0000/g;

/** Highlights a code block at build time, so the deck needs no highlighter at run time. */
function highlightCode(code: string, lang: string | undefined): { html: string; language: string | null } {
  const language = (lang ?? '').trim().split(/\s+/)[0]!.toLowerCase();
  if (!language || language === 'text' || language === 'plain') return { html: escapeHtml(code), language: null };
  hljs ??= (require('highlight.js') as { default: typeof import('highlight.js').default }).default ?? (require('highlight.js') as typeof import('highlight.js').default);
  if (!hljs.getLanguage(language)) return { html: escapeHtml(code), language: null };
  return { html: hljs.highlight(code, { language, ignoreIllegals: true }).value, language };
}

/**
 * Tags removed from author HTML even with `html: true`: each can navigate the
 * deck, change its base URL or frame another document, and a script could
 * never run under the deck's CSP anyway, which allows only its own by hash.
 */
const NEVER_IN_A_DECK = new Set(['script', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'link', 'fencedframe']);

/** Keeps trusted author HTML as written, minus the tags in NEVER_IN_A_DECK. */
function stripNavigationAndFrames(html: string): string {
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
function sanitizeFragment(html: string): string {
  // Loaded only when a slide has raw HTML: it costs ~60 ms of start-up.
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

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
