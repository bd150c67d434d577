import { CST, LineCounter, Parser, parseDocument, isMap, isScalar, isSeq, type Pair } from 'yaml';
import { DiagnosticBag } from '../errors.js';
import { findDuplicateKeys } from '../find-duplicate-keys.js';
import { hintWithSuggestion, suggestClosest } from '../did-you-mean.js';
import { applyPeerKey } from './dialects/front-matter.js';
import { plainData } from './dialects/meta-values.js';
import { isSharedPeerKey, keysOfPeerTools, mapPeerTheme, peerKeyOwner, possessive } from './dialects/peer-keys.js';
import { readPresentermThemeName, readPresentermTitle } from './dialects/presenterm.js';
import { loosenMarpDirectives } from './dialects/marp-comments.js';
import { typesetPlain } from './typeset-text.js';
import { PEER_SYNTAX_HINT } from './render-markdown.js';
import { toPlainText } from './plain-text.js';
import { type BriefingMeta, type SourceFile, type SourceLocation, type ThemeSheet } from '../model.js';
import { writtenForAnotherTool, writtenForPandoc } from '../written-for.js';
import { namesUnknownTheme, settleTheme } from './settle-theme.js';
import { settleRevealPage } from './settle-reveal-page.js';
import { applyFromDeck, findKeySource } from './key-source.js';
import { LANGUAGE_TAG, META_SCHEMA, setSchemaValue } from './meta-schema.js';

/** A metadata block as found in the source, before validation. */
export interface MetaSource {
  file: SourceFile;
  /** The YAML text. */
  yaml: string;
  /** Line of `file` on which the YAML text starts. */
  firstLine: number;
}

/**
 * A single file's deck as its reader gives it to the parse: its metadata, its Markdown, the line it starts on, and,
 * from a reader that writes Markdown out of another form (a reveal.js page, a notebook), the line in the file of each
 * line of the text and the tools the file shows it was written for.
 */
export interface DeckText {
  meta?: MetaSource;
  body: string;
  bodyLine: number;
  lineNumbers?: number[];
  tools?: string[];
  /** What the file's own settings set before its front matter does (a notebook's RISE options). */
  beneath?: (meta: BriefingMeta) => void;
}

