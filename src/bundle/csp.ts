import { createHash } from 'node:crypto';

/** The CSP for a deck whose inline scripts have the given hashes; dev pages may also talk to their own server. */
export function contentSecurityPolicy(scriptHashes: string[], dev = false): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`,
    // reveal sets layout through style attributes and <style> elements at run time; styles cannot fetch anything
    // because img-src and font-src allow only data: URIs.
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    'media-src data:',
    // Nothing is framed by URL: the speaker view previews the deck through srcdoc, which frame-src does not govern.
    // 'self' would admit every file: URL for a deck opened from disk.
    "frame-src 'none'",
    "child-src 'none'",
    dev ? "connect-src 'self'" : "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}


/** The base64 SHA-256 of a script, as a CSP hash source wants it. */
export function sha256(text: string): string {
  // The runtime's 150 KB are the same text at every dev-server rebuild: hashed once (a string compared to itself costs nothing).
  if (text === lastHashed.text) return lastHashed.hash;
  const hash = createHash('sha256').update(text, 'utf8').digest('base64');
  if (text.length > 4096) lastHashed = { text, hash };
  return hash;
}

/** The last long text hashed, and its hash. */
let lastHashed = { text: '', hash: '' };

