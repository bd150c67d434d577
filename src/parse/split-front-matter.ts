import type { DiagnosticBag } from '../errors.js';
import type { SourceFile } from '../model.js';
import type { DeckText } from './parse-meta.js';
import { readPandocTitleBlock } from './dialects/pandoc/title-block.js';
import { readMdpHeader } from './dialects/mdp.js';
import { convertTomlFrontMatter } from './dialects/toml-front-matter.js';
import { findLateMarpFrontMatter } from './dialects/marp-late-front-matter.js';

// Where a single Markdown file's metadata ends and its slides begin: YAML front matter between `---` lines, Hugo's
// TOML between `+++` lines (reveal-hugo's decks), Pandoc's `% Title` block, or mdp's `%title:` header. parse-meta.ts reads the metadata.

/** Splits front matter (YAML, TOML, a Pandoc title block or mdp's header) off a single-file briefing; returns the body and where it starts. */
export function splitFrontMatter(file: SourceFile, bag: DiagnosticBag): DeckText {
  const split = splitAtFileStart(file, bag);
  if (split.meta && split.meta.yaml.trim() !== '') return split;
  // No front matter, or an empty one: a Marp deck's may stand later, after something for a code host's page.
  const late = findLateMarpFrontMatter(split.body, split.meta !== undefined);
  if (!late) return split;
  const line = split.bodyLine + late.firstLine;
  const start = split.meta ? 'after an empty front matter' : 'after the start of the file';
  bag.warn('W_PEER_SYNTAX', `Marp's front matter stands ${start}, where Marp would show it as a heading; it was read as the deck's front matter`, {
    file: file.path,
    line,
    hint: 'move the front matter, with its --- lines, to the top of the file',
  });
  return { ...split, meta: { file, yaml: late.yaml, firstLine: line }, body: late.body };
}

/** splitFrontMatter's reading of the front matter at the file's start (after blank lines). */
function splitAtFileStart(file: SourceFile, bag: DiagnosticBag): DeckText {
  // Hugo reads front matter after blank lines (and Pandoc a metadata block after a blank line): a page that opens with one
  // showed its front matter as a slide. Only a block that opens as front matter does (`+++`, or `---` then a key), so a
  // deck opening with a blank line and a slide separator keeps its first slide.
  const lead = /^(?:[ \t]*\n)+/.exec(file.text)?.[0];
  if (lead && /^(?:\+\+\+[ \t]*\n|---[ \t]*\n[A-Za-z_][\w-]*[ \t]*:)/.test(file.text.slice(lead.length))) return splitAtStart(file, file.text.slice(lead.length), lead.split('\n').length - 1, bag);
  return splitAtStart(file, file.text, 0, bag);
}

/** splitFrontMatter of `text`, the file's text from its `skipped` blank lines on. */
function splitAtStart(file: SourceFile, text: string, skipped: number, bag: DiagnosticBag): DeckText {
  // mdp's `%title:` / `%author:` / `%date:` header: the deck is mdp's.
  const mdpHeader = readMdpHeader(text);
  if (mdpHeader) return { meta: { file, yaml: mdpHeader.yaml, firstLine: 1 }, body: mdpHeader.body, bodyLine: mdpHeader.bodyLine, tools: ['mdp'] };
  // Pandoc's `% Title` / `% Author` / `% Date` block, the opening of its own slide show example.
  const titleBlock = readPandocTitleBlock(text);
  // Only Pandoc writes one: the deck is read as Pandoc's, its LaTeX commands and its syntax with them.
  if (titleBlock) return { meta: { file, yaml: titleBlock.yaml, firstLine: 1 }, body: titleBlock.body, bodyLine: titleBlock.bodyLine, tools: ['Pandoc'] };
  // Hugo's TOML front matter (reveal-hugo's decks): its YAML, line for line.
  const toml = /^\+\+\+[ \t]*\n([\s\S]*?)\n\+\+\+[ \t]*(?:\n|$)/.exec(text);
  if (toml) {
    const converted = convertTomlFrontMatter(toml[1]!);
    const bodyLine = skipped + toml[1]!.split('\n').length + 3;
    const body = text.slice(toml[0].length);
    if ('error' in converted) bag.error('E_META', `invalid TOML: ${converted.error}`, { file: file.path, line: skipped + 2 + converted.line, hint: 'check the front matter between the +++ lines; its values are TOML (key = "value")' });
    return { ...('yaml' in converted ? { meta: { file, yaml: converted.yaml, firstLine: skipped + 2 } } : {}), body, bodyLine, tools: ['reveal-hugo'] };
  }
  // Marp reads front matter as markdown-it-front-matter does: three dashes or more (`----`), closed by as many.
  const opener = /^(-{3,})([^\n]*)\n/.exec(text);
  // GitPitch's delimiter with settings (`---?image=a.jpg`) opens its first slide, not front matter.
  if (!opener || opener[2]!.startsWith('?')) return { body: text, bodyLine: 1 };
  if (opener[2]!.trim() !== '') {
    // gray-matter style `---js` blocks execute code; ours never does.
    bag.error('E_META', `front matter "${opener[1]}${opener[2]!.trim()}" is not supported; only YAML front matter is read`, {
      file: file.path,
      line: 1,
      hint: 'start the front matter with a bare --- line and write YAML',
    });
    return { body: '', bodyLine: 1 };
  }
  // Any space may follow the closing line, an ideographic one too (`---　`, as a Japanese keyboard types it), which shows nothing.
  const closer = opener[1] === '---' ? /^(---|\.\.\.)[^\S\n]*$/m : new RegExp(`^${opener[1]}[^\\S\\n]*$`, 'm');
  const rest = text.slice(opener[0].length);
  const match = closer.exec(rest);
  if (!match) {
    bag.error('E_META', 'front matter is never closed', {
      file: file.path,
      line: skipped + 1,
      hint: `end the YAML block with a line holding only ${opener[1]}`,
    });
    return { body: '', bodyLine: 1 };
  }
  const yaml = rest.slice(0, match.index);
  const yamlLines = yaml.split('\n').length - 1;
  const body = rest.slice(match.index + match[0].length).replace(/^\n/, '');
  return { meta: { file, yaml, firstLine: skipped + 2 }, body, bodyLine: skipped + 2 + yamlLines + 1 };
}
