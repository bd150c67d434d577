import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { writeBriefing } from './helpers.js';

/** Builds one file and gives each slide's transition attributes as the deck's HTML writes them, and the warnings by line. */
async function transitionsOf(name: string, file: string, text: string) {
  const built = await buildDeck(path.join(writeBriefing({ [file]: text }, name), file));
  const sections = [...built.deck.html.matchAll(/<section class="layout-[^"]*"[^>]*>/g)].map((m) => m[0]);
  return {
    built,
    attributes: sections.map((s) => [...s.matchAll(/ (data-(?:background-)?transition(?:-speed)?)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`).join(' ')),
    warnings: built.warnings.map((w) => `${w.line}: ${w.message}`),
  };
}

describe("a slide's own transition, as each tool writes it", () => {
  it("reveal's .slide: comment and Quarto's heading attributes: reveal's transitions, its in/out pairs, speeds and background transitions; others are named", async () => {
    const quarto = await transitionsOf('transitions-quarto', 'deck.qmd', [
      '---', 'title: T', 'format: revealjs', '---', '',
      '## Zoomed {transition="zoom" transition-speed="fast"}', '', 'Text.', '',
      '## Paired {data-transition="slide-in fade-out" background-transition="fade"}', '', 'Text.', '',
      '## Spun {transition="spin" transition-speed="warp"}', '', 'Text.', '',
    ].join('\n'));
    expect(quarto.attributes).toEqual(['', 'data-transition=zoom data-transition-speed=fast', 'data-transition=slide-in fade-out data-background-transition=fade', '']);
    expect(quarto.warnings).toEqual(['14: heading attributes transition="spin", transition-speed="warp" are not supported and were left out']);
    expect(quarto.built.briefing.slides[1]!.look).toEqual({ transition: 'zoom', transitionSpeed: 'fast' });

    const reveal = await transitionsOf('transitions-reveal', 'deck.md', ['# One', '', '<!-- .slide: data-transition="convex" -->', '', 'Text.', '', '# Two', '', '<!-- .slide: data-transition="zoom-in zoom-in" -->', '', 'Text.', ''].join('\n'));
    expect(reveal.attributes).toEqual(['data-transition=convex', '']);
    // Two ways in is not a pair reveal can play.
    expect(reveal.warnings).toEqual(['9: slide settings data-transition="zoom-in zoom-in" are not supported and were left out']);
  });

  it("Slidev's per-slide transition: its names as reveal's nearest, the first of its forwards | backwards pair; one reveal lacks is named", async () => {
    const slidev = await transitionsOf('transitions-slidev', 'slides.md', [
      '---', 'transition: fade', '---', '', '# One', '',
      '---', 'transition: zoom', '---', '', '# Two', '',
      '---', 'transition: slide-up | slide-down', '---', '', '# Three', '',
      '---', 'transition: view-transition', '---', '', '# Four', '',
    ].join('\n'));
    expect(slidev.built.briefing.meta.transition).toBe('fade');
    expect(slidev.attributes).toEqual(['', 'data-transition=zoom', 'data-transition=slide', '']);
    expect(slidev.warnings).toEqual(['20: Slidev\'s transition "view-transition" has no match among reveal\'s and was left out; the slide changes as the deck\'s others do']);
  });

  it("Marp's transition directive holds from its slide on, _transition for one slide, its time left to reveal; one reveal lacks is named", async () => {
    const marp = await transitionsOf('transitions-marp', 'deck.md', [
      '---', 'marp: true', '---', '', '# One', '',
      '---', '', '<!-- transition: zoom -->', '', '# Two', '',
      '---', '', '<!-- _transition: fade 1s -->', '', '# Three', '',
      '---', '', '# Four', '',
      '---', '', '<!-- transition: cube -->', '', '# Five', '',
    ].join('\n'));
    expect(marp.attributes).toEqual(['', 'data-transition=zoom', 'data-transition=fade', 'data-transition=zoom', 'data-transition=zoom']);
    expect(marp.warnings).toEqual(["25: Marp's transition: cube has no match among reveal's transitions and was left out"]);
    // A directive is never a note.
    expect(marp.built.briefing.slides.every((s) => s.notes === null)).toBe(true);
  });

  it("Deckset's slide-transition setting and [.slide-transition] command: fades as fade, pushes, moves and reveals as slide, false as none", async () => {
    const deckset = await transitionsOf('transitions-deckset', 'deck.md', [
      'slide-transition: push(horizontal, 0.3)', '', '# One', '',
      '---', '', '[.slide-transition: fadeThroughColor(#000000)]', '', '# Two', '',
      '---', '', '[.slide-transition: false]', '', '# Three', '',
      '---', '', '[.slide-transition: spin]', '', '# Four', '',
    ].join('\n'));
    expect(deckset.built.briefing.meta.transition).toBe('slide');
    expect(deckset.attributes).toEqual(['', 'data-transition=fade', 'data-transition=none', '']);
    expect(deckset.warnings).toEqual(["19: Deckset's slide command [.slide-transition: spin] is not supported and was left out"]);
  });
});
