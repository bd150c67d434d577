import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { failure } from './errors.js';

/** A Chromium-family executable and how it was found. */
export interface FoundBrowser {
  path: string;
  source: 'option' | 'env' | 'path' | 'location';
}

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge', 'microsoft-edge', 'microsoft-edge-stable'];

function knownLocations(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge'];
}

/**
 * Distribution launchers: shell scripts that set up a desktop session and then
 * start the browser binary. Debian's runs a shell, grep, findmnt and more
 * first, about 25 ms of every export, for nothing a headless export uses.
 */
const DISTRIBUTION_LAUNCHERS: Record<string, string> = { '/usr/bin/chromium': '/usr/lib/chromium/chromium' };

/** The binary a found launcher script would start, when it is there; otherwise the candidate itself. */
function skipLauncher(candidate: string, launchers: Record<string, string>): string {
  const binary = launchers[candidate];
  if (!binary || !isExecutable(binary)) return candidate;
  try {
    // Only a script is skipped: where the name is the browser itself (or a link to it), it is used as it is.
    const fd = openSync(candidate, 'r');
    const start = Buffer.alloc(2);
    try {
      readSync(fd, start, 0, 2, 0);
    } finally {
      closeSync(fd);
    }
    return start.toString('latin1') === '#!' ? binary : candidate;
  } catch {
    return candidate;
  }
}

/**
 * Finds a Chromium-family browser without ever downloading one: the explicit
 * option, then CHROME_PATH/BROWSER_PATH, then the usual names on PATH, then
 * the usual install locations. Returns null with the list of what was tried.
 */
export function findBrowser(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  launchers: Record<string, string> = DISTRIBUTION_LAUNCHERS,
): FoundBrowser | { path: null; tried: string[] } {
  const tried: string[] = [];
  if (explicit) {
    tried.push(explicit);
    if (isExecutable(explicit)) return { path: path.resolve(explicit), source: 'option' };
    // An explicit choice that fails is never silently replaced by another browser.
    return { path: null, tried };
  }
  for (const key of ['CHROME_PATH', 'BROWSER_PATH']) {
    const value = env[key];
    if (value) {
      tried.push(`$${key}=${value}`);
      if (isExecutable(value)) return { path: value, source: 'env' };
    }
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const exts = platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of NAMES) {
    tried.push(name);
    for (const dir of dirs) {
      for (const ext of exts) {
        const candidate = path.join(dir, name + ext);
        // A browser named by the user (option or environment) is used as named; one found by looking may skip its launcher.
        if (isExecutable(candidate)) return { path: skipLauncher(candidate, launchers), source: 'path' };
      }
    }
  }
  for (const location of knownLocations(platform, env)) {
    tried.push(location);
    if (isExecutable(location)) return { path: skipLauncher(location, launchers), source: 'location' };
  }
  return { path: null, tried };
}

/** Like findBrowser, but a missing browser is a BriefdeckError naming what was tried and how to get one. */
export function requireBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): FoundBrowser {
  const found = findBrowser(explicit, env, platform);
  if (found.path !== null) return found as FoundBrowser;
  const tried = (found as { tried: string[] }).tried;
  throw failure('E_BROWSER_NOT_FOUND', explicit ? `no browser at --browser-path ${explicit}` : `no Chromium-family browser found (tried ${tried.length} places: ${tried.slice(0, 6).join(', ')}, …)`, {
    hint: explicit
      ? 'point --browser-path at a Chrome, Chromium or Edge executable'
      : 'install one (Debian/Ubuntu: apt-get install chromium; macOS: install Google Chrome) or set CHROME_PATH',
  });
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