/** Parses and validates briefing metadata; problems go to `bag` with their file and line. */
export function parseMeta(source: MetaSource | undefined, fallbackFile: string, bag: DiagnosticBag, knownTools: readonly string[] = [], toolsOfBody?: (keyOfNoTool?: boolean) => readonly string[], themeSheets?: ReadonlyMap<string, ThemeSheet>, beneath?: (meta: BriefingMeta) => void): { meta: BriefingMeta; location: SourceLocation } {
  // `knownTools`: the tools the file's body already says it was written for, whose keys its front matter is read as.
  // `toolsOfBody`: those its body shows (peer-tools.ts), asked only when a key is no tool's and the keys name none: a deck
  // known by its body (reveal's comments, Pandoc's pauses) may hold keys its tool's template reads, not typos there.
  // `beneath`: what sets the metadata before the front matter does, whose keys then win (reveal-md's own files beside the deck).
  const meta: BriefingMeta = { title: '', lang: 'en', theme: 'briefing', incremental: false, size: '16:9', html: false, maxBullets: 6, agenda: true, peerTools: [...knownTools], keyLines: {}, pageNumbers: true, smaller: false, smartypants: true };
  beneath?.(meta);
  const location: SourceLocation = { file: source?.file.path ?? fallbackFile, line: source?.firstLine ?? 1 };
  // No metadata at all is allowed, as in every peer tool: the deck then has no title slide, and `check` says so.
  if (!source) return { meta: { ...settleRevealPage(meta, false, fallbackFile, bag), plain: true }, location };
  const lines = new LineCounter();
  // `core` has no timestamp or binary types and no custom tags, so YAML can only yield plain data.
  // Marp reads its text directives loosely (`backgroundColor: #fff`, `header: ![logo](a.png)`), where YAML sees a comment or a tag.
  const doc = parseDocument(loosenMarpDirectives(source.yaml, /^marp[ \t]*:[ \t]*true[ \t]*$/m.test(source.yaml)), { lineCounter: lines, schema: 'core', uniqueKeys: false, prettyErrors: false, customTags: [] });
  const lineOf = (offset: number | undefined) => source.firstLine + (offset === undefined ? 0 : lines.linePos(offset).line - 1);
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      bag.error('E_YAML', `YAML tags are not allowed: ${firstLine(warning.message).replace(/^Unresolved tag: /, '')}`, {
        file: source.file.path,
        line: lineOf(warning.pos[0]),
        hint: 'metadata is plain data; remove the !tag',
      });
    }
  }
  // Each key once in each map: a repeat is an error at its line, as yaml's own check would say, found in one pass.
  const repeats = findDuplicateKeys(doc);
  for (const key of repeats) bag.error('E_YAML', `duplicate key "${String(key.value)}" in metadata`, { file: source.file.path, line: lineOf(key.range?.[0]), hint: 'each key may appear once; delete one of them' });
  if (repeats.length > 0 && doc.errors.length === 0) return { meta, location };
  if (doc.errors.length > 0) {
    // yaml may describe one problem twice, at one place (a value running on to an indented `key: value` line is both a
    // mapping in a compact one and a key over two lines): it is reported once.
    const reported = new Set<number>();
    /** Read once, for the first error that may be one of them: yaml's CST of the whole metadata. */
    let unclosedFlows: { opener: string; offset: number }[] | undefined;
    for (const err of doc.errors) {
      if (reported.has(err.pos[0])) continue;
      reported.add(err.pos[0]);
      const indented = err.code === 'BLOCK_AS_IMPLICIT_KEY' ? lineOfIndentedKey(source, lineOf(err.pos[0])) : undefined;
      // yaml says a `[` or `{` never closed where it gave up reading; the line to mend is the one that opened it.
      const unclosed = indented === undefined ? (unclosedFlows ??= listUnclosedFlows(source.yaml)).findLast((flow) => flow.offset <= err.pos[0]) : undefined;
      const message =
        indented !== undefined
          ? 'invalid YAML: this line holds a key but is indented into the value above it'
          : unclosed
            ? `invalid YAML: the ${unclosed.opener === '[' ? 'list' : 'map'} opened with ${unclosed.opener} on this line is never closed with ${unclosed.opener === '[' ? ']' : '}'}`
            : `invalid YAML: ${firstLine(err.message)}`;
      bag.error('E_YAML', message, {
        file: source.file.path,
        line: indented ?? (unclosed ? lineOf(unclosed.offset) : err.code === 'MISSING_CHAR' && /quote/.test(err.message) ? lineOfOpeningQuote(source, lineOf(err.pos[0])) : lineOf(err.pos[0])),
        hint:
          indented !== undefined
            ? 'start the key at the beginning of its line, or quote a value that contains ": "'
            : unclosed
              ? `close it on the same line, or quote the value if the ${unclosed.opener} is part of its text`
              : 'check indentation, and quote values that contain ": " or start with a special character',
      });
    }
    return { meta, location };
  }
  const where = (node: { range?: [number, number, number] | null } | null | undefined) => ({
    file: source.file.path,
    line: lineOf(node?.range?.[0]),
  });
  if (doc.contents === null) return { meta, location };
  if (!isMap(doc.contents)) {
    bag.error('E_META', 'metadata must be a mapping of keys to values', { ...where(doc.contents), hint: 'write one `key: value` per line' });
    return { meta, location };
  }
  const seen = new Set<string>();
  /** Whether the body has been asked which tools it shows (once: it reads the whole deck). */
  let askedBody = false;
  // The tools a deck is for are known from the keys only one tool has, and from a Quarto or R Markdown file's name, before any
  // key two tools share (Quarto's and Marp's `footer:`) is read: wherever it stands, it is then read as that tool's.
  if (/\.qmd$/i.test(source.file.path)) meta.peerTools.push('Quarto');
  // An .Rmd file is R Markdown's, knitted then read by Pandoc, whatever keys it holds (a site's `site:`, `resource_files:`).
  else if (/\.rmd$/i.test(source.file.path)) meta.peerTools.push('R Markdown');
  for (const pair of doc.contents.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const owner = Object.hasOwn(META_SCHEMA, key) || isSharedPeerKey(key) ? undefined : peerKeyOwner(key, meta.peerTools);
    if (owner !== undefined && !meta.peerTools.includes(owner)) meta.peerTools.push(owner);
  }
  // A theme only one tool has (Slidev's starter `seriph`, Marp's `gaia`) says whose a deck of no other tool's is, as a key
  // only that tool has does: so Slidev's headmatter `class:` beside it is read as Slidev's (its first slide's classes).
  if (meta.peerTools.length === 0) {
    const theme = (doc.contents.items as Pair[]).find((pair) => isScalar(pair.key) && pair.key.value === 'theme')?.value;
    const owner = isScalar(theme) && typeof theme.value === 'string' ? mapPeerTheme(theme.value, meta.peerTools)?.tool : undefined;
    if (owner !== undefined && !owner.includes(' or ')) meta.peerTools.push(owner);
  }
  // Then a key that Pandoc and Quarto share (`toc-depth`), Pandoc's in a deck for neither, wherever it stands: so a key
  // no tool has (a Pandoc template's own variable) is judged, before or after it, in a deck known to be Pandoc's.
  for (const pair of doc.contents.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const owner = isSharedPeerKey(key) && !Object.hasOwn(META_SCHEMA, key) ? peerKeyOwner(key, meta.peerTools) : undefined;
    if (owner !== undefined && !owner.includes(' or ') && !meta.peerTools.includes(owner)) meta.peerTools.push(owner);
  }
  for (const pair of doc.contents.items as Pair[]) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const spec = Object.hasOwn(META_SCHEMA, key) ? META_SCHEMA[key] : undefined;
    const at = where(keyNode as never);
    if (!spec) {
      const owner = peerKeyOwner(key, meta.peerTools);
      // A key several tools share ("Marp or Quarto") does not make the deck any one's.
      if (owner !== undefined && !owner.includes(' or ') && !meta.peerTools.includes(owner)) meta.peerTools.push(owner);
      // A key no tool has that is no slip of briefdeck's own (a Pandoc template's `headerr:`) lets the body's heading attributes say Pandoc too.
      if (owner === undefined && !writtenForAnotherTool(meta) && !askedBody) meta.peerTools.push(...(toolsOfBody?.(suggestClosest(key, Object.keys(META_SCHEMA), { byPrefix: false }) === undefined) ?? []));
      askedBody ||= owner === undefined;
      if (owner === undefined && writtenForAnotherTool(meta)) {
        // A deck written for another tool may hold any of that tool's many keys: one briefdeck does not know is a
        // warning there, so the deck builds unchanged; in a briefdeck deck it is an error, most likely a typo.
        const tools = meta.peerTools.join(' or ');
        // A mistyped key there is as likely the tool's own (`paginte` for Marp's `paginate`) as briefdeck's.
        const peerGuess = suggestClosest(key, keysOfPeerTools(meta.peerTools), { byPrefix: false });
        const hint = peerGuess !== undefined && suggestClosest(key, Object.keys(META_SCHEMA)) === undefined ? `did you mean "${peerGuess}", ${possessive(tools)} key? ${hintWithSuggestion(key, Object.keys(META_SCHEMA), 'keys')}` : hintWithSuggestion(key, Object.keys(META_SCHEMA), 'keys');
        bag.warn('W_META_IGNORED', `"${key}" is not a briefdeck key; in this ${tools} deck it is taken for ${possessive(tools)} and ignored`, { ...at, hint });
      } else if (owner === undefined) {
        bag.error('E_META', `unknown metadata key "${key}"`, { ...at, hint: hintWithSuggestion(key, Object.keys(META_SCHEMA), 'keys') });
      } else {
        warnPeerKeyLeftOut(bag, key, owner, applyFromDeck(meta, () => applyPeerKey(key, plainData(pair.value), meta, at.line)), at);
      }
      continue;
    }
    seen.add(key);
    meta.keyLines[key] = at.line;
    delete meta.keyFiles?.[key];
    const valueNode = pair.value;
    // presenterm names a built-in theme in a map (`theme: {name: dark}`); its own files (`path:`, `override:`) are not read.
    const presentermTheme = key === 'theme' && isMap(valueNode) && meta.peerTools.includes('presenterm') ? readPresentermThemeName(plainData(valueNode)) : undefined;
    if (presentermTheme === null) {
      bag.warn('W_META_IGNORED', "presenterm's own theme (path:, override:) is not read; the deck keeps briefdeck's theme", { ...at, hint: 'name one of its built-in themes (theme: name: dark), or a CSS file in the briefing folder' });
      continue;
    }
    const value = presentermTheme ?? (isScalar(valueNode) ? valueNode.value : isSeq(valueNode) ? valueNode.toJSON() : valueNode === null ? null : undefined);
    const valueAt = valueNode ? where(valueNode as never) : at;
    // Each item of a list has its own line (`sections[1]`), for a message about one item.
    if (isSeq(valueNode)) valueNode.items.forEach((item, i) => (meta.keyLines[`${key}[${i}]`] = where(item as never).line));
    if (!setSchemaValue(meta, key, value, () => plainData(valueNode), (message, hint) => bag.error('E_META', message, { ...valueAt, hint }))) {
      bag.error('E_META', `"${key}" must be ${describeType(spec.type)}${describeGiven(value)}`, { ...valueAt, hint: hintForValue(key, spec, value) });
    }
  }
  /** Where a key was set: the deck's metadata, or a project file beside it that set it before (key-source.ts). */
  const sourceOf = (key: string) => findKeySource(meta, key, { file: source.file.path, line: source.firstLine });
  meta.title = meta.peerTools.includes('presenterm') ? readPresentermTitle(meta.title) : meta.title.trim();
  // slides' `date:` is a format (`MMMM dd, YYYY`) it fills with the day it shows the deck: no date of the deck's own.
  if (meta.peerTools.includes('slides') && meta.date !== undefined && /^(?=.*(?:YY|MM|DD|dd))[YMDdHhmsaA\s,./:-]+$/.test(meta.date)) {
    bag.warn('W_META_IGNORED', `slides' date "${meta.date}" is a format it fills with the day it is shown; the deck shows no date`, { ...sourceOf('date'), hint: 'write the date the deck should show, such as date: 2020-01-01' });
    delete meta.date;
  }
  // Pandoc reads these as Markdown, so HTML in them is markup, never text (xaringan's starter deck has the subtitle
  // "⚔<br/>with xaringan"): their text is kept, a line break as a space, as the page's <title> and the footer show them too.
  if (writtenForPandoc(meta.peerTools)) {
    for (const key of ['title', 'subtitle', 'author', 'date'] as const) {
      const value = meta[key];
      if (typeof value === 'string' && /<\/?[a-z][^<>]*>/i.test(value)) meta[key] = toPlainText(value.replace(/<br\s*\/?>/gi, ' '));
    }
  }
  // Metadata shown on slides gets the same typesetting as the Markdown.
  if (meta.smartypants) {
    for (const key of ['title', 'subtitle', 'bottomLine', 'author', 'date', 'classification'] as const) {
      const value = meta[key];
      if (typeof value === 'string') meta[key] = typesetPlain(value, meta.lang);
    }
    if (meta.sections) meta.sections = meta.sections.map((s) => typesetPlain(s, meta.lang));
  }
  settleRevealPage(meta, seen.has('size'), source.file.path, bag);
  // Another tool's deck builds on a size or language it reads otherwise: Marp's themes draw `4K` (16:9, larger) and
  // others their own sizes (`A4`, a warning); a locale with an underscore (`zh_CN`) is its language tag (`zh-CN`).
  const peer = writtenForAnotherTool(meta);
  if (seen.has('size') && meta.size !== '16:9' && meta.size !== '4:3') {
    const at = { ...sourceOf('size'), hint: 'size: 16:9' };
    if (peer && !/^4k$/i.test(String(meta.size))) bag.warn('W_META_IGNORED', `"size" ${String(meta.size)} is ${possessive(meta.peerTools.join(' or '))} size; the deck is 16:9`, at);
    else if (!peer) bag.error('E_META', `"size" must be 16:9 or 4:3, not ${meta.size}`, at);
    meta.size = '16:9';
  }
  if (!LANGUAGE_TAG.test(meta.lang)) {
    const hyphened = meta.lang.replace(/_/g, '-');
    const hint = LANGUAGE_TAG.test(hyphened) ? `did you mean ${hyphened}?` : 'for example en, fr or en-GB';
    if (peer && LANGUAGE_TAG.test(hyphened)) meta.lang = hyphened;
    else {
      if (peer) bag.warn('W_META_IGNORED', `"lang" is not a language tag: ${meta.lang}; the deck's language is en`, { ...sourceOf('lang'), hint });
      else bag.error('E_META', `"lang" is not a language tag: ${meta.lang}`, { ...sourceOf('lang'), hint });
      meta.lang = 'en';
    }
  }
  if (meta.slideLevel !== undefined && meta.slideLevel !== 1 && meta.slideLevel !== 2) {
    bag.error('E_META', `"slideLevel" must be 1 or 2, not ${meta.slideLevel}`, { ...sourceOf('slideLevel'), hint: 'slideLevel: 1 makes every # heading a slide' });
    meta.slideLevel = undefined;
  }
  // A theme no tool is known to have (a Slidev theme package's own name) is the tool's in a deck whose body shows it: the body is
  // asked, as for a key no tool has; in briefdeck's own deck it stays an error.
  if (!askedBody && !writtenForAnotherTool(meta) && namesUnknownTheme(meta, themeSheets)) meta.peerTools.push(...(toolsOfBody?.() ?? []));
  settleTheme(meta, sourceOf('theme'), bag, themeSheets);
  if (meta.maxBullets !== Math.floor(meta.maxBullets)) meta.maxBullets = Math.floor(meta.maxBullets);
  return { meta, location: { file: source.file.path, line: source.firstLine } };
}

