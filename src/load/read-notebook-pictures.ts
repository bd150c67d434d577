import { NOTEBOOK, type LoadedBriefing } from '../model.js';
import { listNotebookPictures, notebookPictureFolder, type NotebookCell } from '../notebook-pictures.js';
import type { EmbeddedPictures } from './load-assets.js';

/**
 * For a notebook briefing, reads the pictures the notebook holds (its outputs and attachments) by the paths the
 * parse named them with (notebook-pictures.ts), decoded on first use; undefined for any other briefing.
 * A name the notebook does not hold reads nothing, and the asset loader then reports it as any missing picture.
 */
export function createNotebookPictureReader(loaded: LoadedBriefing): EmbeddedPictures | undefined {
  const file = loaded.singleFile ? loaded.markdownFiles[0] : undefined;
  if (!file || !NOTEBOOK.test(file.path)) return undefined;
  const folder = notebookPictureFolder(file.relPath);
  let pictures: ReturnType<typeof listNotebookPictures> | undefined;
  return (relPath) => {
    if (!relPath.startsWith(folder)) return undefined;
    pictures ??= readPictures(file.text, file.relPath);
    const picture = pictures.get(relPath);
    if (!picture) return undefined;
    return picture.mime === 'image/svg+xml' ? Buffer.from(picture.data, 'utf8') : Buffer.from(picture.data.replace(/\s+/g, ''), 'base64');
  };
}

/** The notebook's pictures; none when it does not parse (the parse stage has said why). */
function readPictures(text: string, relPath: string): ReturnType<typeof listNotebookPictures> {
  try {
    const cells = (JSON.parse(text) as { cells?: unknown }).cells;
    return listNotebookPictures(Array.isArray(cells) ? (cells as NotebookCell[]) : [], relPath);
  } catch {
    return new Map();
  }
}
