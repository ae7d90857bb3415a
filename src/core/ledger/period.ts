/** An inclusive span of ISO dates (`YYYY-MM-DD`), compared as strings. */
export interface Period {
  /** As written in the 期间 cell. */
  readonly text: string;
  readonly start: string;
  readonly end: string;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** `YYYY-MM-DD` in ASCII digits (not checked for a real day; parseDate does that). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Reads a date cell: `2024-03-15`, `2024/3/15`, `2024.3.15`, `2024年3月15日` (what Excel and WPS
 * write on Chinese systems). Returns ISO `YYYY-MM-DD`, or undefined for anything else or an impossible day.
 */
export function parseDate(text: string): string | undefined {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/.exec(t);
  if (!m) return undefined;
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  return iso(Number(m[1]), month, day);
}

/** One end of a period: a year, quarter, month or day, as a [first day, last day] span. */
function parseSpan(text: string): [string, string] | undefined {
  const t = text.trim();
  let m = /^(\d{4})年?$/.exec(t);
  if (m) {
    const y = Number(m[1]);
    const a = iso(y, 1, 1);
    const b = iso(y, 12, 31);
    return a && b ? [a, b] : undefined;
  }
  m = /^(\d{4})(?:-?q|年第?)([1-4])(?:季度?)?$/i.exec(t);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const a = iso(y, q * 3 - 2, 1);
    const b = iso(y, q * 3, daysInMonth(y, q * 3));
    return a && b ? [a, b] : undefined;
  }
  m = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月)$/.exec(t);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2] ?? m[3]);
    const a = iso(y, mo, 1);
    const b = mo >= 1 && mo <= 12 ? iso(y, mo, daysInMonth(y, mo)) : undefined;
    return a && b ? [a, b] : undefined;
  }
  const d = parseDate(t);
  return d ? [d, d] : undefined;
}

/** Range separators people type: `..`, `~`, full-width `～`, `至`, and the dashes `—`/`–` (not `-`, which dates use). */
const RANGE_SEPARATOR = /\.\.|~|至|—|–/;

/**
 * Reads a 期间 cell: `2024`, `2024Q1`, `2024-03`, `2023..2025`, `2023-01-01..2025-12-31`,
 * `2023~2025`, `2023至2025`. Returns undefined when it is not one of those or when it ends before it starts.
 */
export function parsePeriod(text: string): Period | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  const parts = t.split(RANGE_SEPARATOR);
  if (parts.length > 2) return undefined;
  const first = parseSpan(parts[0] ?? '');
  const last = parts.length === 2 ? parseSpan(parts[1] ?? '') : first;
  if (!first || !last) return undefined;
  if (last[1] < first[0]) return undefined;
  return { text, start: first[0], end: last[1] };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (UTC, so no time-zone shifts). */
export function dayNumber(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dateFromDayNumber(day: number): string {
  const dt = new Date(day * DAY_MS);
  return `${dt.getUTCFullYear()}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}`;
}

export function todayIso(): string {
  return dateFromDayNumber(Math.floor(Date.now() / DAY_MS));
}
