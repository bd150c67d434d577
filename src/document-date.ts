import { statSync } from 'node:fs';
import path from 'node:path';
import type { BriefingMeta, LoadedBriefing } from './model.js';
import { failure } from './errors.js';

/**
 * The date an exported document (PDF, PowerPoint) carries: SOURCE_DATE_EPOCH
 * when set, else the briefing's own `date:` when it reads as one, else none,
 * so the same input always gives the same bytes.
 */
export function documentDate(meta: Pick<BriefingMeta, 'date'>, sourceDateEpoch: number | undefined): Date | undefined {
  if (sourceDateEpoch !== undefined) return new Date(sourceDateEpoch * 1000);
  const text = meta.date;
  if (!text) return undefined;
  const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : `${text} UTC`);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

/** The last second a document's date can name: 9999-12-31T23:59:59Z, the last a four-digit year writes. */
const LAST_EPOCH_SECOND = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH, the reproducible-builds convention: seconds since the epoch, or undefined when unset or empty.
 * Anything else is a usage error, as the convention asks: a build that quietly took today's date would not be reproducible.
 */
export function readSourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch) return undefined;
  if (/^\d+$/.test(epoch) && Number(epoch) <= LAST_EPOCH_SECOND) return Number(epoch);
  throw failure('E_USAGE', `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, up to the year 9999, not ${JSON.stringify(epoch.slice(0, 40))}`, {
    hint: 'set it to the time of the last change, for example SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it',
  });
}

/** The day a build is made (YYYY-MM-DD, UTC): SOURCE_DATE_EPOCH's when set, so a reproducible build stays so, else today's. */
export function buildDay(env: NodeJS.ProcessEnv = process.env): string {
  const seconds = readSourceDateEpoch(env) ?? Date.now() / 1000;
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/**
 * The day the file holding a briefing's metadata was last changed (YYYY-MM-DD, UTC), for Quarto's
 * `date: last-modified`: SOURCE_DATE_EPOCH's day when set, as for `today`, so a reproducible build stays so.
 */
export function lastModifiedDay(loaded: Pick<LoadedBriefing, 'root' | 'metaFile' | 'markdownFiles'>, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const epoch = readSourceDateEpoch(env);
  if (epoch !== undefined) return new Date(epoch * 1000).toISOString().slice(0, 10);
  const holder = loaded.metaFile ?? loaded.markdownFiles[0];
  if (!holder) return undefined;
  try {
    return statSync(path.join(loaded.root, holder.relPath)).mtime.toISOString().slice(0, 10);
  } catch {
    return undefined;
  }
}
