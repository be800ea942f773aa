import type { ConstructionPeriod, YearMonth } from './project';

const POINT = /(\d{4})\s*年?(?:\s*(\d{1,2})\s*月)?/g;

/**
 * Reads a 建设周期 such as "2023年3月-2024年12月", "2023-2025年" or "2024年": the first date is the
 * start, the last the end; one date is both. Null when the text has no year.
 */
export function parseConstructionPeriod(text: string): ConstructionPeriod | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const points: YearMonth[] = [];
  for (const m of trimmed.matchAll(POINT)) {
    const year = Number(m[1]);
    if (year < 2000 || year > 2100) continue;
    const month = m[2] ? Number(m[2]) : undefined;
    points.push(month && month >= 1 && month <= 12 ? { year, month } : { year });
  }
  if (!points.length) return { text: trimmed, start: null, end: null };
  return { text: trimmed, start: points[0], end: points[points.length - 1] };
}
