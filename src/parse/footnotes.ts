// Footnotes as GitHub and Pandoc write them, which Quarto, Pandoc and Slidev
// decks use: a reference `[^label]` with its definition `[^label]: text`, and
// Pandoc's inline note `^[text]`. A slide is one page, so notes are numbered
// per slide, in the order they are referred to, and listed under its content.
import type { TokenizerAndRendererExtension } from 'marked';
import { createFenceReader } from './read-fences.js';
import type { Line } from './source-lines.js';
import type { SourceFile } from '../model.js';
import { startWithinParagraph, startWithinWindow } from './extension-start.js';

/**
 * A line that goes on with a definition: indented by four spaces or a tab, or, as a paragraph's lazy
 * continuation (in Pandoc and GitHub alike), any line of text that neither is blank nor opens another block.
 */
const CONTINUATION = /(?: {4}|\t)[^\n]*|(?![ \t]*(?:\n|$)| {0,3}(?:\[\^|[#>`~<|]|[-*+][ \t]|\d{1,9}[.)][ \t]|:::))[^\n]+/;
/** A definition: `[^label]:`, then its text and the lines that go on with it. */
const DEFINITION = new RegExp(`^ {0,3}\\[\\^([^\\]\\s]+)\\]:[ \\t]*([^\\n]*(?:\\n(?:${CONTINUATION.source}))*)(?:\\n|$)`);
const CONTINUES = new RegExp(`^(?:${CONTINUATION.source})$`);
/** The longest inline note read, in characters; a longer one stays text. */
const MAX_NOTE = 2000;

/** One footnote to list: its Markdown text, the line it starts on, and the file that line is in when it is not the slide's (an included file, or another file's slide). */
export interface Footnote {
  text: string;
  line: number;
  file?: SourceFile;
}

/** The footnotes of one slide (or one slide's notes): what is defined, and what was referred to, in order. */
export interface FootnoteScope {
  /** Marked extensions that read references, inline notes and definitions; definitions render as nothing. */
  extensions: TokenizerAndRendererExtension[];
  /**
   * Reads the definitions of the deck's slides, each slide's lines apart, the first of each label kept: a slide refers to
   * a note defined on another as Pandoc and GitHub read a whole document (Markdown keeps them at its end), its own first.
   */
  readDeck(slides: readonly { file: SourceFile; lines: readonly Line[] }[]): void;
  /** Starts a slide: reads the definitions in its lines, outside code blocks, and forgets the last slide's notes. */
  begin(lines: Line[]): void;
  /** Ends a slide: the notes referred to, in the order of their numbers. */
  end(): Footnote[];
}

/** Makes the footnote reader for one marked instance; `lineNow` is the line being rendered, where an inline note stands. */
export function createFootnotes(lineNow: () => number): FootnoteScope {
  let defined = new Map<string, Footnote>();
  /** The deck's definitions, for a label its slide does not define. */
  let deck = new Map<string, Footnote>();
  const definitionOf = (label: string) => defined.get(label) ?? deck.get(label);
  let listed: Footnote[] = [];
  const numbers = new Map<string, number>();
  /** The number of a note, given on its first reference. */
  const numberOf = (label: string): number => {
    let n = numbers.get(label);
    if (n === undefined) {
      listed.push(definitionOf(label)!);
      numbers.set(label, (n = listed.length));
    }
    return n;
  };
  const reference = (n: number) => `<sup class="footnote-ref">${n}</sup>`;
  return {
    extensions: [
      {
        name: 'footnoteDefinition',
        level: 'block',
        start: startWithinParagraph(/^ {0,3}\[\^/m),
        tokenizer(src: string) {
          const match = DEFINITION.exec(src);
          return match ? { type: 'footnoteDefinition', raw: match[0] } : undefined;
        },
        renderer: () => '',
      },
      {
        name: 'footnoteReference',
        level: 'inline',
        tokenizer(src: string) {
          // A label with no definition is text, as in Pandoc and on GitHub; a slide without definitions has none to look for.
          if (defined.size === 0 && deck.size === 0) return undefined;
          const match = /^\[\^([^\]\s[]{1,100})\]/.exec(src);
          return match && definitionOf(match[1]!) !== undefined ? { type: 'footnoteReference', raw: match[0], label: match[1]! } : undefined;
        },
        renderer: (token) => reference(numberOf((token as unknown as { label: string }).label)),
      },
      {
        name: 'inlineNote',
        level: 'inline',
        start: startWithinWindow('^['),
        tokenizer(src: string) {
          // Read within a bounded window: tried at every `^[`, an unbounded search of a long unclosed run would be quadratic.
          const match = /^\^\[((?:\\.|[^\\[\]]|\[(?:\\.|[^\\[\]])*\])+)\]/.exec(src.slice(0, MAX_NOTE));
          return match ? { type: 'inlineNote', raw: match[0], text: match[1]! } : undefined;
        },
        renderer(token) {
          // Numbered where it stands, in the same series as the references.
          listed.push({ text: (token as unknown as { text: string }).text, line: lineNow() });
          return reference(listed.length);
        },
      },
    ],
    readDeck(slides) {
      deck = new Map();
      for (const { file, lines } of slides) for (const [label, note] of readDefinitions(lines)) if (!deck.has(label)) deck.set(label, { ...note, file: note.file ?? file });
    },
    begin(lines) {
      defined = readDefinitions(lines);
      listed = [];
      numbers.clear();
    },
    end: () => listed,
  };
}

/** The footnote definitions in `lines`, outside code blocks, by label: the first of each counts, as in Pandoc. */
function readDefinitions(lines: readonly Line[]): Map<string, Footnote> {
  const defined = new Map<string, Footnote>();
  if (!lines.some((l) => l.text.includes('[^'))) return defined;
  const fences = createFenceReader();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (fences.read(text) || !DEFINITION.test(text)) continue;
    const first = lines[i]!.number;
    const from = lines[i]!.file;
    let rest = text;
    while (i + 1 < lines.length && CONTINUES.test(lines[i + 1]!.text)) rest += `\n${lines[++i]!.text}`;
    const definition = DEFINITION.exec(rest)!;
    if (!defined.has(definition[1]!)) defined.set(definition[1]!, { text: definition[2]!.replace(/\n[ \t]*/g, ' ').trim(), line: first, ...(from ? { file: from } : {}) });
  }
  return defined;
}
