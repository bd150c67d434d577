import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchPrintView } from '../src/bundle/bundle-runtime.js';

const require = createRequire(import.meta.url);
// The ES module build, the one the runtime bundles (esbuild takes the package's "import" entry).
const REVEAL = readFileSync(path.join(path.dirname(require.resolve('reveal.js')), 'reveal.mjs'), 'utf8');
const printView = (source: string) => source.slice(source.indexOf('//#region js/controllers/printview.js'), source.indexOf('//#endregion', source.indexOf('//#region js/controllers/printview.js')));

describe("the patch to reveal's print view", () => {
  it('applies to the reveal.js installed: no wait for a frame is left, and nothing outside the print view changes', () => {
    const patched = patchPrintView(REVEAL);
    expect(printView(REVEAL)).toContain('requestAnimationFrame');
    expect(printView(patched)).not.toContain('requestAnimationFrame');
    expect(patched.replace(printView(patched), '')).toBe(REVEAL.replace(printView(REVEAL), ''));
  });

  it('is all or nothing: when one change does not apply (a later reveal.js), none is made', () => {
    // The height read written another way, as a later release might.
    const later = REVEAL.replace('let p = r.map((e) => e.scrollHeight)', 'let p = r.map((slide) => slide.scrollHeight)');
    expect(later).not.toBe(REVEAL);
    expect(patchPrintView(later)).toBe(later);
    expect(patchPrintView('no print view here')).toBe('no print view here');
  });
});
