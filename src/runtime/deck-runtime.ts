// Browser entry: the only script a deck runs. esbuild bundles it with
// reveal.js and the notes plugin into one inline, hash-allowed <script>.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import { setCodeLineStarts, showCodeSteps } from './code-steps.js';

interface ExportMode {
  mode: 'present' | 'print' | 'handout';
  fragments: boolean;
  /** The PDF exporter prints the pages in parts, showing one part at a time (print-pdf.ts). */
  printInParts?: boolean;
}

/**
 * A speaker-view preview is the deck's source loaded by the speaker window
 * into a srcdoc frame marked `data-briefdeck-receiver` ("current" or
 * "upcoming"). Reading frameElement throws in a cross-origin frame.
 */
const receiverRole = (() => {
  try {
    return window.parent !== window ? (window.frameElement?.getAttribute('data-briefdeck-receiver') ?? null) : null;
  } catch {
    return null;
  }
})();
const isReceiver = receiverRole !== null;

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

// Set only by briefdeck's own exporter, which loads the deck with setContent and so has no URL query to use.
const exporting = (window as unknown as { briefdeckMode?: ExportMode }).briefdeckMode;

// The speaker view's previews are built from the deck's source, taken before reveal changes the page. An export has no speaker view.
if (!isReceiver && !exporting) (window as unknown as { briefdeckSource: string }).briefdeckSource = `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;

/** Takes the slides' own transitions off (Quarto's `transition=`, reveal's `data-transition`): reveal reads a slide's before the deck's, so a deck set to change in place would still move there. */
function stillSlideTransitions(): void {
  for (const slide of document.querySelectorAll('.reveal .slides section')) {
    for (const name of ['data-transition', 'data-transition-speed', 'data-background-transition']) slide.removeAttribute(name);
  }
}

const configElement = document.getElementById('briefdeck-config');
const config = JSON.parse(configElement?.textContent ?? '{}') as Record<string, unknown>;

if (exporting?.mode !== 'handout') {
  if (exporting?.mode === 'print') {
    // reveal adds these classes when it starts its print layout. The exporter's page is print media from the start, so
    // until then reveal's stylesheet for printing on paper applies, and Chromium laid the whole deck out once under it
    // (a third of a second for 500 slides) only to lay it out again; with the classes set first, that layout is skipped.
    document.documentElement.classList.add('reveal-print', 'print-pdf');
    config.view = 'print';
    config.pdfSeparateFragments = exporting.fragments;
    // Each slide carries its place in reading order, and so do the copies reveal makes of it for fragment steps, so
    // the exporter names the right slide when one of many pages overflows (browser-session.ts's measureOverflowOf).
    document.querySelectorAll('.reveal .slides section:not(.stack)').forEach((slide, i) => slide.setAttribute('data-briefdeck-slide', String(i)));
    if (exporting.printInParts) {
      // Every page starts out of layout, and the exporter shows one part at a time (the class is print-pdf.ts's), so
      // the whole deck is never styled and laid out at once only to be laid out again part by part as it prints.
      // A constructed sheet, not a <style>: it is the exporter's, and touches nothing of the deck's own markup.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.reveal .slides > .pdf-page:not(.briefdeck-shown) { display: none !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
  } else if (isReceiver) {
    // What reveal's speaker view used to ask for in the preview URL: a still, chrome-free copy that follows the speaker window.
    Object.assign(config, { controls: receiverRole === 'current', progress: false, history: false, hash: false, transition: 'none', backgroundTransition: 'none', autoAnimate: false, autoSlide: 0, scrollActivationWidth: false });
    stillSlideTransitions();
  } else if (exporting?.mode === 'present') {
    // Screenshots want the slide alone: no animation, arrows or progress bar.
    Object.assign(config, { transition: 'none', backgroundTransition: 'none', autoAnimate: false, controls: false, progress: false, hash: false });
    stillSlideTransitions();
  } else if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
    // A reader whose system asks for less motion gets slides that change in place (WCAG 2.3.3), auto-animated ones too; layout.css stills the rest.
    Object.assign(config, { transition: 'none', backgroundTransition: 'none', autoAnimate: false });
    stillSlideTransitions();
  }
  // reveal's postMessage API stays off except in a speaker-view preview, which the speaker window drives.
  // The current-slide preview reports the presenter's moves to the speaker window, which passes them on to the deck.
  const deck = new Reveal({ ...config, postMessage: isReceiver, postMessageEvents: receiverRole === 'current', plugins: exporting || isReceiver ? [] : [Notes] });
  // Stepped code highlights follow the fragments; on pdf-ready before the exporter's own listener, so its pages show them.
  if (document.querySelector('pre > code.code-steps')) {
    for (const event of ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden', 'pdf-ready']) deck.on(event, () => showCodeSteps(document));
  }
  setCodeLineStarts(document);
  if (!isReceiver && !exporting) {
    // reveal's postMessage API stays off, so the one call the speaker view makes of it, following the presenter's
    // moves in the speaker window, is answered here; only the trusted speaker window gets this far.
    window.addEventListener('message', (event) => {
      const data = readCall(event.data);
      if (data?.method === 'setState' && Array.isArray(data.args) && typeof data.args[0] === 'object' && data.args[0] !== null) {
        deck.setState(data.args[0] as Parameters<typeof deck.setState>[0]);
      }
    });
  }
  if (receiverRole === 'upcoming') {
    // The speaker window sends the presenter's place to both previews once the current-slide one is ready. An upcoming
    // preview that is slower to start (a busy machine, a long deck) missed that message and showed the first slide until
    // the presenter moved. Once ready, it takes the place from the deck itself, which opened the speaker window; a
    // message that comes later still wins, as it should.
    deck.on('ready', () => {
      let state: ReturnType<typeof deck.getState> | undefined;
      try {
        state = (window.parent.opener as { Reveal?: { getState(): ReturnType<typeof deck.getState> } } | null)?.Reveal?.getState();
      } catch {
        state = undefined;
      }
      if (!state) return;
      // As the speaker view sends it to this preview: never the overview, and no lightbox.
      const { previewIframe: _iframe, previewImage: _image, previewVideo: _video, ...place } = state as ReturnType<typeof deck.getState> & Record<string, unknown>;
      deck.setState({ ...place, overview: false });
      deck.next();
    });
  }
  // The exporter prints only after reveal says the print layout is complete; it waits for the event, or sees the flag if it came first.
  if (exporting) {
    deck.on('pdf-ready', () => {
      (window as unknown as { briefdeckPdfReady: boolean }).briefdeckPdfReady = true;
      window.dispatchEvent(new Event('briefdeck-pdf-ready'));
    });
  }
  (window as unknown as { Reveal: typeof deck }).Reveal = deck;
  if (exporting?.mode === 'print') {
    // Chromium loads a font when laid-out text first asks for it, then lays all the text out again: for a long deck,
    // a second layout as costly as the first. So every face is loaded first, with the deck kept out of layout
    // meanwhile (a frame would otherwise lay it out as it stands); reveal then builds the pages, laid out once.
    // A PDF embeds only the glyphs it shows, so loading a face no slide uses changes nothing in it.
    // Hidden and shown through the attribute alone, so it ends exactly as the template made it (Chromium writes a
    // style changed through element.style back to the attribute later, and would leave an empty one behind).
    const root = document.querySelector<HTMLElement>('.reveal');
    const style = root?.getAttribute('style') ?? null;
    root?.setAttribute('style', 'display: none');
    let shown = false;
    const show = () => {
      if (shown) return;
      shown = true;
      if (style === null) root?.removeAttribute('style');
      else root?.setAttribute('style', style);
    };
    // Told by reveal's print view, as patched (bundle-runtime.ts), once reveal has started and before the view reads a
    // slide's height; the next frame is the fallback, for a reveal whose print view the patch did not change.
    window.addEventListener('briefdeck-print-view', show, { once: true });
    void Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined))).then(() => {
      // reveal starts with the deck still out of layout. Its start reads every slide background's computed colour
      // (for a contrast class), each read just after adding that background, so each forced a style update of the
      // laid-out deck: a third of a second for 500 slides. Out of layout, the same reads give the same colours at
      // almost no cost. reveal's start runs in microtasks (an export loads no plugins); its print view then shows the
      // deck before it measures anything (the event above), or, unpatched, waits for a frame first, and this frame
      // callback, asked for first, shows it then.
      void deck.initialize();
      requestAnimationFrame(show);
    });
  } else {
    void deck.initialize();
  }
}

/** A reveal postMessage call, `{ method, args }` as JSON, or null for anything else. */
function readCall(raw: unknown): { method?: unknown; args?: unknown[] } | null {
  if (typeof raw !== 'string') return null;
  try {
    return JSON.parse(raw) as { method?: unknown; args?: unknown[] };
  } catch {
    return null;
  }
}
