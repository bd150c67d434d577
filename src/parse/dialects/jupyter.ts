import { parseDocument } from 'yaml';
import { readRiseOptions } from './rise-options.js';
import type { DiagnosticBag } from '../../errors.js';
import type { SourceFile } from '../../model.js';
import { attachmentPictureName, joinNotebookText, notebookPictureFolder, outputPictureName, pickPicture, type NotebookCell } from '../../notebook-pictures.js';
import type { DeckText, MetaSource } from '../parse-meta.js';
import { createFenceReader, fenceFor } from '../read-fences.js';
import { readCellOptionLines, type CellOptions } from '../render-code.js';
import { PEER_SYNTAX_HINT } from '../render-markdown.js';
import { writeHtmlBlock } from './html-block.js';
import { decodePercentEscapes } from '../../decode-percent.js';

// How a Jupyter notebook (.ipynb) is read as a deck: its cells are written out as the
// Markdown they stand for, each line numbered at its line in the notebook's JSON, so
// every message names where the author wrote it.
// - A notebook made for slides (Jupyter's slideshow cell types, as nbconvert and RISE read
//   them): `slide` starts a slide, `subslide` one below it, `fragment` a build step, `notes`
//   the slide's notes, `skip` is left out.
// - A Quarto notebook (YAML front matter in its first raw cell) is read as Quarto reads a
//   deck: a cell's code shows only with `#| echo: true`, its outputs unless `output` or
//   `include` is false.
// - Code is a code block in the notebook's language; its outputs are shown as Jupyter shows
//   them: text as text, a table as HTML (under the raw-HTML rules), a picture from the
//   notebook itself (notebook-pictures.ts), never from anywhere else.

/** Control sequences a terminal reads in a cell's text output (colours in a traceback). */
const TERMINAL_CODES = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** A thematic break, which in a deck cut at `---` would cut a slide where the notebook draws a line. */
const RULE = /^ {0,3}(?:-[ \t]*){3,}$|^ {0,3}(?:\*[ \t]*){3,}$|^ {0,3}(?:_[ \t]*){3,}$/;

/**
 * Finds each cell's text in the notebook's JSON, in order, for the line it stands on; one pass over the file. A text
 * written otherwise than JSON.stringify writes it (`\u0041` for `A`) is not found, and then none after it is looked
 * for: each search would run to the end of the file again.
 */
function createLineFinder(json: string): (text: string) => number | undefined {
  let cursor = 0;
  let line = 1;
  let counted = 0;
  let lost = false;
  return (text) => {
    const found = lost ? -1 : json.indexOf(JSON.stringify(text), cursor);
    if (found === -1) {
      lost = true;
      return undefined;
    }
    for (let i = json.indexOf('\n', counted); i !== -1 && i < found; i = json.indexOf('\n', i + 1)) line++;
    counted = found;
    cursor = found + 1;
    return line;
  };
}

