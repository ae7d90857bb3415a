// Scope, drill-down, unit and export controls. Built once after `chartInit` (labels are localised
// strings from the extension) and then only their pressed/selected state is updated.
import type { ChartDrill, ChartScopeKind, ChartUnitChoice } from '../../shared/protocol';
import type { Translate } from './format';

export interface ToolbarHandlers {
  scope(scope: ChartScopeKind): void;
  drill(drill: ChartDrill): void;
  unit(unit: ChartUnitChoice): void;
  export(format: 'svg' | 'png' | 'csv'): void;
}

export interface Toolbar {
  element: HTMLElement;
  sync(state: { scope: ChartScopeKind; drill: ChartDrill; unit: ChartUnitChoice }): void;
}

function button(text: string, cls: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function group(label: string, ...children: HTMLElement[]): HTMLElement {
  const g = document.createElement('div');
  g.className = 'tool-group';
  g.setAttribute('role', 'group');
  g.setAttribute('aria-label', label);
  const caption = document.createElement('span');
  caption.className = 'tool-caption';
  caption.textContent = label;
  g.append(caption, ...children);
  return g;
}

export function buildToolbar(t: Translate, on: ToolbarHandlers): Toolbar {
  const bar = document.createElement('div');
  bar.className = 'toolbar';
  bar.setAttribute('role', 'toolbar');

  const scopes: [ChartScopeKind, HTMLButtonElement][] = [
    ['file', button(t('This ledger'), 'seg', () => on.scope('file'))],
    ['workspace', button(t('Workspace'), 'seg', () => on.scope('workspace'))],
  ];

  const select = document.createElement('select');
  select.className = 'drill';
  select.setAttribute('aria-label', t('Drill down'));
  const drills: [ChartDrill, string][] = [
    ['none', t('Funds only')],
    ['category', t('By category')],
    ['year', t('By year')],
    ['quarter', t('By quarter')],
  ];
  for (const [value, label] of drills) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.append(o);
  }
  select.addEventListener('change', () => {
    const d = drills.find(([v]) => v === select.value);
    if (d) on.drill(d[0]);
  });

  const units: [ChartUnitChoice, HTMLButtonElement][] = (
    ['asDeclared', '元', '万元', '亿元'] as const
  ).map((u) => [
    u,
    button(u === 'asDeclared' ? t('As declared') : u, 'seg unit', () => on.unit(u)),
  ]);

  bar.append(
    group(t('Scope'), ...scopes.map(([, b]) => b)),
    group(t('Drill down'), select),
    group(t('Unit'), ...units.map(([, b]) => b)),
    group(
      t('Export'),
      button('SVG', 'export', () => on.export('svg')),
      button('PNG', 'export', () => on.export('png')),
      button('CSV', 'export', () => on.export('csv')),
    ),
  );

  return {
    element: bar,
    sync(state) {
      for (const [s, b] of scopes) b.setAttribute('aria-pressed', String(s === state.scope));
      for (const [u, b] of units) b.setAttribute('aria-pressed', String(u === state.unit));
      if (select.value !== state.drill) select.value = state.drill;
    },
  };
}
