import { failure } from '../errors.js';
import type { SourceFile } from '../model.js';
import { readRegularFile } from '../read-regular-file.js';
import type { InputLimits } from './input-limits.js';

// How a briefing's text files become text: UTF-8, or UTF-16 that says so with a byte-order mark (what Windows'
// Notepad calls "Unicode" and PowerShell 5 writes by default), under the size limit, with problems at their line.

/** Decodes a source file strictly: UTF-8, or UTF-16 with its byte-order mark; the BOM dropped, line endings made LF. */
export function decodeSource(bytes: Uint8Array, displayPath: string): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const text = utf16 === undefined ? decodeUtf8(bytes, displayPath) : decodeUtf16(bytes, utf16, displayPath);
  return text.replace(/\r\n?/g, '\n');
}

function decodeUtf8(bytes: Uint8Array, displayPath: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw failure('E_ENCODING', 'file contains a NUL byte; is it binary?', {
      file: displayPath,
      line: lineOfByte(bytes, nul),
      // UTF-16 without its byte-order mark has a NUL beside every ASCII letter; say so rather than call it binary.
      hint: looksLikeUtf16WithoutBom(bytes)
        ? 'the file looks like UTF-16 without a byte-order mark; re-save it as UTF-8 (or as UTF-16 with a BOM)'
        : 'only text files (UTF-8) belong in a briefing; reference images with ![alt](file.png)',
    });
  }
  try {
    // TextDecoder drops a UTF-8 BOM, so the first heading is seen as one.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw failure('E_ENCODING', 'file is not valid UTF-8', {
      file: displayPath,
      line: lineOfInvalidText(new TextDecoder('utf-8').decode(bytes)),
      hint: 're-save the file as UTF-8',
    });
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', displayPath: string): string {
  let text: string;
  try {
    // An odd byte count or an unpaired surrogate is damage, not text.
    if (bytes.length % 2 !== 0) throw new Error('odd length');
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw failure('E_ENCODING', `file starts as ${encoding === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'} but is not valid UTF-16`, {
      file: displayPath,
      line: lineOfInvalidText(new TextDecoder(encoding).decode(bytes)),
      hint: 're-save the file as UTF-8',
    });
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    throw failure('E_ENCODING', 'file contains a NUL character; is it binary?', {
      file: displayPath,
      line: text.slice(0, nul).split('\n').length,
      hint: 'only text files belong in a briefing; reference images with ![alt](file.png)',
    });
  }
  return text;
}

/** Reads a Markdown, YAML or other text file of the briefing, under the file size limit, and decodes it. */
export function readSourceFile(full: string, displayPath: string, relPath: string, limits: InputLimits): SourceFile {
  const bytes = readRegularFile(full, displayPath, limits.maxFileBytes, { file: displayPath }, (size) =>
    failure('E_FILE_TOO_LARGE', `file is ${size} bytes, over the ${limits.maxFileBytes}-byte limit`, {
      file: displayPath,
      hint: 'split the briefing into several files, or raise the limit with --max-file-bytes',
    }),
  );
  return { path: displayPath, relPath, text: decodeSource(bytes, displayPath) };
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The line of the first character a lenient decoder had to replace. */
function lineOfInvalidText(lenient: string): number {
  const bad = lenient.indexOf('\uFFFD');
  return bad === -1 ? 1 : lenient.slice(0, bad).split('\n').length;
}

/** Whether most of the first bytes' odd (or even) places are NUL, as ASCII text in UTF-16 is. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? even++ : odd++;
  return Math.max(even, odd) >= sample.length / 4 && Math.min(even, odd) === 0;
}
