// The one handle the webview has on VS Code: typed messages out, persisted view state in and out.
import type { FromWebview, GridUnitChoice } from '../../shared/protocol';
import { vscodeHandle } from '../shared/vscodeHandle';

/** What survives the tab being hidden and shown (no retainContextWhenHidden). */
export interface GridViewState {
  scrollTop: number;
  scrollLeft: number;
  row: number;
  col: number;
  anchorRow: number;
  anchorCol: number;
  columnWidths: number[];
  displayUnit: GridUnitChoice | null;
}

const api = vscodeHandle<FromWebview, GridViewState>();

export function post(message: FromWebview): void {
  api.post(message);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function loadState(): Partial<GridViewState> {
  const raw = api.rawState();
  if (typeof raw !== 'object' || raw === null) return {};
  const s = raw as Record<string, unknown>;
  const out: Partial<GridViewState> = {};
  for (const key of ['scrollTop', 'scrollLeft', 'row', 'col', 'anchorRow', 'anchorCol'] as const) {
    const v = s[key];
    if (isNumber(v)) out[key] = v;
  }
  const widths = s['columnWidths'];
  if (Array.isArray(widths)) out.columnWidths = widths.filter(isNumber);
  const unit = s['displayUnit'];
  if (unit === 'asDeclared' || unit === '元' || unit === '万元' || unit === '亿元') {
    out.displayUnit = unit;
  }
  return out;
}

export function saveState(state: GridViewState): void {
  api.saveState(state);
}
