import { statSync } from 'node:fs';
import path from 'node:path';
import type { BriefingMeta, LoadedBriefing } from './model.js';

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

/** SOURCE_DATE_EPOCH, the reproducible-builds convention: seconds since the epoch, or undefined when unset or not a number. */
export function readSourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? Number(epoch) : undefined;
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
