import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder. This file sits one level below it both as
 * source (src/) and when bundled (lib/), so modules in deeper folders find
 * the templates and the runtime source through it.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where briefdeck keeps its bundle and code caches: beside the dependencies they are made from, or
 * BRIEFDECK_CACHE_DIR when set (a read-only install, or a test that must not share the cache).
 */
export const CACHE_DIR = process.env.BRIEFDECK_CACHE_DIR || path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'briefdeck');
