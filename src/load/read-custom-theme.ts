// A briefing's own theme CSS (`theme: ./my-theme.css`), read once at load as every input is read: guarded against
// special files and size, and checked to parse and to refer to nothing outside the folder. Everything that reads it
// later (the PowerPoint palette, the SVG fonts of a build, the theme's bundle) meets only a file that passed here.
import path from 'node:path';
import { failure } from '../errors.js';
import { readRegularFile } from '../read-regular-file.js';

/** The largest theme file, and the largest font or image a theme may inline, like an image in a slide. */
export const MAX_THEME_FILE_BYTES = 5 * 1024 * 1024;

/** Reads and checks a briefing's own theme CSS (`themeFile`, inside `root`; `where` is its `theme:` line) and returns its text. */
export async function readCustomTheme(themeFile: string, root: string, where: { file: string; line: number }): Promise<string> {
  // Shown the way the user names files: beside the metadata that set `theme:`.
  const shownTheme = path.join(path.dirname(where.file), path.relative(root, themeFile));
  const source = readRegularFile(themeFile, shownTheme, MAX_THEME_FILE_BYTES, where, (size) =>
    failure('E_FILE_TOO_LARGE', `theme is ${size} bytes, over the ${MAX_THEME_FILE_BYTES}-byte limit`, { ...where }),
  ).toString('utf8');
  // Remote and absolute references are refused at their own line, before esbuild ever sees them.
  const { findExternalReferences } = await import('../css-references.js');
  let references: ReturnType<typeof findExternalReferences>;
  try {
    references = findExternalReferences(source);
  } catch (err) {
    // CSS the parser cannot read is the theme's problem, at its own line, never briefdeck's.
    const { line, reason } = err as { line?: number; reason?: string };
    if (reason === undefined) throw err;
    throw failure('E_THEME_CSS', `theme CSS does not parse: ${reason}`, { file: shownTheme, line: line ?? 1, hint: 'check the CSS at that line: a brace, quote or comment left open, or an at-rule written with an escape' });
  }
  for (const ref of references) {
    if (/^\s*(?:[a-z][a-z0-9+.-]*:|\/)/i.test(ref.url)) {
      throw failure('E_REMOTE_URL', `theme refers to "${ref.url.slice(0, 80)}", which cannot be inlined`, { file: shownTheme, line: ref.line, hint: 'a theme may only use fonts and images inside the briefing folder' });
    }
  }
  return source;
}