/**
 * Applies Marp's global directives written in comments (`<!-- theme: gaia -->`, `<!-- headingDivider: 2 -->`) after the
 * front matter's, as Marp does: for each directive the last one written wins. What briefdeck cannot honour is a warning at its line.
 */
export function applyMarpCommentGlobals(meta: BriefingMeta, found: readonly { key: string; value: unknown; file: string; line: number }[], bag: DiagnosticBag, themeSheets?: ReadonlyMap<string, ThemeSheet>): void {
  const last = new Map(found.map((d) => [d.key, d]));
  for (const { key, value, file, line } of last.values()) {
    const at = { file, line };
    const leftOut = (why: string) => bag.warn('W_PEER_SYNTAX', `Marp's ${key}: ${String(value)} ${why}, and was left out`, { ...at, hint: PEER_SYNTAX_HINT });
    switch (key) {
      case 'theme':
        if (typeof value !== 'string' || value.trim() === '') leftOut('names no theme');
        else {
          meta.theme = value.trim();
          settleTheme(meta, at, bag, themeSheets);
        }
        break;
      case 'size':
        if (value === '16:9' || value === '4:3') meta.size = value;
        else leftOut('is not a size briefdeck has (16:9 or 4:3)');
        break;
      case 'lang':
        if (typeof value === 'string' && LANGUAGE_TAG.test(value)) meta.lang = value;
        else leftOut('is not a language tag');
        break;
      // The window's title and the deck's author, as front matter's would be (a Marp deck makes no title slide of them).
      case 'title':
      case 'author':
        if (typeof value === 'string' && value.trim() !== '') meta[key] = meta.smartypants ? typesetPlain(value.trim(), meta.lang) : value.trim();
        break;
      case 'marp':
        break;
      default:
        warnPeerKeyLeftOut(bag, key, 'Marp', applyPeerKey(key, value, meta, line), at);
        // The deck's CSS, written in its body: placed as the front matter's is, at its own file and line.
        if (key === 'style' && meta.deckStyle) meta.deckStyle.file = file;
    }
  }
}

