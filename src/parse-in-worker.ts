import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { failure, type Diagnostic } from './errors.js';
import type { Briefing, LoadedBriefing } from './model.js';

const WORKER_FILE = fileURLToPath(new URL('../lib/parse-worker.js', import.meta.url));

/** Bounds on one parse. */
export interface ParseLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { timeoutMs: 10_000, maxMemoryMb: 512 };

/**
 * Runs the parse stage in a worker thread under a time and memory limit.
 * marked can overflow its stack or take seconds on hostile input; a worker
 * can be terminated, a stuck regex on the main thread cannot. The worker is
 * kept between parses so a dev server pays its start-up once.
 */
export class ParseWorker {
  private worker: Worker | undefined;

  constructor(private readonly limits: ParseLimits = DEFAULT_PARSE_LIMITS) {}

  /** Parses in the worker, or fails with E_MARKDOWN naming the limit that was hit. */
  parse(loaded: LoadedBriefing): Promise<{ briefing: Briefing; diagnostics: Diagnostic[] }> {
    const worker = (this.worker ??= this.start());
    const where = { file: loaded.markdownFiles[0]?.path };
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const fail = (message: string, hint: string) => {
        done();
        void this.close();
        reject(failure('E_MARKDOWN', message, { ...where, hint }));
      };
      const onMessage = (result: { briefing: Briefing; diagnostics: Diagnostic[] }) => {
        done();
        resolve(result);
      };
      const onError = (err: Error & { code?: string }) =>
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? fail(`parsing the Markdown needed more than ${this.limits.maxMemoryMb} MB`, 'look for a runaway structure such as thousands of nested lists or quotes')
          : fail(`the Markdown could not be parsed: ${err.message.split('\n')[0]}`, 'look for deeply nested lists or quotes, or long runs of brackets or asterisks');
      const onExit = () => fail('the Markdown parser stopped unexpectedly', 'look for deeply nested lists or quotes');
      const timer = setTimeout(
        () => fail(`parsing the Markdown took longer than ${this.limits.timeoutMs / 1000} s`, 'look for deeply nested lists or quotes, or long runs of brackets or asterisks'),
        this.limits.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(loaded);
    });
  }

  /** Stops the worker; the next parse starts a fresh one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb, stackSizeMb: 8 } });
    // An idle worker must not keep a finished CLI process alive.
    worker.unref();
    return worker;
  }
}
