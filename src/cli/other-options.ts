// What an option the command does not take was meant to do: another command's option (`pdf --scale`), or another
// slide tool's command-line habit (Marp's `--pdf`, reveal-md's `--theme`, Slidev's `--with-clicks`), said in
// briefdeck's terms. Most users arrive with another tool's commands in their fingers, not only its decks.
import type { Command } from './command-table.js';

/** Other tools' options (Marp CLI, reveal-md, Slidev, Pandoc, Quarto), and where briefdeck does what each asked. */
const OTHER_TOOLS_OPTIONS: Record<string, string> = {
  '--pdf': 'a PDF is its own command: briefdeck pdf',
  '--print': 'a PDF is its own command: briefdeck pdf',
  '--pdf-notes': 'briefdeck pdf --notes prints each slide with its notes',
  '--with-clicks': 'briefdeck pdf --fragments gives each build step a page',
  '--pptx': 'PowerPoint is its own command: briefdeck pptx',
  '--png': 'pictures of the slides are their own command: briefdeck shots',
  '--images': 'pictures of the slides are their own command: briefdeck shots',
  '--image': 'pictures of the slides are their own command: briefdeck shots',
  '--format': 'each format is its own command: briefdeck build, pdf, pptx or shots',
  '--to': 'each format is its own command: briefdeck build, pdf, pptx or shots',
  '--watch': 'briefdeck dev serves the deck and reloads it on every save',
  '-w': 'briefdeck dev serves the deck and reloads it on every save',
  '--server': 'briefdeck dev serves the deck and reloads it on every save',
  '--preview': 'briefdeck dev serves the deck and reloads it on every save',
  '--theme': 'the theme is set in the deck: theme: night in its front matter or briefing.yml',
  '--css': "a style sheet is named in the deck's metadata: css: style.css",
  '--title': "the title is set in the deck's metadata: title: …",
  '--html': "raw HTML is kept for a trusted author with html: true in the deck's metadata",
  '--allow-local-files': 'pictures in the briefing folder are always inlined; nothing outside it is read',
  '--static': 'briefdeck build writes the deck as one self-contained HTML file (-o names it)',
  '--self-contained': 'every deck briefdeck builds is one self-contained HTML file',
  '--embed-resources': 'every deck briefdeck builds is one self-contained HTML file',
  '--standalone': 'every deck briefdeck builds is one self-contained HTML file',
  '--slide-level': "the slide level is set in the deck's metadata: slide-level: 2",
  '--incremental': "lists step in item by item with incremental: true in the deck's metadata",
};

/** A hint for an option `command` does not take, when it is another command's or another tool's; undefined otherwise. */
export function describeOtherOption(option: string, commandName: string, commands: Readonly<Record<string, Command>>): string | undefined {
  const flag = option.replace(/=.*$/, '');
  const owners = Object.entries(commands).filter(([name, c]) => name !== commandName && flag.startsWith('--') && Object.hasOwn(c.options, flag.slice(2))).map(([name]) => name);
  if (owners.length > 0) return `${flag} is an option of briefdeck ${owners.length > 1 ? `${owners.slice(0, -1).join(', ')} and ${owners.at(-1)}` : owners[0]}`;
  return OTHER_TOOLS_OPTIONS[flag];
}
