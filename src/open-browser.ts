import { spawn } from 'node:child_process';

/** Opens a URL with the platform's usual opener, without waiting for it; says so when there is none or it fails. */
export function openInBrowser(url: string, onFailure: (reason: string) => void): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', (err: NodeJS.ErrnoException) => onFailure(err.code === 'ENOENT' ? `${command} is not installed` : (err.code ?? err.message)));
  child.on('exit', (code) => (code ? onFailure(`${command} exited with ${code}`) : undefined));
  child.unref();
}
