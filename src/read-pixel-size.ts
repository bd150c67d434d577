import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Loaded on first use: a deck without raster pictures (the default briefing's is an SVG) never pays for it.
let imageSize: typeof import('image-size').imageSize | undefined;

/** A raster picture's size in pixels from its header, or undefined when the header cannot be read (a damaged file). */
export function readPixelSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  imageSize ??= (require('image-size') as typeof import('image-size')).imageSize;
  try {
    const { width, height } = imageSize(bytes);
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}
