// A column's build steps: where each starts (`<!-- pause -->`), with reveal's
// effects and place in the order, and the column's lines rendered in them.
import type { MarpBackground } from './dialects/marp.js';
import { FRAGMENT_CLASS } from './dialects/reveal.js';
import { SWITCH_END, SWITCH_START, SWITCH_STEP, WITH_PREVIOUS } from './dialects/slidev-after.js';
import type { Line } from './source-lines.js';
import type { Tokens } from 'marked';

/**
 * A region of lists that step in or show at once (Pandoc's `::: incremental`, Slidev's `<v-clicks>`), how deep in nested
 * lists its items step in (every level when not given), and how many of a list's own items step in at a click (`every`).
 */
export type StepRegion = { incremental: boolean; depth?: number; every?: number };

/**
 * Where a column's build step starts or ends, and the effects and place in the order a step takes (`<!-- pause: fade-up index=2 -->`).
 * A cut that `continues` is no step: the lines after it stay in the step before, and only whether their lists step in changes
 * (`region`; the slide's own setting where it is not given).
 */
export type Step = { fragment: boolean; from: number; effects?: string; index?: string; withPrevious?: true; continues?: boolean; region?: StepRegion };

/** A part of a slide as rendered, with the background picture Marp's `![bg](…)` gave it, if any. */
export type RenderedPart = { html: string; bulletCount: number; background?: MarpBackground };

/** Whether a step is one of a Slidev `<v-switch>`'s templates (its `switch` word, leftovers.ts). */
const isSwitchStep = (step: Step | undefined) => step?.effects?.split(/\s+/).includes('switch') === true;

/**
 * The steps with the last template of each Slidev `<v-switch>` kept once its click has come, not shown only while it is
 * the current step: Slidev shows it at the switch's last click and after, and so a printed deck, which shows every
 * slide as it ends, shows it (it showed none of the templates).
 */
function keepLastSwitchStep(steps: Step[]): Step[] {
  // The step after each, read from the end once: a cut that continues (a region of stepped lists inside a template)
  // is no step, so the next step is the one after it.
  const nextStep: (Step | undefined)[] = [];
  for (let i = steps.length - 1, next: Step | undefined; i >= 0; i--) {
    nextStep[i] = next;
    if (!steps[i]!.continues) next = steps[i];
  }
  return steps.map((step, i) => {
    if (!isSwitchStep(step) || isSwitchStep(nextStep[i])) return step;
    const effects = step.effects!.split(/\s+/).filter((e) => e !== 'current-visible').join(' ');
    return { ...step, effects };
  });
}

/** A step's element: reveal's fragment, with those of its effects that are reveal's fragment classes, and its index. */
function openStep(step: Step): string {
  const words = (step.effects ?? '').split(/\s+/);
  const effects = words.filter((c) => c !== 'fragment' && FRAGMENT_CLASS.test(c));
  return `<div class="${['fragment', ...effects].join(' ')}"${isSwitchStep(step) ? switchPlace(step, words) : step.index !== undefined ? ` data-fragment-index="${step.index}"` : step.withPrevious ? ` ${WITH_PREVIOUS}` : ''}>`;
}

/** A `<v-switch>` template's place: its click counted from where the switch stands, which slidev-after.ts makes the slide's. */
function switchPlace(step: Step, words: string[]): string {
  const end = words.map((w) => /^switch-end=(\d{1,3})$/.exec(w)?.[1]).find((e) => e !== undefined);
  return ` ${SWITCH_STEP}="${step.index ?? 1}"${words.includes('switch-start') ? ` ${SWITCH_START}` : ''}${end !== undefined ? ` ${SWITCH_END}="${end}"` : ''}`;
}

/** Renders a column's lines in build steps: each part after a pause in its own fragment, the parts between steps as they are. */
export function renderSteps(lines: Line[], steps: Step[], render: (lines: Line[], region?: StepRegion) => RenderedPart): RenderedPart {
  if (steps.length === 0) return render(lines);
  const cuts: Step[] = [{ fragment: false, from: 0 }, ...keepLastSwitchStep(steps)];
  const groups: { step: Step; html: string }[] = [];
  let bulletCount = 0;
  let background: MarpBackground | undefined;
  cuts.forEach((cut, i) => {
    const part = render(lines.slice(cut.from, cuts[i + 1]?.from ?? lines.length), cut.region);
    bulletCount += part.bulletCount;
    background ??= part.background;
    if (!cut.continues || groups.length === 0) groups.push({ step: cut, html: '' });
    groups.at(-1)!.html += part.html;
  });
  const html = groups.map(({ step, html: part }) => (part.trim() === '' ? '' : step.fragment ? `${openStep(step)}${part}</div>` : part)).join('');
  return background === undefined ? { html, bulletCount } : { html, bulletCount, background };
}

/**
 * Marks a list's items, and those of the lists nested in them to `depth` levels in all, as steps (Slidev's
 * `<v-clicks depth="2">`); with `every`, that many of the list's own items step in at a click (`every="2"`): the
 * others of each group come with the first (slidev-after.ts gives them its place).
 */
export function stepListItems(list: Tokens.List, depth: number, every = 1): void {
  if (depth < 1) return;
  (list.items as (Tokens.ListItem & { steps?: 'alone' | 'with previous' })[]).forEach((item, i) => {
    item.steps = i % every === 0 ? 'alone' : 'with previous';
    for (const inner of item.tokens) if (inner.type === 'list') stepListItems(inner as Tokens.List, depth - 1);
  });
}
