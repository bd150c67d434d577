// Browser entry: the only script a deck runs. esbuild bundles it with
// reveal.js and the notes plugin into one inline, hash-allowed <script>.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';

interface ExportMode {
  mode: 'present' | 'print' | 'handout';
  fragments: boolean;
}

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
  const deck = new Reveal({ ...config, plugins: exporting ? [] : [Notes] });
  // The exporter prints only after reveal says the print layout is complete.
  if (exporting) deck.on('pdf-ready', () => ((window as unknown as { briefdeckPdfReady: boolean }).briefdeckPdfReady = true));
  (window as unknown as { Reveal: typeof deck }).Reveal = deck;
  void deck.initialize();
}
