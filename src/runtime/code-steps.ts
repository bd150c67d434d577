// A code block whose highlight changes by steps (src/parse/draw-code-lines.ts) shows the step its fragments reach:
// each later step has an empty fragment in the block's <pre>, so reveal counts the clicks and this shows the result,
// in the deck, the speaker view's previews and the exporter's pages (reveal's copy of a slide per fragment step
// carries its own fragments' state). A numbered block's first number is set here too: CSS cannot read it from a class.

/** Shows, in every stepped code block under `root`, the highlight of the step its shown fragments reach. */
export function showCodeSteps(root: ParentNode): void {
  for (const code of root.querySelectorAll<HTMLElement>('pre > code.code-steps')) {
    const step = 1 + code.parentElement!.querySelectorAll(':scope > .code-step.visible').length;
    code.classList.toggle('has-highlights', code.classList.contains(`hl-on-${step}`));
    for (const line of code.querySelectorAll(':scope > .code-line')) line.classList.toggle('highlight-line', line.classList.contains(`hl-${step}`));
  }
}

/** Starts the line numbers of every block numbered from other than 1 (its `line-start-N` class) at N. */
export function setCodeLineStarts(root: ParentNode): void {
  for (const code of root.querySelectorAll<HTMLElement>('pre > code.line-numbers[class*="line-start-"]')) {
    const start = /(?:^|\s)line-start-(\d+)(?:\s|$)/.exec(code.className);
    // Set here, not as a style attribute in the markup: a slide with raw HTML is sanitized whole, and would lose it.
    if (start) code.style.setProperty('counter-reset', `code-line ${Number(start[1]) - 1}`);
  }
}
