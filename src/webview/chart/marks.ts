// The chart as plain data: layout functions return marks, the renderer turns them into SVG elements.
// Keeping layout pure lets node tests check geometry, and lets the renderer patch by key (no flicker).

/** What a click on a mark reveals in the grid: a bar, or one drill-down part of it. */
export interface Hit {
  bar: string;
  part: string | null;
}

interface MarkBase {
  /** Unique in one layout and stable across updates of the same data, so the SVG is patched in place. */
  key: string;
  /** Space-separated CSS classes from media/chart.css; colours come only from there. */
  cls: string;
  /** Tooltip, rendered as an SVG <title> text node. */
  title?: string;
  hit?: Hit;
}

export interface RectMark extends MarkBase {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LineMark extends MarkBase {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface TextMark extends MarkBase {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface PathMark extends MarkBase {
  kind: 'path';
  d: string;
}

export type Mark = RectMark | LineMark | TextMark | PathMark;

export interface Layout {
  width: number;
  height: number;
  marks: Mark[];
}

/** Rounds pixel geometry so serialised SVG stays short and diffs stay stable. */
export function px(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Estimated rendered width: CJK and full-width characters take about 1em, the rest about 0.6em.
 * Layout runs without a DOM (tests, bench), so it cannot measure.
 */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    em += c >= 0x1100 && (c <= 0x115f || c >= 0x2e80) ? 1 : 0.6;
  }
  return em * fontPx;
}

/** Cuts `text` with an ellipsis so it fits `maxPx`; the caller keeps the full text in a tooltip. */
export function fitText(text: string, maxPx: number, fontPx: number): string {
  if (textWidth(text, fontPx) <= maxPx) return text;
  const chars = Array.from(text);
  let out = '';
  for (const ch of chars) {
    if (textWidth(out + ch + '…', fontPx) > maxPx) break;
    out += ch;
  }
  return out + '…';
}
