// The one handle the webview has on VS Code: typed messages out, persisted view state in and out.
import type { FromWebview, GridUnitChoice } from '../../shared/protocol';

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

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: GridViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: FromWebview): void {
  api.postMessage(message);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function loadState(): Partial<GridViewState> {
  const raw = api.getState();
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
  api.setState(state);
}
