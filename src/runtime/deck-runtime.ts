// Browser entry: the only script a deck runs. esbuild bundles it with
// reveal.js and the notes plugin into one inline, hash-allowed <script>.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';

const configElement = document.getElementById('briefdeck-config');
const config = JSON.parse(configElement?.textContent ?? '{}') as Record<string, unknown>;

// A print run (PDF export) asks for reveal's print view without a URL query,
// because the exporter loads the deck with setContent and has no URL.
if ((window as unknown as { briefdeckPrint?: boolean }).briefdeckPrint) config.view = 'print';

const deck = new Reveal({ ...config, plugins: [Notes] });
(window as unknown as { Reveal: typeof deck }).Reveal = deck;
void deck.initialize();
