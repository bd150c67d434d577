// Browser entry: the only script a deck runs. esbuild bundles it with
// reveal.js and the notes plugin into one inline, hash-allowed <script>.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';

interface ExportMode {
  mode: 'present' | 'print' | 'handout';
  fragments: boolean;
}

// A speaker-view preview is the deck framed by the speaker window with `?receiver` in its URL.
const isReceiver = /receiver/i.test(window.location.search) && window.parent !== window;

/**
 * The only windows the deck takes messages from. reveal's notes plugin and its
 * postMessage API trust any window that sends the right JSON, which lets a page
 * that opened, framed or was opened by the deck read every note or drive it.
 * The main deck listens only to the speaker window it opened itself (same
 * origin, its opener is this window); a preview listens only to its parent,
 * the speaker window, which itself has an opener.
 */
function isTrustedSender(source: MessageEventSource | null): boolean {
  if (source === null || source === window) return false;
  try {
    if (isReceiver) return source === window.parent && window.parent.opener !== null;
    const win = source as Window;
    // Reading .document throws for a cross-origin window; .opener alone is readable across origins.
    return win.opener === window && win.document !== undefined;
  } catch {
    return false;
  }
}
// Registered before reveal and its plugins, in the capture phase, so an untrusted message never reaches them.
window.addEventListener(
  'message',
  (event) => {
    if (!isTrustedSender(event.source)) event.stopImmediatePropagation();
  },
  true,
);
// The page that opened the deck gets no handle back into it.
if (!isReceiver && window.opener) window.opener = null;

const configElement = document.getElementById('briefdeck-config');
const config = JSON.parse(configElement?.textContent ?? '{}') as Record<string, unknown>;
// Set only by briefdeck's own exporter, which loads the deck with setContent and so has no URL query to use.
const exporting = (window as unknown as { briefdeckMode?: ExportMode }).briefdeckMode;

if (exporting?.mode !== 'handout') {
  if (exporting?.mode === 'print') {
    config.view = 'print';
    config.pdfSeparateFragments = exporting.fragments;
  } else if (exporting?.mode === 'present') {
    // Screenshots want the slide alone: no animation, arrows or progress bar.
    Object.assign(config, { transition: 'none', backgroundTransition: 'none', controls: false, progress: false, hash: false });
  }
  // reveal's postMessage API stays off except in a speaker-view preview, which the speaker window drives.
  const deck = new Reveal({ ...config, postMessage: isReceiver, postMessageEvents: isReceiver, plugins: exporting ? [] : [Notes] });
  // The exporter prints only after reveal says the print layout is complete.
  if (exporting) deck.on('pdf-ready', () => ((window as unknown as { briefdeckPdfReady: boolean }).briefdeckPdfReady = true));
  (window as unknown as { Reveal: typeof deck }).Reveal = deck;
  void deck.initialize();
}
