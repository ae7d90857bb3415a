// The whole chart as one SVG (so the export is one file): heading, one bullet block per target,
// then the pace charts of the targets that have a period.
import type {
  ChartDrill,
  ChartModel,
  ChartScopeKind,
  ChartUnitChoice,
} from '../../shared/protocol';
import { layoutBar } from './barLayout';
import { BLOCK_GAP, columns } from './columns';
import type { Translate } from './format';
import { fitText, type Layout, type Mark } from './marks';
import { paceLegend } from './paceAxis';
import { layoutPace } from './paceLayout';

export interface ChartView {
  model: ChartModel;
  unit: ChartUnitChoice;
  drill: ChartDrill;
  scope: ChartScopeKind;
  /** Available width in CSS pixels; narrower panels get horizontal scrolling rather than overlap. */
  width: number;
}

export const MIN_WIDTH = 480;

export function layoutChart(view: ChartView, t: Translate): Layout {
  const width = Math.max(MIN_WIDTH, Math.floor(view.width));
  const cols = columns(width);
  const marks: Mark[] = [];
  const { model, unit } = view;
  const heading = `${t('Allocation vs targets')} — ${model.title}`;
  marks.push({
    kind: 'text',
    key: 'heading',
    cls: 'heading',
    x: cols.left,
    y: 24,
    anchor: 'start',
    text: fitText(heading, width - 24, 16),
    title: heading,
  });
  const sub = `${t('As of {0}', model.asOf)} · ${unit === 'asDeclared' ? t('Amounts in each target’s own unit') : t('Amounts in {0}', unit)}`;
  marks.push({
    kind: 'text',
    key: 'subheading',
    cls: 'muted',
    x: cols.left,
    y: 44,
    anchor: 'start',
    text: sub,
  });
  let y = 60;
  if (model.bars.length === 0) {
    marks.push({
      kind: 'text',
      key: 'empty',
      cls: 'empty',
      x: cols.left,
      y: y + 24,
      anchor: 'start',
      text: t('No targets or entries found.'),
    });
    return { width, height: y + 48, marks };
  }
  let file: string | null = null;
  for (const bar of model.bars) {
    if (view.scope === 'workspace' && bar.file !== file) {
      file = bar.file;
      marks.push({
        kind: 'text',
        key: `file/${file}`,
        cls: 'file-heading',
        x: cols.left,
        y: y + 20,
        anchor: 'start',
        text: fitText(file, width - 24, 12),
        title: file,
      });
      y += 28;
    }
    y += layoutBar(marks, bar, y, cols, unit, view.drill, t) + BLOCK_GAP;
  }
  const paced = model.bars.filter((b) => b.pace !== null && b.targetMin !== null);
  if (paced.length > 0) {
    y += 10;
    marks.push({
      kind: 'text',
      key: 'pace-heading',
      cls: 'section-heading',
      x: cols.left,
      y: y + 18,
      anchor: 'start',
      text: t('Pace against plan'),
    });
    paceLegend(marks, cols.left, y + 42, t);
    y += 56;
    for (const bar of paced)
      if (bar.pace) y += layoutPace(marks, bar, bar.pace, y, cols, unit, t) + BLOCK_GAP;
  }
  return { width, height: y + 8, marks };
}
