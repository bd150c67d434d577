import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { failure } from './errors.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeSource } from './load/decode-source.js';
import { readRegularFile } from './read-regular-file.js';

/** Far above any real template; a bound so a device file cannot be read forever. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** A template's text and where it came from, so errors can point at the file. */
export interface TemplateSource {
  path: string;
  text: string;
}

/** The Handlebars templates a deck is rendered with. */
export interface TemplateSet {
  deck: TemplateSource;
  layouts: Record<string, TemplateSource>;
  /** True when any template comes from the briefing's own `templates/` folder. */
  overridden: boolean;
}

/** The folder of built-in templates, next to `src/` and `lib/` alike. */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

/**
 * Reads the built-in templates, then lets a briefing's own `templates/`
 * folder replace any of them by the same relative path.
 */
export function loadTemplates(briefingRoot?: string, cwd = process.cwd()): TemplateSet {
  const dirs = [BUILTIN_TEMPLATES_DIR];
  const override = briefingRoot ? path.join(briefingRoot, 'templates') : undefined;
  if (override && existsSync(override)) dirs.push(override);
  const set: TemplateSet = { deck: { path: '', text: '' }, layouts: {}, overridden: false };
  for (const dir of dirs) {
    const read = (full: string): TemplateSource => {
      const shown = path.relative(cwd, full) || full;
      // A briefing's template may not be a symlink to a file elsewhere on the machine.
      if (dir === override && briefingRoot && path.relative(realpathSync(briefingRoot), realpathSync(full)).startsWith('..')) {
        throw failure('E_PATH_OUTSIDE', `${shown} resolves outside the briefing folder`, { file: shown, hint: 'copy the template into the briefing folder instead of linking to it' });
      }
      if (dir === override) set.overridden = true;
      const bytes = readRegularFile(full, shown, MAX_TEMPLATE_BYTES, { file: shown }, (size) => failure('E_FILE_TOO_LARGE', `template is ${size} bytes, over the ${MAX_TEMPLATE_BYTES}-byte limit`, { file: shown }));
      return { path: shown, text: decodeSource(bytes, shown) };
    };
    const deck = path.join(dir, 'deck.hbs');
    if (existsSync(deck)) set.deck = read(deck);
    const layoutDir = path.join(dir, 'layouts');
    if (existsSync(layoutDir)) {
      for (const name of readdirSync(layoutDir).sort()) {
        if (name.endsWith('.hbs')) set.layouts[name.slice(0, -4)] = read(path.join(layoutDir, name));
      }
    }
  }
  return set;
}
