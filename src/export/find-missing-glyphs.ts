// Characters no font can draw. A deck carries fonts for the scripts its themes are made for; text in another script
// (Hangul, kanji, emoji) is drawn from the fonts of the machine that shows it. Where none has a character, the browser
// draws its "missing glyph" box instead, and a PDF or a picture made there keeps the boxes for good. The exports and
// `check` look in the browser they run, and name what it could not draw.
import type { Page } from 'playwright-core';
import type { BuiltDeck } from '../build-deck.js';
import type { DiagnosticBag } from '../errors.js';
import { nameSlide } from '../slide-name.js';

/** A slide with characters the browser draws as its missing-glyph box. */
export interface MissingGlyphs {
  /** The slide's index in reading order. */
  index: number;
  /** The characters, each once, in the order they first appear. */
  characters: string[];
  /** Whether the slide had more characters than the check had drawings left for (MAX_DRAWN), so there may be more. */
  unchecked: boolean;
}

/**
 * The most drawings one look makes (a character, or a font's two boxes). A character no font has costs the browser a
 * search of the machine's fonts each time (about 0.2 ms here), so a deck of all 20,000 common CJK characters would add
 * seconds to its export.
 */
const MAX_DRAWN = 3000;

/** The most characters a warning names; the rest are counted. */
const NAMED = 8;

/**
 * Finds the characters on each slide that the page draws as the box it draws for a code point no font has. Each
 * character is drawn on a canvas in its own text's font (the same font matching and fallback as the page's text) and
 * compared with that box. Text hidden on purpose (speaker notes, unless a handout prints them) is left alone; text
 * that is merely out of view (another slide, a later step) is read all the same. Only the slides from `start` up to
 * `end` (0-based, in page order) are read: a print shows its pages part by part, and a page out of layout would cost
 * a style computation for each element asked about.
 */
export function findMissingGlyphs(page: Page, start = 0, end = Number.MAX_SAFE_INTEGER): Promise<MissingGlyphs[]> {
  return page.evaluate(([start, end, budget]) => {
    let drawingsLeft: number = budget;
    const size = 32;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.textBaseline = 'top';
    const draw = (font: string, text: string): Uint8ClampedArray => {
      context.clearRect(0, 0, size, size);
      context.font = font;
      context.fillText(text, 4, 4);
      return context.getImageData(0, 0, size, size).data;
    };
    const sameDrawing = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
      for (let i = 3; i < a.length; i += 4) if (a[i] !== b[i]) return false;
      return true;
    };
    // Two code points no font has: U+0378 is unassigned, U+FFFF a noncharacter. Two, because a font's unicode-range
    // (a Greek subset's U+0370–03FF, say) may take one of them, and draw its own box rather than the fallback's.
    const boxes = new Map<string, Uint8ClampedArray[]>();
    const isBox = (font: string, char: string) => {
      let known = boxes.get(font);
      if (!known) boxes.set(font, (known = [draw(font, '\u0378'), draw(font, '\uffff')]));
      const drawn = draw(font, char);
      return known.some((box) => sameDrawing(drawn, box));
    };
    const verdicts = new Map<string, boolean>();
    // Whether an element is hidden by its own rule or an ancestor's below the slide (speaker notes), asked once per element.
    const hidden = new Map<Element, boolean>();
    const isHidden = (element: Element, section: Element): boolean => {
      if (element === section) return false;
      let verdict = hidden.get(element);
      if (verdict === undefined) hidden.set(element, (verdict = getComputedStyle(element).display === 'none' || isHidden(element.parentElement!, section)));
      return verdict;
    };
    const fonts = new Map<Element, string>();
    const found: MissingGlyphs[] = [];
    // ASCII and the C1 controls are every font's: a deck of nothing else is done at once, and only text with more is looked at.
    const beyondAscii = /[^\u0000-\u009f]/;
    if (!beyondAscii.test(document.body.textContent ?? '')) return found;
    // A slide, or in a notes handout the sheet of a slide and its notes, which the handout prints beside it.
    const sheets = [...document.querySelectorAll<HTMLElement>('.briefdeck-handout .handout-sheet')];
    const units = (sheets.length > 0 ? sheets : [...document.querySelectorAll<HTMLElement>('.reveal .slides section:not(.stack)')]).slice(start, end);
    units.forEach((section, offset) => {
      // The runtime marks each slide with its index in reading order (deck-runtime.ts); a fragment step's copy keeps the mark.
      const slide = section.matches('section') ? section : section.querySelector<HTMLElement>('section');
      const index = Number(slide?.dataset.briefdeckSlide ?? start + offset);
      const missing = new Set<string>();
      let unchecked = false;
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const parent = node.parentElement!;
        // Text hidden by its own element's rule (speaker notes) is never drawn; a slide out of view is read all the same.
        if (!beyondAscii.test(node.data) || isHidden(parent, section)) continue;
        let font = fonts.get(parent);
        if (font === undefined) {
          const style = getComputedStyle(parent);
          // By family alone: a weight or style of a family covers the same characters, and each font costs two more drawings.
          fonts.set(parent, (font = `24px ${style.fontFamily}`));
        }
        for (const char of node.data) {
          if (char.codePointAt(0)! < 0xa0 || /\s/u.test(char) || missing.has(char)) continue;
          const key = `${font}\n${char}`;
          let verdict = verdicts.get(key);
          if (verdict === undefined) {
            // A font's two boxes count against the budget too: a deck of thousands of fonts must not escape it.
            const cost = boxes.has(font) ? 1 : 3;
            if (drawingsLeft < cost) {
              unchecked = true;
              continue;
            }
            drawingsLeft -= cost;
            verdicts.set(key, (verdict = isBox(font, char)));
          }
          if (verdict) missing.add(char);
        }
      }
      if (missing.size > 0) found.push({ index, characters: [...missing], unchecked });
    });
    return found;
  }, [start, end, MAX_DRAWN] as const);
}

/** Records each slide with characters that were drawn as boxes as a warning at its source line, once per slide. */
export function reportMissingGlyphs(built: BuiltDeck, found: MissingGlyphs[], bag: DiagnosticBag, output: 'PDF' | 'pictures' | 'deck'): void {
  const seen = new Set<number>();
  for (const { index, characters, unchecked } of found) {
    const slide = built.briefing.slides[index];
    if (!slide || seen.has(index)) continue;
    seen.add(index);
    const named = characters.slice(0, NAMED).join(' ');
    // Past the drawing budget some characters went unchecked: the count is then a floor.
    const more = characters.length > NAMED ? ` and ${unchecked ? 'at least ' : ''}${characters.length - NAMED} more` : unchecked ? ' and perhaps more' : '';
    const where = { PDF: 'so the PDF shows them', pictures: 'so the slide pictures show them', deck: 'so this browser shows them' }[output];
    bag.warn('W_MISSING_GLYPHS', `${nameSlide(slide)} has characters that no font here can draw (${named}${more}), ${where} as empty boxes`, {
      file: slide.source.file,
      line: slide.source.line,
      hint: 'install a font that has them on this machine (Debian and Ubuntu: fonts-noto-cjk for Chinese, Japanese and Korean, fonts-noto-color-emoji for emoji, fonts-noto-core for most other scripts), or give the deck one: an @font-face in a theme file in the briefing folder (theme: ./my-theme.css)',
    });
  }
}
