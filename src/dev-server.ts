import { watch, type FSWatcher, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { buildDeck } from './build-deck.js';
import { DEV_CLIENT_SCRIPT, DEV_EVENTS_PATH } from './bundle/bundle-deck.js';
import { contentSecurityPolicy, sha256 } from './bundle/csp.js';
import { BriefdeckError, compareDiagnostics, failure, formatDiagnosticReport, type Diagnostic } from './errors.js';
import { BUILTIN_TEMPLATES_DIR } from './load-templates.js';
import { escapeHtml } from './html-text.js';
import { SandboxWorker } from './sandbox-worker.js';
import { describeMissingInput } from './load/load-briefing.js';

/** A running dev server. */
export interface DevServer {
  url: string;
  port: number;
  /** Resolves after the next rebuild finishes; tests and the benchmark wait on it. */
  nextBuild(): Promise<BuildOutcome>;
  close(): Promise<void>;
}

/** What one rebuild produced. */
export interface BuildOutcome {
  ok: boolean;
  ms: number;
  version: number;
}

/** Options of the dev server. */
export interface DevOptions {
  port: number;
  cwd: string;
  log: (line: string) => void;
}

/**
 * Serves a briefing on loopback, rebuilds it on every change to the briefing
 * or the templates, and tells open pages to reload. A build error becomes an
 * overlay page; the server keeps running and recovers on the next good save.
 */
export async function startDevServer(input: string, options: DevOptions): Promise<DevServer> {
  const absolute = path.resolve(options.cwd, input);
  let isDir: boolean;
  try {
    isDir = statSync(absolute).isDirectory();
  } catch {
    throw describeMissingInput(input, options.cwd);
  }
  const sandbox = new SandboxWorker();
  let port = options.port;
  const clients = new Set<ServerResponse>();
  let page = '';
  let version = 0;
  let waiting: ((outcome: BuildOutcome) => void)[] = [];
  let building: Promise<void> = Promise.resolve();

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    let ok = true;
    try {
      const built = await buildDeck(input, { cwd: options.cwd, sandbox, devClient: true, progress: (line) => options.log(`dev: ${line}`) });
      page = built.deck.html;
      for (const line of formatDiagnosticReport(built.warnings)) options.log(line);
    } catch (err) {
      ok = false;
      // Whatever a rebuild throws, the server keeps serving: our own bug is shown like a build error, not a crash.
      // The warnings found before the stop come too, in reading order: one may be the cause (a file that could not be read).
      const diagnostics: Diagnostic[] =
        err instanceof BriefdeckError
          ? [...err.warnings, ...err.diagnostics].sort(compareDiagnostics)
          : [{ code: 'E_INTERNAL', severity: 'error', message: `internal error: ${(err as Error)?.message ?? String(err)}`, hint: 'this is a bug in briefdeck; the server keeps running, so fix or undo the last change and save' }];
      page = renderErrorPage(diagnostics);
      for (const line of formatDiagnosticReport(diagnostics)) options.log(line);
    }
    version += 1;
    const ms = Math.round(performance.now() - started);
    options.log(ok ? `dev: rebuilt in ${ms} ms` : `dev: build failed in ${ms} ms; the page shows the errors`);
    for (const client of clients) client.write(`event: reload\ndata: ${version}\n\n`);
    const outcome = { ok, ms, version };
    const resolved = waiting;
    waiting = [];
    for (const resolve of resolved) resolve(outcome);
  };
  // Saves arrive in bursts (editors write, rename, touch); one rebuild serves the burst.
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      building = building.then(rebuild, rebuild);
    }, 20);
  };

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    void firstBuild.then(() => handle(req, res)).catch(() => {
      // A request that fails is that request's problem; the server stays up for the others.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // Refuse other hosts, so a web page cannot reach the server through DNS rebinding.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && host !== 'localhost') {
      res.writeHead(403).end('forbidden');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain', allow: 'GET, HEAD' }).end('method not allowed');
      return;
    }
    if (url.pathname === DEV_EVENTS_PATH) {
      // EventSource sends Origin only across origins; any Origin other than this server's is another site listening in.
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`event: hello\ndata: ${version}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? failure('E_PORT_IN_USE', `port ${options.port} is already in use`, { hint: `stop the other server, or choose another port: --port ${options.port + 1}` })
          : failure('E_USAGE', `cannot listen on 127.0.0.1:${options.port}: ${err.code ?? err.message}`, { hint: 'choose another port with --port' }),
      );
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  }).catch(async (err: unknown) => {
    await sandbox.close();
    throw err;
  });
  port = (server.address() as { port: number }).port;
  // Listening comes first so a taken port fails at once, before any build work.
  const firstBuild = rebuild();
  await firstBuild;

  const watchers: FSWatcher[] = [];
  const ignore = (name: string | null) => !name || path.basename(name).startsWith('.') || name.endsWith('~');
  const watchDir = (dir: string) => watchers.push(watch(dir, { recursive: true }, (_event, name) => (ignore(name) ? undefined : schedule())));
  watchDir(isDir ? absolute : path.dirname(absolute));
  watchDir(BUILTIN_TEMPLATES_DIR);

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const client of clients) client.end();
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections?.();
      await building.catch(() => undefined);
      await sandbox.close();
    },
  };
}

/** Sent with every response: no other page may frame the deck (the speaker view previews it through srcdoc, not by URL), sniff it or embed it. */
const SECURITY_HEADERS = {
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
} as const;

/** The page shown while the briefing does not build: every error with its file:line, over a plain background. */
function renderErrorPage(diagnostics: Diagnostic[]): string {
  const items = diagnostics
    .map((d) => `<li><code>${escapeHtml(d.file ? `${d.file}${d.line ? `:${d.line}` : ''}` : 'briefing')}</code> ${d.severity === 'warning' ? 'warning: ' : ''}${escapeHtml(d.message)}${d.hint ? `<br><span class="hint">${escapeHtml(d.hint)}</span>` : ''}</li>`)
    .join('\n');
  const csp = contentSecurityPolicy([sha256(DEV_CLIENT_SCRIPT)], true);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Build error: briefdeck</title>
<style>body{margin:0;font:18px/1.5 system-ui,sans-serif;background:#1b2430;color:#fff}.overlay{max-width:60em;margin:4em auto;padding:2em;background:#3a0d0d;border-left:8px solid #e53e3e}h1{margin-top:0;font-size:1.4em}code{background:#0003;padding:0 .3em}.hint{color:#fbd38d}li{margin:0 0 1em}</style>
</head>
<body>
<div class="overlay" id="briefdeck-error-overlay">
<h1>The briefing does not build</h1>
<ul>
${items}
</ul>
<p>Fix the file and save: this page reloads by itself.</p>
</div>
<script>${DEV_CLIENT_SCRIPT}</script>
</body>
</html>`;
}
