import type { Worker } from 'node:worker_threads';
import { failure, type Diagnostic, type ErrorCode } from './errors.js';
import { HTML_DECK, NOTEBOOK, type Briefing, type ChartRef, type LoadedAsset, type LoadedBriefing, type RenderedDeck } from './model.js';
import type { TemplateSet } from './load-templates.js';
import type { RenderOptions } from './render-deck.js';
import { DEFAULT_SANDBOX_LIMITS, startSandboxThread, takeEarlySandboxThread, type SandboxLimits } from './sandbox-thread.js';

/** What the main thread asks the worker to do; `sandbox-entry.ts` answers each. */
export type SandboxJob =
  | { job: 'parse'; loaded: LoadedBriefing; renderAhead?: { templates: TemplateSet; options: RenderOptions } }
  | { job: 'render'; briefing: Briefing; templates: TemplateSet; assets: [number, LoadedAsset][]; options: RenderOptions }
  | { job: 'check-chart-data'; charts: ChartRef[]; dataTexts: [number, string][] };

/** The worker's answer to a parse job. */
export interface ParseReply {
  briefing: Briefing;
  diagnostics: Diagnostic[];
}

/** The worker's answer to a render job: the deck, or the diagnostics that stopped it, and the charts it drew for the cache. */
export interface RenderReply {
  rendered?: RenderedDeck;
  diagnostics: Diagnostic[];
  drawnCharts?: [number, string][];
}

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
  parse(loaded: LoadedBriefing): Promise<ParseReply> {
    return this.run<[ParseReply]>({ job: 'parse', loaded }, [parseWords(loaded)])[0];
  }

  /**
   * Parses a briefing and, in the same job, renders it at once when it needs nothing more from the main thread (no
   * pictures, charts or theme file to read: renders-ahead.ts). The deck is then ready without a second trip of the
   * briefing to the worker and back, and the main thread does its own work on the model while the worker renders.
   * `rendered` is null when the briefing needs that work first; then `render` renders it as before.
   */
  parseAndRender(loaded: LoadedBriefing, templates: TemplateSet, options: RenderOptions): { parsed: Promise<ParseReply>; rendered: Promise<RenderReply | null> } {
    const [parsed, rendered] = this.run<[ParseReply, RenderReply | null]>({ job: 'parse', loaded, renderAhead: { templates, options } }, [parseWords(loaded), renderWords(templates)]);
    // A caller that stops at the parse (its errors) never asks for the render; its failure is then nobody's to report.
    rendered.catch(() => undefined);
    return { parsed, rendered };
  }

  /** Renders the deck through the templates in the worker (with the charts it drew, for the cache), or fails with E_TEMPLATE naming the limit that was hit. */
  render(briefing: Briefing, templates: TemplateSet, assets: ReadonlyMap<number, LoadedAsset>, options: RenderOptions): Promise<RenderReply> {
    return this.run<[RenderReply]>({ job: 'render', briefing, templates, assets: [...assets], options }, [renderWords(templates)])[0];
  }

  /** Checks the data the charts read from their files, as drawing them would, without drawing them: the problems found (E_CHART), for a build stopped before its render. */
  checkChartData(charts: ChartRef[], dataTexts: ReadonlyMap<number, string>): Promise<Diagnostic[]> {
    return this.run<[Diagnostic[]]>({ job: 'check-chart-data', charts, dataTexts: [...dataTexts] }, [{ code: 'E_CHART', doing: 'checking the chart data', hint: 'look for a data file of very many rows or fields' }])[0];
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

  /**
   * Jobs run one at a time: the worker answers in order, and a reply must reach the job that asked. A job answers
   * once for each of its stages (a parse, then the render it went on to), each stage under the time limit afresh.
   */
  private run<T extends unknown[]>(message: SandboxJob, stages: JobWords[]): { [K in keyof T]: Promise<T[K]> } {
    const replies = stages.map(() => deferred());
    // A job that could not even start (no worker) fails each of its replies, and the queue moves on.
    this.queue = this.queue.then(() => this.runNow(message, stages, replies)).catch((err: unknown) => replies.forEach((reply) => reply.reject(err)));
    return replies.map((r) => r.promise) as { [K in keyof T]: Promise<T[K]> };
  }

  private queue: Promise<unknown> = Promise.resolve();

  private runNow(message: SandboxJob, stages: JobWords[], replies: Deferred[]): Promise<unknown> {
    const worker = (this.worker ??= this.start());
    let stage = 0;
    const limit = () => setTimeout(() => fail(`${stages[stage]!.doing} took longer than ${this.limits.timeoutMs / 1000} s`), this.limits.timeoutMs);
    let timer = limit();
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const fail = (text: string) => {
      done();
      void this.close();
      const words = stages[stage]!;
      const err = failure(words.code, text, { file: words.file, hint: words.hint });
      // The stages still to come fail with the one that did: their reply will never come.
      for (const reply of replies.slice(stage)) reply.reject(err);
    };
    const onMessage = (result: unknown) => {
      clearTimeout(timer);
      replies[stage]!.resolve(result);
      stage += 1;
      if (stage === stages.length) done();
      else timer = limit();
    };
    const onError = (err: Error & { code?: string }) =>
      fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `${stages[stage]!.doing} needed more than ${this.limits.maxMemoryMb} MB` : `${stages[stage]!.doing} failed: ${err.message.split('\n')[0]}`);
    const onExit = () => fail(`${stages[stage]!.doing} stopped unexpectedly`);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
    return replies.at(-1)!.promise;
  }

  private start(): Worker {
    // The thread the CLI's entry started before its modules loaded, when there is one; a later worker (after a limit
    // was hit, or in the dev server after the first) starts now.
    return takeEarlySandboxThread(this.limits) ?? startSandboxThread(this.limits);
  }
}

/** A reply still to come, and the means to settle it (Node 20 has no Promise.withResolvers). */
interface Deferred {
  promise: Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: Deferred['resolve'];
  let reject!: Deferred['reject'];
  const promise = new Promise<unknown>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** How a parse job names its failures: reading the Markdown, a page or a notebook. */
function parseWords(loaded: LoadedBriefing): JobWords {
  // A reveal.js page or a notebook is read as Markdown too, but its author wrote HTML or cells.
  const file = loaded.markdownFiles[0]?.path ?? '';
  const read = !loaded.singleFile ? 'the Markdown' : HTML_DECK.test(file) ? 'the page' : NOTEBOOK.test(file) ? 'the notebook' : 'the Markdown';
  // A Quarto theme file is compiled by Sass in the parse: a loop in it runs on there.
  const sass = loaded.metadataFiles?.some((f) => /\.scss$/i.test(f.relPath)) ? ', or a loop without end in a theme file (.scss)' : '';
  return {
    code: 'E_MARKDOWN',
    file: loaded.markdownFiles[0]?.path,
    doing: `parsing ${read}`,
    hint: read === 'the Markdown' ? `look for deeply nested lists or quotes, or long runs of brackets or asterisks${sass}` : `look for what is nested deeply or repeated without end in it${sass}`,
  };
}

/** How a render job names its failures. */
function renderWords(templates: TemplateSet): JobWords {
  return { code: 'E_TEMPLATE', file: templates.deck.path, doing: 'rendering the templates', hint: 'look for partials that include each other, which multiply the output with every level' };
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
