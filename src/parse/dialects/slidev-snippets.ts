// Slidev's code snippet imports (VitePress writes them alike): a line
// `<<< @/snippets/a.ts#region-name ts {2|3}{lines:true}` shows a file of the
// briefing folder as a code block. `@/` is the briefing folder; another path is
// relative to the file that names it. The load stage reads the file, confined
// to the folder like any include (include-paths.ts reads the line for both
// stages); this module writes the code block the slide cutter reads in its place.
import type { SnippetImport } from '../../include-paths.js';
import { fenceFor } from '../read-fences.js';

/** A VS Code region marker in any language's comment: `// #region name`, `# region name`, `<!-- #region name -->`. */
const regionMarker = (kind: 'region' | 'endregion') => new RegExp(String.raw`^\s*(?:\/\/|#|<!--|\/\*|--|;|%)?\s*#?${kind}\b\s*([\w.-]*)`);
const REGION_START = regionMarker('region');
const REGION_END = regionMarker('endregion');

/**
 * The code block a snippet shows: its fence, language and options, then the file's lines (those of its region, when
 * it names one, without the region's own markers), then the closing fence. Null when the file has no such region.
 */
export function writeSnippetBlock(snippet: SnippetImport, text: string, fileName: string): string[] | null {
  let lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  if (snippet.region !== undefined) {
    const start = lines.findIndex((line) => REGION_START.exec(line)?.[1] === snippet.region);
    if (start === -1) return null;
    const length = lines.slice(start + 1).findIndex((line) => REGION_END.test(line));
    lines = lines.slice(start + 1, length === -1 ? undefined : start + 1 + length);
  }
  // Markers of other regions inside it are the editor's, never the code's.
  lines = lines.filter((line) => !REGION_START.test(line) && !REGION_END.test(line));
  const lang = snippet.lang ?? /\.([\w+-]+)$/.exec(fileName)?.[1] ?? '';
  const fence = fenceFor(lines.join('\n'));
  return [`${fence}${lang}${snippet.options ? ` ${snippet.options}` : ''}`, ...lines, fence];
}
