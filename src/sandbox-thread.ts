// Starting the parse worker's thread. It is on every build's critical path, so the CLI's CommonJS entry
// (bin/briefdeck.js, through lib/early-sandbox.cjs) starts it before Node's ES module loader and the CLI's own
// modules load, and the sandbox (sandbox-worker.ts) takes that thread up when it first needs one.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const WORKER_FILE = fileURLToPath(new URL('../lib/sandbox-entry.cjs', import.meta.url));

/** Bounds on one job in the worker. */
export interface SandboxLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { timeoutMs: 10_000, maxMemoryMb: 512 };

/** The commands that parse a briefing, whose worker is worth starting first thing. */
export const PARSING_COMMANDS: readonly string[] = ['build', 'pdf', 'shots', 'check', 'pptx'];

/** Where the early thread waits: a global, as the CommonJS entry and the ES modules each have their own copy of this file. */
const EARLY = Symbol.for('briefdeck.earlySandboxThread');
type WithEarly = typeof globalThis & { [EARLY]?: Worker };

/** Starts a worker thread running the sandbox's entry, under the memory limit of `limits`. */
export function startSandboxThread(limits: SandboxLimits): Worker {
  // A young generation a little larger than V8's default for a worker: the parse allocates many short-lived tokens, and each scavenge costs time.
  const worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 48, stackSizeMb: 8 } });
  // A worker that already timed out can still run out of memory while it is being terminated. That late
  // error has no job left to fail; without a listener of its own it would crash the process.
  worker.on('error', () => undefined);
  // An idle worker must not keep a finished CLI process alive.
  worker.unref();
  return worker;
}

/** Starts the thread now, with the default limits, for the sandbox to take up later (takeEarlySandboxThread). */
export function startEarlySandboxThread(): void {
  (globalThis as WithEarly)[EARLY] ??= startSandboxThread(DEFAULT_SANDBOX_LIMITS);
}

/** The thread started early, once, if there is one and it was started under `limits`; else undefined. */
export function takeEarlySandboxThread(limits: SandboxLimits): Worker | undefined {
  const early = (globalThis as WithEarly)[EARLY];
  if (early === undefined || limits.maxMemoryMb !== DEFAULT_SANDBOX_LIMITS.maxMemoryMb) return undefined;
  (globalThis as WithEarly)[EARLY] = undefined;
  return early;
}
