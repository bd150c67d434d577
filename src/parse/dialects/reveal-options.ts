// The options a reveal.js page starts its deck with, `Reveal.initialize({ transition: 'zoom', slideNumber: false })`
// (or `deck.initialize({…})` after `new Reveal()`), read from the page's script without running it: the script is
// parsed with acorn and only literal values are taken. Those briefdeck can honour become the deck's metadata
// (reveal-html.ts writes them as YAML); what a deck does anyway needs nothing; the rest is named in one warning.
import { createRequire } from 'node:module';
import { REVEAL_TRANSITIONS } from './reveal.js';

const require = createRequire(import.meta.url);
// Loaded on first use only: most pages are not reveal.js pages, and most decks no page.
let acorn: typeof import('acorn') | undefined;


/**
 * Options that change nothing in a deck briefdeck builds: it has a hash, history, controls, a progress bar and
 * the keyboard, touch and overview of reveal already, loads its own plugins, and sizes and centres its slides itself.
 */
const NEEDS_NOTHING = new Set(['hash', 'history', 'controls', 'controlsTutorial', 'controlsLayout', 'progress', 'keyboard', 'touch', 'overview', 'plugins', 'dependencies', 'center', 'margin', 'minScale', 'maxScale', 'embedded', 'help', 'respondToHashChanges', 'mouseWheel', 'fragments', 'fragmentInURL', 'showNotes', 'pdfSeparateFragments', 'pdfMaxPagesPerSlide', 'markdown', 'highlight', 'math', 'katex', 'mathjax2', 'mathjax3', 'notes']);

/** A literal option value, as the script writes it. */
type OptionValue = string | number | boolean | null;

/** What the page's options come to: metadata lines (YAML) for the deck, and the options not read, by name, and the line (of the script, from 1) of the first. */
export interface RevealOptions {
  yaml: string[];
  unread: string[];
  unreadLine?: number;
}

type AcornNode = { type: string; [key: string]: unknown };

/** Reads the options of the first `initialize` call on reveal in a script; null when the script has none or does not parse. */
export function readRevealOptions(script: string, isModule: boolean): RevealOptions | null {
  acorn ??= require('acorn') as typeof import('acorn');
  let program: AcornNode;
  try {
    program = acorn.parse(script, { ecmaVersion: 'latest', sourceType: isModule ? 'module' : 'script', allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, locations: true }) as unknown as AcornNode;
  } catch {
    return null;
  }
  let call: AcornNode | undefined;
  try {
    call = findInitializeCall(program);
  } catch {
    // A script nested deeper than the stack allows, which acorn itself could read: its options are not read.
    return null;
  }
  if (!call) return null;
  const options = new Map<string, OptionValue | undefined>();
  const lines = new Map<string, number>();
  for (const property of (call.properties as AcornNode[]) ?? []) {
    const key = property.key as AcornNode | undefined;
    const name = property.type === 'Property' && key ? (key.type === 'Identifier' ? (key.name as string) : key.type === 'Literal' ? String(key.value) : undefined) : undefined;
    if (name === undefined) continue;
    options.set(name, readLiteral(property.value as AcornNode));
    lines.set(name, (property.loc as { start: { line: number } }).start.line);
  }
  const mapped = mapOptions(options);
  return mapped.unread.length > 0 ? { ...mapped, unreadLine: lines.get(mapped.unread[0]!) } : mapped;
}

/** The object passed to the first `….initialize({…})` call, on `Reveal` or on any object made with `new Reveal(…)`. */
function findInitializeCall(program: AcornNode): AcornNode | undefined {
  let found: AcornNode | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as AcornNode;
    if (n.type === 'CallExpression') {
      const callee = n.callee as AcornNode;
      const argument = (n.arguments as AcornNode[])[0];
      if (callee.type === 'MemberExpression' && (callee.property as AcornNode).type === 'Identifier' && ((callee.property as AcornNode).name === 'initialize' || (callee.property as AcornNode).name === 'configure') && argument?.type === 'ObjectExpression') {
        found = argument;
        return;
      }
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type' && key !== 'start' && key !== 'end') visit(value);
  };
  visit(program);
  return found;
}

/** A literal's value (`'zoom'`, `false`, `1280`, `-1`), or undefined for anything computed. */
function readLiteral(node: AcornNode): OptionValue | undefined {
  if (node.type === 'Literal' && !(node as { regex?: unknown }).regex) return node.value as OptionValue;
  if (node.type === 'UnaryExpression' && node.operator === '-' && (node.argument as AcornNode).type === 'Literal' && typeof (node.argument as AcornNode).value === 'number') return -((node.argument as AcornNode).value as number);
  return undefined;
}

/** The options briefdeck honours as metadata lines, and the names of the rest that a deck does not do anyway. */
function mapOptions(options: ReadonlyMap<string, OptionValue | undefined>): RevealOptions {
  const yaml: string[] = [];
  const unread: string[] = [];
  for (const [name, value] of options) {
    if (name === 'transition' && typeof value === 'string' && REVEAL_TRANSITIONS.has(value)) yaml.push(`transition: ${JSON.stringify(value)}`);
    // Its number on every slide as the page says: reveal numbers no slide unless asked.
    else if (name === 'slideNumber' && value !== undefined) {
      yaml.push(`slideNumber: ${value === false ? 'false' : 'true'}`);
    } else if (name === 'width' || name === 'height') {
      // Read together, below.
    } else if (!NEEDS_NOTHING.has(name)) unread.push(name);
  }
  // The page's size picks the deck's: a shape nearer 4:3 than 16:9 is 4:3.
  const [width, height] = [options.get('width'), options.get('height')];
  if (typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0) yaml.push(`size: ${width / height < (4 / 3 + 16 / 9) / 2 ? '"4:3"' : '"16:9"'}`);
  else for (const name of ['width', 'height']) if (options.has(name)) unread.push(name);
  return { yaml, unread };
}
