import { failure } from '../errors.js';
import type { SourceFile } from '../model.js';
import { readRegularFile } from '../read-regular-file.js';
import type { InputLimits } from './input-limits.js';

// How a briefing's text files become text: strictly UTF-8, under the size limit, with problems at their line.

/** Decodes a source file strictly: UTF-8 only, BOM dropped, line endings made LF. */
export function decodeSource(bytes: Uint8Array, displayPath: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw failure('E_ENCODING', 'file is UTF-16; briefdeck reads UTF-8 only', {
      file: displayPath,
      line: 1,
      hint: 're-save the file as UTF-8',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw failure('E_ENCODING', 'file contains a NUL byte; is it binary?', {
      file: displayPath,
      line: lineOfByte(bytes, nul),
      hint: 'only text files (UTF-8) belong in a briefing; reference images with ![alt](file.png)',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw failure('E_ENCODING', 'file is not valid UTF-8', {
      file: displayPath,
      line: lineOfInvalidUtf8(bytes),
      hint: 're-save the file as UTF-8',
    });
  }
  // TextDecoder already dropped a UTF-8 BOM, so the first heading is seen as one.
  return text.replace(/\r\n?/g, '\n');
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

function lineOfInvalidUtf8(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const bad = lenient.indexOf('\uFFFD');
  return bad === -1 ? 1 : lenient.slice(0, bad).split('\n').length;
}
