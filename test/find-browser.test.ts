import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefdeckError } from '../src/errors.js';
import { findBrowser, requireBrowser } from '../src/find-browser.js';
import { tempDir } from './helpers.js';

function fakeBrowser(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

describe('findBrowser', () => {
  it('prefers --browser-path, then CHROME_PATH, then BROWSER_PATH, then names on PATH', () => {
    const dir = tempDir();
    const option = fakeBrowser(dir, 'option-chrome');
    const chromePath = fakeBrowser(dir, 'env-chrome');
    const browserPath = fakeBrowser(dir, 'env-browser');
    const onPath = fakeBrowser(path.join(dir, 'bin'), 'chromium');
    const env = { CHROME_PATH: chromePath, BROWSER_PATH: browserPath, PATH: path.join(dir, 'bin') };
    expect(findBrowser(option, env, 'linux')).toEqual({ path: option, source: 'option' });
    expect(findBrowser(undefined, env, 'linux')).toEqual({ path: chromePath, source: 'env' });
    expect(findBrowser(undefined, { ...env, CHROME_PATH: undefined }, 'linux')).toEqual({ path: browserPath, source: 'env' });
    expect(findBrowser(undefined, { PATH: path.join(dir, 'bin') }, 'linux')).toEqual({ path: onPath, source: 'path' });
  });

  it("starts a found distribution launcher's browser binary directly, but never one the user named, nor a launcher that is the binary itself", () => {
    const dir = tempDir();
    const launcher = fakeBrowser(path.join(dir, 'bin'), 'chromium');
    const binary = fakeBrowser(path.join(dir, 'lib'), 'chromium-binary');
    writeFileSync(binary, '\x7fELF');
    const launchers = { [launcher]: binary };
    expect(findBrowser(undefined, { PATH: path.join(dir, 'bin') }, 'linux', launchers)).toEqual({ path: binary, source: 'path' });
    // Named by the user, in the option or the environment: used exactly as named.
    expect(findBrowser(launcher, {}, 'linux', launchers)).toEqual({ path: launcher, source: 'option' });
    expect(findBrowser(undefined, { CHROME_PATH: launcher }, 'linux', launchers)).toEqual({ path: launcher, source: 'env' });
    // Not a script (the binary, or a link to it), or no binary where the launcher's would be: the found path as it is.
    writeFileSync(launcher, '\x7fELF');
    expect(findBrowser(undefined, { PATH: path.join(dir, 'bin') }, 'linux', launchers)).toEqual({ path: launcher, source: 'path' });
    writeFileSync(launcher, '#!/bin/sh\n');
    expect(findBrowser(undefined, { PATH: path.join(dir, 'bin') }, 'linux', { [launcher]: path.join(dir, 'nowhere') })).toEqual({ path: launcher, source: 'path' });
  });

  it('never swaps an explicit --browser-path that does not exist for another browser', () => {
    expect(findBrowser('/nonexistent/chrome', { PATH: '/usr/bin' }, 'linux')).toEqual({ path: null, tried: ['/nonexistent/chrome'] });
  });

  it('returns null with the list of what it tried when nothing is installed', () => {
    const found = findBrowser(undefined, { PATH: tempDir() }, 'darwin');
    expect(found.path).toBeNull();
    const tried = (found as { tried: string[] }).tried;
    expect(tried).toContain('chromium');
    expect(tried).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('requireBrowser turns a missing browser into one error with an install hint', () => {
    // macOS locations never exist on this Linux machine, so nothing can be found.
    expect(() => requireBrowser(undefined, { PATH: tempDir() }, 'darwin')).toThrow(BriefdeckError);
    try {
      requireBrowser(undefined, { PATH: tempDir() }, 'darwin');
    } catch (error) {
      expect((error as BriefdeckError).code).toBe('E_BROWSER_NOT_FOUND');
      expect((error as BriefdeckError).message).toContain('tried');
      expect((error as BriefdeckError).hint).toContain('apt-get install chromium');
    }
  });
});
