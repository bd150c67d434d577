// Emoji shortcodes, as GitHub, Marp and Slidev render them: `:rocket:` is 🚀.
// The names are markdown-it-emoji's list, the one Marp reads; a name not on
// it (`:30:` in a time, say) stays text.
import type { TokenizerAndRendererExtension } from 'marked';
import EMOJI from 'markdown-it-emoji/lib/data/full.mjs';
import { startWithinWindow } from './extension-start.js';

/** The marked extension that turns a known `:name:` into its emoji. */
export const emojiExtension: TokenizerAndRendererExtension = {
  name: 'emoji',
  level: 'inline',
  start: startWithinWindow(':'),
  tokenizer(src: string) {
    const match = /^:([\w+-]{1,60}):/.exec(src);
    return match && Object.hasOwn(EMOJI, match[1]!) ? { type: 'emoji', raw: match[0], text: EMOJI[match[1]!]! } : undefined;
  },
  renderer: (token) => (token as unknown as { text: string }).text,
};