/** Reads a Jupyter notebook into the Markdown its cells stand for; its problems go in `bag`. */
export function readNotebook(file: SourceFile, bag: DiagnosticBag): DeckText {
  const empty: DeckText = { body: '', bodyLine: 1 };
  let notebook: { cells?: unknown; nbformat?: unknown; metadata?: { kernelspec?: { language?: unknown }; language_info?: { name?: unknown }; rise?: unknown } };
  const tooDeep = findExcessiveJsonNesting(file.text);
  if (tooDeep !== undefined) {
    bag.error('E_NOTEBOOK', `the notebook's JSON is nested more than ${MAX_JSON_DEPTH} deep`, { file: file.path, line: tooDeep, hint: 'a notebook Jupyter saved nests a few levels; this one was not written by Jupyter' });
    return empty;
  }
  try {
    notebook = JSON.parse(file.text);
  } catch {
    bag.error('E_NOTEBOOK', "the notebook's JSON does not parse", { file: file.path, line: locateJsonError(file.text), hint: 'look for a comma after the last item of a list, or a quote or bracket left open; Jupyter saves a notebook whole' });
    return empty;
  }
  if (typeof notebook !== 'object' || notebook === null || !Array.isArray(notebook.cells) || typeof notebook.nbformat !== 'number' || notebook.nbformat < 4) {
    bag.error('E_NOTEBOOK', 'not a Jupyter notebook of nbformat 4 (no list of cells)', { file: file.path, line: 1, hint: 'an older notebook can be upgraded with `jupyter nbconvert --to notebook --nbformat 4`' });
    return empty;
  }
  // A cell that is not an object (null, a number) is read as an empty one, so every other cell keeps its place and its pictures' names.
  const cells = (notebook.cells as unknown[]).map((cell): NotebookCell => (typeof cell === 'object' && cell !== null && !Array.isArray(cell) ? cell : {}));
  const warn = (line: number, message: string) => bag.warn('W_PEER_SYNTAX', message, { file: file.path, line, hint: PEER_SYNTAX_HINT });
  const language = [notebook.metadata?.kernelspec?.language, notebook.metadata?.language_info?.name].find((l): l is string => typeof l === 'string' && /^[\w+#-]{1,30}$/.test(l)) ?? 'python';
  const slideshow = cells.some((cell) => typeof cell.metadata?.slideshow?.slide_type === 'string' && cell.metadata.slideshow.slide_type !== '-');
  const findLine = createLineFinder(file.text);
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  const emit = (text: string, line: number) => {
    lines.push(text);
    lineNumbers.push(line);
  };
  let meta: MetaSource | undefined;
  let written = false;
  let warnedInteractive = false;

  cells.forEach((cell, index) => {
    const source = joinNotebookText(cell.source);
    const parts = Array.isArray(cell.source) ? (cell.source as unknown[]).filter((p): p is string => typeof p === 'string') : [source];
    // Each line of the source at its line in the JSON: a list of lines is one per JSON line, as Jupyter writes it.
    const first = findLine(parts[0] ?? '') ?? lineNumbers.at(-1) ?? 1;
    const sourceLines = source.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    const numbers = parts.length === sourceLines.length ? parts.map((part, i) => (i === 0 ? first : (findLine(part) ?? first + i))) : sourceLines.map((_, i) => first + i);
    const lineOf = (i: number) => numbers[Math.min(i, numbers.length - 1)] ?? first;

    // A Quarto notebook's front matter, in its first cell.
    if (index === 0 && cell.cell_type === 'raw' && sourceLines[0]?.trim() === '---') {
      const end = sourceLines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(l));
      if (end > 0) {
        meta = { file, yaml: sourceLines.slice(1, end).join('\n'), firstLine: lineOf(1) };
        return;
      }
    }
    const kind = typeof cell.metadata?.slideshow?.slide_type === 'string' ? cell.metadata.slideshow.slide_type : '-';
    const tags = Array.isArray(cell.metadata?.tags) ? (cell.metadata.tags as unknown[]) : [];
    const tagged = (...names: string[]) => names.some((name) => tags.includes(name));
    if (kind === 'skip' || tagged('remove_cell', 'remove-cell')) return;
    if (written && (kind === 'slide' || kind === 'subslide')) ['', kind === 'slide' ? '---' : '--', ''].forEach((t) => emit(t, first));
    if (kind === 'fragment') ['', '<!-- pause -->', ''].forEach((t) => emit(t, first));
    written = true;
    const notes = kind === 'notes';
    if (notes) emit('::: notes', first);
    emit('', first);

    if (cell.cell_type === 'markdown') {
      // Jupyter draws a rule where a Quarto notebook, read as Quarto reads a deck, starts a slide.
      writeMarkdownCell(sourceLines, lineOf, index, cell, !meta, file, emit, bag);
    } else if (cell.cell_type === 'code') {
      // A Quarto notebook's cell shows its code only when its options say `echo: true` (Quarto hides code in a deck),
      // without those option lines; any other notebook shows its code, as nbconvert and RISE do.
      const { count: optionLines, options } = meta ? readCellOptionLines(source) : { count: 0, options: {} as CellOptions };
      const code = sourceLines.slice(optionLines);
      if (!tagged('remove_input', 'remove-input', 'hide-input') && (!meta || options.echo === true) && code.join('').trim() !== '') {
        const fence = fenceFor(source);
        emit(`${fence}${language}`, lineOf(optionLines));
        code.forEach((text, i) => emit(text, lineOf(optionLines + i)));
        emit(fence, lineOf(sourceLines.length - 1));
        emit('', lineOf(sourceLines.length - 1));
      }
      if (!tagged('remove_output', 'remove-output') && options.output !== false && options.include !== false) {
        const outputs = Array.isArray(cell.outputs) ? (cell.outputs as unknown[]) : [];
        outputs.forEach((output, o) => {
          const shown = writeOutput(output, index, o, file, lineOf(sourceLines.length - 1), emit);
          if (!shown && !warnedInteractive) {
            warnedInteractive = true;
            warn(first, 'an interactive output (a widget, JavaScript, or a plot drawn by script) was left out: a deck runs only its own script; save a picture of it in the notebook to keep it');
          }
        });
      }
    } else if (cell.cell_type === 'raw' && source.trim() !== '') {
      warn(first, "a raw cell was left out: its text is for another output format's converter");
    }
    if (notes) emit(':::', lineOf(sourceLines.length - 1));
    emit('', lineOf(sourceLines.length - 1));
  });
  // A notebook is always another tool's deck (a picture it names but does not hold is then a warning, as in any); one made
  // for slides is cut at its slide cells only, like the decks of SEPARATOR_TOOLS, any other at its headings.
  // RISE's options, named at their key's line (the first "rise": of the file, which JSON writes once per object).
  const rise = readRiseOptions(notebook.metadata?.rise, file, findLine('rise') ?? 1, bag);
  return { ...(meta ? { meta } : {}), body: lines.join('\n'), bodyLine: lineNumbers[0] ?? 1, lineNumbers, tools: [slideshow ? 'Jupyter' : 'Jupyter notebook'], ...(rise ? { beneath: rise } : {}) };
}

/** A Markdown cell's lines: its attachments named in the notebook's pictures folder, and a rule drawn (`drawRules`), not cut at, as Jupyter draws it. */
function writeMarkdownCell(sourceLines: string[], lineOf: (i: number) => number, index: number, cell: NotebookCell, drawRules: boolean, file: SourceFile, emit: (text: string, line: number) => void, bag: DiagnosticBag): void {
  const folder = notebookPictureFolder(file.relPath);
  const attachments = typeof cell.attachments === 'object' && cell.attachments !== null ? cell.attachments : {};
  writeMarkdown(sourceLines, lineOf, emit, (text, line) => {
    if (drawRules && RULE.test(text)) return '<hr>';
    // "Note: …" in a Markdown cell is the cell's text (a notebook's notes are notes cells), never reveal's notes line.
    if (/^[ \t]*notes?:/i.test(text)) return text.replace(/^([ \t]*)(.)/, (_, indent: string, c: string) => `${indent}&#${c.charCodeAt(0)};`);
    if (!text.includes('attachment:')) return text;
    // A picture the cell does not hold (an attachment lost when cells were copied between notebooks) shows its alt text, as Jupyter shows a broken picture's.
    // A name with a broken % escape is read as written, as a name no cell holds.
    const holds = (name: string) => Object.hasOwn(attachments, decodePercentEscapes(name) ?? name);
    const held = text.replace(/!\[([^\]]*)\]\(attachment:([^)\s]+)\)/g, (whole, alt: string, name: string) => {
      if (holds(name)) return whole;
      bag.warn('W_IMAGE_MISSING', `the attachment ${name} is not in this cell; the picture was left out, its alt text in its place`, { file: file.path, line, hint: 'attach the picture to the cell again in Jupyter, or save it as a file beside the notebook' });
      return alt.replace(/[\\`*_[\]<>&]/g, (c) => `&#${c.charCodeAt(0)};`);
    });
    return held.replace(/\(attachment:([^)\s]+)\)/g, (whole, name: string) => {
      const picture = attachmentPictureName(index, decodePercentEscapes(name) ?? name);
      return picture && holds(name) ? `(${(folder + picture).split('/').map(encodeURIComponent).join('/')})` : whole;
    });
  });
}

