import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { failure, type Diagnostic, type ErrorCode } from './errors.js';
import { HTML_DECK, NOTEBOOK, type Briefing, type LoadedAsset, type LoadedBriefing, type RenderedDeck } from './model.js';
import type { TemplateSet } from './load-templates.js';
import type { RenderOptions } from './render-deck.js';

const WORKER_FILE = fileURLToPath(new URL('../lib/sandbox-entry.cjs', import.meta.url));

/** Bounds on one job in the worker. */
export interface SandboxLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { timeoutMs: 10_000, maxMemoryMb: 512 };

/** What the main thread asks the worker to do; `sandbox-entry.ts` answers each. */
export type SandboxJob =
  | { job: 'parse'; loaded: LoadedBriefing }
  | { job: 'render'; briefing: Briefing; templates: TemplateSet; assets: [number, LoadedAsset][]; options: RenderOptions };

/** How one kind of job names its failures. */
interface JobWords {
  code: ErrorCode;
  file?: string;
  /** "parsing the Markdown", "rendering the templates". */
  doing: string;
  hint: string;
}

/**
 * Runs the pure middle stages that read author input (Markdown through marked,
 * templates through Handlebars) in a worker thread under a time and memory
 * limit. Hostile input can overflow marked's stack or expand partials without
 * end; a worker can be terminated, a stuck main thread cannot. The worker is
 * kept between jobs so a dev server pays its start-up once.
 */
export class SandboxWorker {
  private worker: Worker | undefined;

  constructor(private readonly limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS) {}

  /** Parses a briefing in the worker, or fails with E_MARKDOWN naming the limit that was hit. */
  parse(loaded: LoadedBriefing): Promise<{ briefing: Briefing; diagnostics: Diagnostic[] }> {
    // A reveal.js page or a notebook is read as Markdown too, but its author wrote HTML or cells.
    const file = loaded.markdownFiles[0]?.path ?? '';
    const read = !loaded.singleFile ? 'the Markdown' : HTML_DECK.test(file) ? 'the page' : NOTEBOOK.test(file) ? 'the notebook' : 'the Markdown';
    return this.run({ job: 'parse', loaded }, {
      code: 'E_MARKDOWN',
      file: loaded.markdownFiles[0]?.path,
      doing: `parsing ${read}`,
      hint: read === 'the Markdown' ? 'look for deeply nested lists or quotes, or long runs of brackets or asterisks' : 'look for what is nested deeply or repeated without end in it',
    });
  }

  /** Renders the deck through the templates in the worker (with the charts it drew, for the cache), or fails with E_TEMPLATE naming the limit that was hit. */
  render(briefing: Briefing, templates: TemplateSet, assets: ReadonlyMap<number, LoadedAsset>, options: RenderOptions): Promise<{ rendered?: RenderedDeck; diagnostics: Diagnostic[]; drawnCharts?: [number, string][] }> {
    return this.run({ job: 'render', briefing, templates, assets: [...assets], options }, {
      code: 'E_TEMPLATE',
      file: templates.deck.path,
      doing: 'rendering the templates',
      hint: 'look for partials that include each other, which multiply the output with every level',
    });
  }

  /** Starts the worker now, before any job, so its start-up overlaps the caller's own loading and reading. */
  warm(): this {
    this.worker ??= this.start();
    return this;
  }

  /** Stops the worker; the next job starts a fresh one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  /** Jobs run one at a time: the worker answers in order, and a reply must reach the job that asked. */
  private run<T>(message: SandboxJob, words: JobWords): Promise<T> {
    const next = this.queue.then(() => this.runNow<T>(message, words));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private queue: Promise<unknown> = Promise.resolve();

  private runNow<T>(message: SandboxJob, words: JobWords): Promise<T> {
    const worker = (this.worker ??= this.start());
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const fail = (text: string) => {
        done();
        void this.close();
        reject(failure(words.code, text, { file: words.file, hint: words.hint }));
      };
      const onMessage = (result: T) => {
        done();
        resolve(result);
      };
      const onError = (err: Error & { code?: string }) =>
        fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `${words.doing} needed more than ${this.limits.maxMemoryMb} MB` : `${words.doing} failed: ${err.message.split('\n')[0]}`);
      const onExit = () => fail(`${words.doing} stopped unexpectedly`);
      const timer = setTimeout(() => fail(`${words.doing} took longer than ${this.limits.timeoutMs / 1000} s`), this.limits.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(message);
    });
  }

  private start(): Worker {
    // A young generation a little larger than V8's default for a worker: the parse allocates many short-lived tokens, and each scavenge costs time.
    const worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb, maxYoungGenerationSizeMb: 48, stackSizeMb: 8 } });
    // A worker that already timed out can still run out of memory while it is being terminated. That late
    // error has no job left to fail; without a listener of its own it would crash the process.
    worker.on('error', () => undefined);
    // An idle worker must not keep a finished CLI process alive.
    worker.unref();
    return worker;
  }
}

let sharedSandbox: SandboxWorker | undefined;

/**
 * One sandbox worker per process, kept warm between builds: a process that
 * builds many decks (the test suite, the benchmark) pays the worker's start-up
 * once, and the CLI starts it before it loads anything else. It never keeps a
 * finished process alive, and a job that hits a limit terminates it, so the
 * next build starts a fresh one.
 */
export function processSandbox(): SandboxWorker {
  return (sharedSandbox ??= new SandboxWorker());
}
