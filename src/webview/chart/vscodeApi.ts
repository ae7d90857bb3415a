// The chart's handle on VS Code: typed messages out, and the view state that must survive the panel
// being hidden (getState) and a window reload (the serializer hands the same state back).
import type { ChartDrill, ChartFromWebview, ChartScopeKind } from '../../shared/protocol';
import { vscodeHandle } from '../shared/vscodeHandle';

export interface ChartViewState {
  scope: ChartScopeKind;
  /** Ledger URI in file scope, read by the panel serializer after a reload. */
  uri: string | null;
  drill: ChartDrill;
  /** Scroll position of the page, restored after the panel is shown again. */
  scrollTop: number;
}

const api = vscodeHandle<ChartFromWebview, ChartViewState>();

export function post(message: ChartFromWebview): void {
  api.post(message);
}

const DRILLS: readonly ChartDrill[] = ['none', 'category', 'year', 'quarter'];

/** Reads persisted state defensively: it may come from an older version of the view. */
export function loadState(): ChartViewState {
  const raw = api.rawState();
  const s = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const drill = DRILLS.find((d) => d === s['drill']) ?? 'none';
  const scope = s['scope'] === 'workspace' ? 'workspace' : 'file';
  const uri = typeof s['uri'] === 'string' ? s['uri'] : null;
  const top = s['scrollTop'];
  return {
    scope,
    uri,
    drill,
    scrollTop: typeof top === 'number' && Number.isFinite(top) ? top : 0,
  };
}

export function saveState(state: ChartViewState): void {
  api.saveState(state);
}
