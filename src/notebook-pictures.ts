// A Jupyter notebook carries its pictures inside itself: its code cells' outputs (a
// chart the code drew) and the attachments its Markdown cells embed. The parse stage
// names each by a path beside the notebook, in a folder that never exists on disk
// (`deck.ipynb.pictures/cell-4-output-1.png`); the load stage reads the picture out of
// the notebook for that path, never from the disk. Both name and find them here.

/** The picture types a notebook's outputs and attachments hold that a deck can show, by the extension their name takes. */
const PICTURE_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg' };

/** A notebook cell as nbformat 4 writes it; every field is checked where it is read. */
export interface NotebookCell {
  cell_type?: unknown;
  source?: unknown;
  metadata?: { slideshow?: { slide_type?: unknown }; tags?: unknown };
  outputs?: unknown;
  attachments?: unknown;
}

/** nbformat's multiline text: a string, or a list of strings joined as they are. */
export function joinNotebookText(value: unknown): string {
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? value.filter((part): part is string => typeof part === 'string').join('') : '';
}

/** The picture a mime bundle (an output's `data`, an attachment) holds, if any: its type and its data as written (base64, or SVG's text). */
export function pickPicture(bundle: unknown): { mime: string; data: string } | undefined {
  if (typeof bundle !== 'object' || bundle === null) return undefined;
  const mime = Object.keys(PICTURE_TYPES).find((type) => type in bundle);
  return mime === undefined ? undefined : { mime, data: joinNotebookText((bundle as Record<string, unknown>)[mime]) };
}

/** The folder, beside the notebook and never on disk, in which its pictures are named. */
export function notebookPictureFolder(notebookRelPath: string): string {
  return `${notebookRelPath}.pictures/`;
}

/** The name of output `output` (from 0) of cell `cell` (from 0), a picture of type `mime`. */
export function outputPictureName(cell: number, output: number, mime: string): string {
  return `cell-${cell + 1}-output-${output + 1}.${PICTURE_TYPES[mime] ?? 'bin'}`;
}

/** The name of a Markdown cell's attachment, or null for a name that is not a plain file name. */
export function attachmentPictureName(cell: number, name: string): string | null {
  return /^[\w][\w .-]{0,99}$/.test(name) && !name.includes('..') ? `cell-${cell + 1}-${name}` : null;
}

/** Every picture a notebook holds, by its path in the briefing folder (notebookPictureFolder + its name), its data as written. */
export function listNotebookPictures(cells: readonly NotebookCell[], notebookRelPath: string): Map<string, { mime: string; data: string }> {
  const folder = notebookPictureFolder(notebookRelPath);
  const pictures = new Map<string, { mime: string; data: string }>();
  cells.forEach((cell, c) => {
    if (typeof cell !== 'object' || cell === null) return;
    const outputs = Array.isArray(cell.outputs) ? cell.outputs : [];
    outputs.forEach((output: unknown, o) => {
      const picture = pickPicture((output as { data?: unknown } | null)?.data);
      if (picture) pictures.set(folder + outputPictureName(c, o, picture.mime), picture);
    });
    if (typeof cell.attachments === 'object' && cell.attachments !== null) {
      for (const [name, bundle] of Object.entries(cell.attachments)) {
        const picture = pickPicture(bundle);
        const named = attachmentPictureName(c, name);
        if (picture && named) pictures.set(folder + named, picture);
      }
    }
  });
  return pictures;
}
