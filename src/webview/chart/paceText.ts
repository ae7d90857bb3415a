// The words of a pace verdict, shared by the pace chart and the table.
import type { ChartPace } from '../../shared/protocol';
import type { Translate } from './format';

/** The warning and projection lines shown beside the plot and in the table. */
export function paceVerdict(pace: ChartPace, t: Translate): { text: string; cls: string } {
  if (pace.reachedOn !== null) return { text: `✓ ${t('Target reached')}`, cls: 'pace-ok' };
  if (pace.behind) return { text: `⚠ ${t('Behind plan')}`, cls: 'pace-behind' };
  return { text: `✓ ${t('On pace')}`, cls: 'pace-ok' };
}

/** The projection as a short label and a date, for the chart's narrow label column. */
export function projectionLines(pace: ChartPace, t: Translate): [string, string] {
  if (pace.reachedOn !== null) return [t('Reached on'), pace.reachedOn];
  if (pace.projectedCompletion === null) return [t('No projection yet'), ''];
  return [t('Projected finish'), pace.projectedCompletion];
}

export function projectionText(pace: ChartPace, t: Translate): string {
  if (pace.reachedOn !== null) return t('Target reached on {0}', pace.reachedOn);
  if (pace.projectedCompletion === null) return t('No projection yet: nothing counted');
  return t('Projected completion: {0}', pace.projectedCompletion);
}
