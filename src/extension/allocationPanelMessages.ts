// Messages from the chart webview are untrusted: each is checked field by field before the panel acts.
import type { ChartDrill, ChartFromWebview, ChartUnitChoice } from '../shared/protocol';

const UNIT_CHOICES: readonly ChartUnitChoice[] = ['asDeclared', '元', '万元', '亿元'];

export function isUnitChoice(value: unknown): value is ChartUnitChoice {
  return UNIT_CHOICES.some((u) => u === value);
}

/** Exports are at most a few MB; anything far larger is not from our webview. */
export const MAX_EXPORT_CHARS = 64_000_000;
const MAX_KEY_CHARS = 10_000;

const DRILLS: readonly ChartDrill[] = ['none', 'category', 'year', 'quarter'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKey(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_KEY_CHARS;
}

/** Narrows an unknown posted value to a chart message, or undefined when it is not a valid one. */
export function parseChartMessage(raw: unknown): ChartFromWebview | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw['type']) {
    case 'chartReady':
      return { type: 'chartReady' };
    case 'chartSetUnit':
      return isUnitChoice(raw['unit']) ? { type: 'chartSetUnit', unit: raw['unit'] } : undefined;
    case 'chartSetScope': {
      const scope = raw['scope'];
      return scope === 'file' || scope === 'workspace'
        ? { type: 'chartSetScope', scope }
        : undefined;
    }
    case 'chartReveal': {
      const { key, part, drill } = raw;
      const d = DRILLS.find((x) => x === drill);
      if (!isKey(key) || !(part === null || isKey(part)) || d === undefined) return undefined;
      return { type: 'chartReveal', key, part, drill: d };
    }
    case 'chartSave': {
      const { format, data } = raw;
      if (format !== 'svg' && format !== 'png' && format !== 'csv') return undefined;
      if (typeof data !== 'string' || data.length > MAX_EXPORT_CHARS) return undefined;
      if (format === 'png' && !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return undefined;
      return { type: 'chartSave', format, data };
    }
    default:
      return undefined;
  }
}
