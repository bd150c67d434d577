import { readdirSync } from 'node:fs';

/** The names in a folder, for a "did you mean" about a file not found there; none when the folder cannot be read. */
export function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