/**
 * yaml reports an unclosed quote where the file ends; the useful line is where
 * the quote opened: the last line before that with an odd number of quotes.
 */
function lineOfOpeningQuote(source: MetaSource, reported: number): number {
  const lines = source.yaml.split('\n');
  for (let i = Math.min(reported - source.firstLine, lines.length - 1); i >= 0; i--) {
    const text = lines[i]!;
    if ((text.match(/"/g) ?? []).length % 2 === 1 || (text.match(/'/g) ?? []).length % 2 === 1) return source.firstLine + i;
  }
  return reported;
}

/** The flow collections (`[a, b]`, `{k: v}`) opened and never closed, in the order they open, by yaml's own reading of the text. */
function listUnclosedFlows(yaml: string): { opener: string; offset: number }[] {
  const found: { opener: string; offset: number }[] = [];
  for (const token of new Parser().parse(yaml)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      const flow = item.value;
      if (flow?.type !== 'flow-collection') return;
      if (!flow.end.some((end) => end.type === 'flow-seq-end' || end.type === 'flow-map-end')) found.push({ opener: flow.start.source, offset: flow.offset });
    });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * yaml reports a `key: value` line indented under a plain value (`title: T` then `  subtitle: S`) at the value; the
 * useful line is the indented one: the first line after `reported`, within the value's indented lines, that holds a key.
 */
function lineOfIndentedKey(source: MetaSource, reported: number): number | undefined {
  const lines = source.yaml.split('\n');
  for (let i = reported - source.firstLine + 1; i < lines.length && /^[ \t]/.test(lines[i]!); i++) {
    if (/:(?:[ \t]|$)/.test(lines[i]!)) return source.firstLine + i;
  }
  return undefined;
}

function describeType(type: string): string {
  return type === 'string[]' ? 'a list of strings' : type === 'number' ? 'a positive number' : type === 'boolean' ? 'true or false' : `a ${type}`;
}

/** The value given, for the message: a short scalar as written (`, not yes`), else nothing. */
function describeGiven(value: unknown): string {
  return (typeof value === 'string' || typeof value === 'number') && String(value).length <= 40 ? `, not ${String(value)}` : '';
}

/** YAML 1.1's words for true and false, which YAML 1.2 (and so briefdeck) reads as text: `yes` meant true. */
const YAML11_BOOLEANS: Record<string, boolean> = { yes: true, y: true, on: true, no: false, n: false, off: false };

/** The hint for a value of the wrong type: for a boolean written as yes, no, on or off, the true or false it meant. */
function hintForValue(key: string, spec: { type: string; doc: string }, value: unknown): string {
  const meant = spec.type === 'boolean' && typeof value === 'string' ? YAML11_BOOLEANS[value.trim().toLowerCase()] : undefined;
  return meant === undefined ? `${key}: ${spec.doc}` : `did you mean ${key}: ${meant}? (${spec.doc})`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Warns of another tool's key briefdeck read none of (`applied` false) or part of (the options it left out); nothing when it read all of it. */
export function warnPeerKeyLeftOut(bag: DiagnosticBag, key: string, owner: string, applied: boolean | string[], at: { file: string; line?: number }): void {
  if (applied === true) return;
  const whose = possessive(owner);
  const what = applied === false ? 'ignores it' : `reads part of it and ignores ${applied.join(', ')}`;
  bag.warn('W_META_IGNORED', `"${key}" is ${whose} metadata; briefdeck ${what}`, { ...at, hint: `remove it, or keep it for the deck to stay usable in ${owner}` });
}
