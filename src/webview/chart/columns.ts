// Horizontal layout shared by the bullet and pace charts: label column, plot area, share/status column.
import { fitText, type Hit, type Mark } from './marks';

export interface Columns {
  /** Left edge of the label column. */
  left: number;
  labelWidth: number;
  /** Plot area for bars, in pixels. */
  x0: number;
  x1: number;
  /** Start of the right-hand share/status column. */
  right: number;
  /** A panel beside the grid: narrower columns, and long lines start at the left edge. */
  narrow: boolean;
}

export function columns(width: number): Columns {
  const left = 12;
  const narrow = width < 760;
  const labelWidth = narrow
    ? Math.max(110, Math.min(180, Math.round(width * 0.24)))
    : Math.max(150, Math.min(260, Math.round(width * 0.26)));
  const rightWidth = narrow ? 112 : 150;
  const x0 = left + labelWidth + 12;
  const right = width - rightWidth;
  return { left, labelWidth, x0, x1: Math.max(x0 + 80, right - 16), right, narrow };
}

export const FUND_ROW = 86;
export const PART_ROW = 24;
export const BLOCK_GAP = 14;

/** The rule above a fund's section and its (fitted) name, alike in the bullet and pace charts. */
export function sectionHead(
  k: string,
  cols: Columns,
  top: number,
  nameY: number,
  name: string,
  hit: Hit,
): Mark[] {
  return [
    {
      kind: 'line',
      key: `${k}/rule`,
      cls: 'rule',
      x1: cols.left,
      y1: top,
      x2: cols.right + 140,
      y2: top,
    },
    {
      kind: 'text',
      key: `${k}/name`,
      cls: 'fund-name',
      x: cols.left,
      y: nameY,
      anchor: 'start',
      text: fitText(name, cols.labelWidth, 13),
      title: name,
      hit,
    },
  ];
}
