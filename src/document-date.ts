import type { BriefingMeta } from './model.js';

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