/**
 * Writes a cell's Markdown (or a Markdown output), its lines outside code blocks passed through `rewrite`. Jupyter renders
 * each cell alone, so a code block it leaves open is closed at its end, never running on into the cells after it.
 */
function writeMarkdown(sourceLines: string[], lineOf: (i: number) => number, emit: (text: string, line: number) => void, rewrite: (text: string, line: number) => string = (text) => text): void {
  const fences = createFenceReader();
  let opened = '';
  sourceLines.forEach((text, i) => {
    const before = fences.inside;
    if (!fences.read(text)) return emit(rewrite(text, lineOf(i)), lineOf(i));
    if (!before) opened = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1] ?? '```';
    emit(text, lineOf(i));
  });
  if (fences.inside) emit(opened, lineOf(sourceLines.length - 1));
}

/** Writes one output of a code cell as Jupyter shows it; false for one that only a script can show. */
function writeOutput(output: unknown, cell: number, index: number, file: SourceFile, line: number, emit: (text: string, line: number) => void): boolean {
  if (typeof output !== 'object' || output === null) return true;
  const { output_type: type, text, data, ename, evalue, traceback } = output as Record<string, unknown>;
  const block = (content: string) => {
    const body = content.replace(TERMINAL_CODES, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
    if (body.trim() === '') return;
    const fence = fenceFor(body);
    [fence, ...body.split('\n'), fence, ''].forEach((t) => emit(t, line));
  };
  if (type === 'stream') {
    block(joinNotebookText(text));
    return true;
  }
  if (type === 'error') {
    // The traceback, as Jupyter shows it (its last line names the error); without one, the error's name and message.
    const lines = Array.isArray(traceback) ? traceback.filter((t): t is string => typeof t === 'string') : [];
    block(lines.length > 0 ? lines.join('\n') : `${String(ename ?? 'Error')}: ${String(evalue ?? '')}`);
    return true;
  }
  if (typeof data !== 'object' || data === null) return true;
  const bundle = data as Record<string, unknown>;
  const picture = pickPicture(bundle);
  if (picture) {
    const path = notebookPictureFolder(file.relPath) + outputPictureName(cell, index, picture.mime);
    emit(`![Output of cell ${cell + 1}](${path.split('/').map(encodeURIComponent).join('/')})`, line);
    emit('', line);
    return true;
  }
  if ('text/markdown' in bundle || 'text/latex' in bundle) {
    writeMarkdown(joinNotebookText(bundle['text/markdown'] ?? bundle['text/latex']).split('\n'), () => line, emit);
    emit('', line);
    return true;
  }
  if ('text/html' in bundle) {
    // In a box of its own, as Jupyter shows an output, and one block of HTML that Markdown reads nothing of.
    writeHtmlBlock(`<div>${joinNotebookText(bundle['text/html'])}</div>`, line, emit);
    return true;
  }
  if ('text/plain' in bundle) {
    block(joinNotebookText(bundle['text/plain']));
    return true;
  }
  return false;
}

/**
 * The line of a JSON text's first error, for a message: where the yaml library, whose flow syntax is JSON's, first
 * fails to read it, or else where a comma stands before a closing bracket (which YAML allows and JSON does not).
 */
function locateJsonError(text: string): number {
  // Repeated keys are no JSON error (and checking for them takes time with the square of their number).
  const failed = parseDocument(text, { prettyErrors: true, uniqueKeys: false }).errors[0]?.linePos?.[0]?.line;
  if (failed !== undefined) return failed;
  const comma = /,\s*[\]}]/.exec(text);
  return comma ? text.slice(0, comma.index).split('\n').length : 1;
}

/** Deeper than any notebook Jupyter writes (a widget's state nests a dozen levels), and shallow enough to read at once. */
const MAX_JSON_DEPTH = 64;

/**
 * The line of the first bracket of a JSON text nested deeper than MAX_JSON_DEPTH, in one pass that steps over strings:
 * a text of a million nested brackets took the parse past its memory limit after seconds, where this is an error at once.
 */
function findExcessiveJsonNesting(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_JSON_DEPTH) return line;
    } else if (c === ']' || c === '}') depth--;
  }
  return undefined;
}
