// Starting Chromium for an export, before playwright-core is loaded. Loading
// playwright-core takes about 0.25 s and starting Chromium about as long
// again; playwright-core's own launch can only begin once it is loaded, so
// the two ran one after the other. Here Chromium is spawned at once, with the
// DevTools protocol on a pipe (never a network port), and playwright-core
// attaches to that pipe when it is ready (connectOverCDP with a transport).
// This module loads nothing heavy, so the CLI can call it first thing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { failure, type BriefdeckError } from './errors.js';

/**
 * Flags for a headless Chromium that stays off the network and out of the way.
 * Request interception does not see WebSockets, beacons or navigations, so
 * the browser itself is cut off as well: every connection, loopback included
 * (`<-loopback>` removes Chromium's implicit bypass), must go through a proxy
 * whose name cannot resolve, and no host name resolves at all.
 */
export const CHROMIUM_FLAGS = [
  `--disable-features=${[
    // playwright-core's own list, repeated because Chromium reads only the last --disable-features it is given.
    'AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding',
    'ThirdPartyStoragePartitioning,AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch',
    // Headless Chromium builds the address bar's pop-ups (web pages of their own, chrome://omnibox-popup) for every
    // window, though no one will see them: a renderer and about 1 CPU-second per export, as much as the deck itself.
    'WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
    // Chromium starts a spare renderer at launch, and again each time a page takes one, for the browser's default
    // profile; every job opens its page in a context of its own, which cannot use it, so each was started for nothing.
    'SpareRendererForSitePerProcess',
  ].join(',')}`,
  `--enable-features=${[
    // playwright-core's own list, repeated for the same reason.
    'CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies',
    // The network service in the browser's own process: an export makes no request, and starting the service as a
    // process of its own took about 7% of a 14-slide PDF's time on 2 cores. The proxy and resolver rules below still
    // govern it wherever it runs.
    'NetworkServiceInProcess2',
  ].join(',')}`,
  // The compositor, too, in the browser's process: with --disable-gpu it only composites in software, and its own
  // process took about 5% more of a short PDF's time. Prints and shots are byte for byte the same.
  '--in-process-gpu',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--proxy-server=http://briefdeck-offline.invalid:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/**
 * The switches playwright-core (1.65) gives a headless Chromium it launches,
 * less those only for Edge, macOS and Windows, so that a browser started here
 * lays out, prints and screenshots exactly as one that playwright-core starts
 * (the test suite's). Its docs warn that a browser launched without them may
 * not work fully with it.
 */
const PLAYWRIGHT_SWITCHES = [
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  // --disable-features and --enable-features: in CHROMIUM_FLAGS, with features of ours added.
  '--allow-pre-commit-input',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--unsafely-disable-devtools-self-xss-warnings',
  '--enable-unsafe-swiftshader',
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
  '--no-startup-window',
];

/** The DevTools protocol over Chromium's pipe, in the shape playwright-core's connectOverCDP takes. */
export interface DevToolsPipe {
  send(message: object): void;
  close(): void;
  onmessage?: (message: object) => void;
  onclose?: (reason?: string) => void;
}

/** A Chromium process started with its DevTools protocol on a pipe, for playwright-core to attach to. */
export interface StartedChromium {
  browserPath: string;
  pipe: DevToolsPipe;
  /** A folder for playwright-core's downloads and traces, removed with the browser's own. */
  artifactsDir: string;
  /** Settles when the process has ended or could not start, with a line saying why. */
  ended: Promise<string>;
  /** Kills the browser and removes its profile and temp folder at once; safe to call again. */
  kill(): void;
}

/** Whether an embedding program (the test suite) shares a browser of its own, so an export need not start one. */
let shared = false;

/** Notes whether a shared browser is set (browser-session's shareBrowser calls this). */
export function noteSharedBrowser(isShared: boolean): void {
  shared = isShared;
}

/** Whether exports run in a browser an embedding program shares, rather than one of their own. */
export function isBrowserShared(): boolean {
  return shared;
}

/** Browsers started and not yet killed: all are killed, and their folders removed, if the process exits first. */
const running = new Set<StartedChromium>();
const killAllOnExit = () => [...running].forEach((started) => started.kill());

/** Signals that end the process, with the exit codes a shell gives them. Listening to one replaces Node's own exit on it. */
const ENDING_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
/** Folders of browsers killed in the last seconds, removed once but perhaps written to again by a process of the browser not yet gone. */
const removedFolders = new Set<string>();

/** Sleeps the thread for `ms`: the process is ending, and nothing else of it may run meanwhile. */
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * On Ctrl-C (or a kill) during an export, the browser and its folder go too, and the process then ends as it would have.
 * A killed browser's processes end in their own time, and one still running can write its folder anew after it was
 * removed (a busy machine showed it): the folders are removed again until they have stayed gone 150 ms, or a second passed.
 */
const killAllOnSignal = (signal: NodeJS.Signals) => {
  killAllOnExit();
  const deadline = Date.now() + 1000;
  let goneSince: number | undefined;
  while (Date.now() < deadline && (goneSince === undefined || Date.now() - goneSince < 150)) {
    for (const folder of removedFolders) {
      try {
        rmSync(folder, { recursive: true, force: true });
      } catch {
        // Tried again at the next turn, until the deadline; then left to the system's temp cleaning.
      }
    }
    const gone = [...removedFolders].every((folder) => !existsSync(folder));
    goneSince = gone ? (goneSince ?? Date.now()) : undefined;
    sleepSync(25);
  }
  process.exit(ENDING_SIGNALS[signal as keyof typeof ENDING_SIGNALS]);
};

/** Watches for the process ending while a browser runs (exit or signal); stops when none runs. */
function watchProcessEnd(on: boolean): void {
  const method = on ? 'on' : 'off';
  process[method]('exit', killAllOnExit);
  for (const signal of Object.keys(ENDING_SIGNALS)) process[method](signal, killAllOnSignal);
}

/**
 * The longest temp folder (58 bytes) Chromium can start in. It makes its
 * single-instance socket at TMPDIR/<product>.XXXXXX/SingletonSocket (Chromium's
 * product name is the longest) and aborts if that path is longer than a Unix
 * socket's path may be: 103 bytes on macOS, 107 on Linux.
 */
const TEMP_PATH_MAX = 103 - '/org.chromium.Chromium.XXXXXX/SingletonSocket'.length;

/** Whether Chromium can keep its socket in `folder` (Windows has no such limit); longer, it aborts at start and leaves the socket's folder behind. */
function holdsSocket(folder: string): boolean {
  return process.platform === 'win32' || Buffer.byteLength(folder) <= TEMP_PATH_MAX;
}

/**
 * The temp folder Chromium is given: one inside the browser's own folder, so
 * that removing that folder removes everything, when the socket's path fits;
 * else one of its own in the system's (`bd` and six characters, the shortest
 * name mkdtemp makes), removed with it; else, when even that is too long, the
 * system's itself, which leaves the most room. There the socket's folder is
 * removed by `removeSocketFolder`, which finds it only once Chromium has
 * linked it from the profile: a browser killed between the two (a Ctrl-C just
 * after it started) left it behind, so that is the last resort.
 */
function makeChromiumTemp(folder: string): string {
  const own = path.join(folder, 'tmp');
  if (holdsSocket(own)) {
    mkdirSync(own);
    return own;
  }
  const beside = path.join(tmpdir(), 'bd');
  return holdsSocket(`${beside}XXXXXX`) ? mkdtempSync(beside) : tmpdir();
}

/** Removes what a killed Chromium kept in its temp folder (`makeChromiumTemp`), when that is not inside the browser's own folder. */
function removeChromiumTemp(temp: string, folder: string, profile: string): void {
  if (temp === tmpdir()) removeSocketFolder(profile, temp);
  else if (temp !== path.join(folder, 'tmp')) rmSync(temp, { recursive: true, force: true, maxRetries: 5 });
}

/**
 * Removes the folder of a killed Chromium's single-instance socket from the
 * system's temp folder. The profile's SingletonSocket link says where it is;
 * only a folder of Chromium's naming, directly in `temp`, is removed.
 */
function removeSocketFolder(profile: string, temp: string): void {
  let socket: string;
  try {
    socket = readlinkSync(path.join(profile, 'SingletonSocket'));
  } catch {
    return;
  }
  const socketFolder = path.dirname(socket);
  if (path.dirname(socketFolder) === temp && /^[\w.-]+\.[A-Za-z0-9]{6}$/.test(path.basename(socketFolder))) {
    rmSync(socketFolder, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** The one error for a browser that would not start: its path, why, and what to do. */
export function failToStart(browserPath: string, why: string, hint: string): BriefdeckError {
  return failure('E_BROWSER', `could not start the browser at ${browserPath}: ${why}`, { hint });
}

/** Where Linux keeps a folder in memory (tmpfs) that anyone may make folders in. */
const MEMORY_TEMP = '/dev/shm';

/**
 * The folder a browser's profile goes in. Chromium makes a dozen SQLite
 * databases in its profile as it starts, each synced to disk; in memory an
 * export took about 90 ms less (of 1.5 s for a 14-slide PDF). So on Linux it
 * goes in /dev/shm, unless TMPDIR names a folder: then that one, as the user
 * asked. Elsewhere, or when /dev/shm takes no folder, the system's temp folder.
 */
export function chooseBrowserFolderBase(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'linux' && !env.TMPDIR) {
    try {
      accessSync(MEMORY_TEMP, constants.W_OK | constants.X_OK);
      return MEMORY_TEMP;
    } catch {
      // No such folder, or not ours to write in.
    }
  }
  return tmpdir();
}

/** Makes the browser's own folder, in memory when it can (chooseBrowserFolderBase), else in the system's temp folder. */
function makeBrowserFolder(): string {
  const base = chooseBrowserFolderBase();
  try {
    return mkdtempSync(path.join(base, 'briefdeck-chromium-'));
  } catch (err) {
    // A full /dev/shm is no reason to fail: the system's temp folder serves as before.
    if (base === tmpdir()) throw err;
    return mkdtempSync(path.join(tmpdir(), 'briefdeck-chromium-'));
  }
}

/**
 * Spawns headless Chromium with the DevTools protocol on a pipe, a profile and
 * a temp folder of its own (it keeps its single-instance socket there, which a
 * killed Chromium cannot remove). A browser is killed, not shut down, when its
 * job ends or the process exits, and its folder removed with it.
 */
export function startChromium(browserPath: string): StartedChromium {
  if (!holdsSocket(tmpdir())) {
    throw failToStart(browserPath, `the path of its temp folder ${tmpdir()} is too long for the browser's socket (${Buffer.byteLength(tmpdir())} bytes, at most ${TEMP_PATH_MAX})`, 'set TMPDIR to a folder with a shorter path, such as /tmp');
  }
  // The process listens for Ctrl-C before the browser exists: a signal with no listener ends Node at once, which would leave
  // a browser spawned a moment before, and its folder, behind. (Its handler runs after this function, when the browser is registered.)
  if (running.size === 0) watchProcessEnd(true);
  // A launch that fails before its browser is registered leaves neither its folder nor a listener behind.
  const giveUp = (err: unknown, folder?: string): never => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    if (running.size === 0) watchProcessEnd(false);
    throw err;
  };
  let folder: string;
  try {
    folder = makeBrowserFolder();
  } catch (err) {
    return giveUp(failToStart(browserPath, `cannot make its temp folder in ${tmpdir()} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'set TMPDIR to a folder you can write to'));
  }
  const profile = path.join(folder, 'profile');
  const artifactsDir = path.join(folder, 'artifacts');
  let temp: string | undefined;
  let child: ChildProcess;
  try {
    temp = makeChromiumTemp(folder);
    mkdirSync(artifactsDir);
    child = spawn(browserPath, [...PLAYWRIGHT_SWITCHES, ...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe'], {
      // Its own process group, so that the browser's helper processes go with it.
      detached: process.platform !== 'win32',
      env: { ...process.env, TMPDIR: temp },
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
  } catch (err) {
    if (temp !== undefined) removeChromiumTemp(temp, folder, profile);
    return giveUp(err, folder);
  }
  const chromiumTemp = temp;
  // Chromium writes to stderr freely; it is drained so it never blocks, and its start kept to explain a failed start.
  let said = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    if (said.length < 4096) said += chunk.toString('utf8');
  });
  const ended = new Promise<string>((resolve) => {
    child.once('error', (err) => resolve(err.message));
    child.once('exit', (code, signal) => {
      const line = said.split('\n').find((l) => l.trim() !== '' && !/dbus|unexpected operator/.test(l));
      resolve(`it exited ${signal ? `on ${signal}` : `with code ${code}`} before it could be used${line ? ` (${line.trim().slice(0, 200)})` : ''}`);
    });
  });
  let killed = false;
  const started: StartedChromium = {
    browserPath,
    artifactsDir,
    pipe: createPipe(child.stdio[3] as Writable, child.stdio[4] as Readable),
    ended,
    kill() {
      if (killed) return;
      killed = true;
      running.delete(started);
      if (running.size === 0) watchProcessEnd(false);
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true });
          else process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      // Kept to be removed again should the process be stopped in the next seconds; forgotten after, so the set stays small.
      removedFolders.add(folder);
      setTimeout(() => removedFolders.delete(folder), 5000).unref();
      try {
        removeChromiumTemp(chromiumTemp, folder, profile);
        rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
      } catch {
        // A folder that will not go is left to the system's temp cleaning; it must not turn an export's end into a crash.
      }
    },
  };
  running.add(started);
  return started;
}

/** The protocol's framing on the pipe: each message is JSON ended by a NUL byte, both ways. */
function createPipe(write: Writable, read: Readable): DevToolsPipe {
  let pending: Buffer[] = [];
  let closed = false;
  const pipe: DevToolsPipe = {
    send(message) {
      if (closed) return;
      write.write(JSON.stringify(message));
      write.write('\0');
    },
    close() {
      write.end();
    },
  };
  // Each message goes to its reader in a task of its own, in order, as playwright-core's own pipe does it.
  const deliver = (text: string) => setImmediate(() => pipe.onmessage?.(JSON.parse(text) as object));
  read.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      pending.push(chunk.subarray(start, end));
      deliver(Buffer.concat(pending).toString('utf8'));
      pending = [];
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  read.on('close', () => {
    closed = true;
    // After the messages already read, like them.
    setImmediate(() => pipe.onclose?.());
  });
  read.on('error', () => undefined);
  write.on('error', () => undefined);
  return pipe;
}
