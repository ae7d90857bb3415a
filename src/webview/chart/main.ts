// Entry of the allocation chart webview. The extension sends the core's aggregation; this lays it out
// as SVG marks and a table, and reports clicks, unit/scope switches and exports back.
import { toCsv } from '../../core/csv/tsv';
import type {
  ChartModel,
  ChartScopeKind,
  ChartToWebview,
  ChartUnitChoice,
} from '../../shared/protocol';
import { layoutChart } from './chartLayout';
import { serializeSvg, svgToPngBase64 } from './exportImage';
import { translator, type Translate } from './format';
import type { Hit } from './marks';
import { SvgPatcher } from './svgPatch';
import { buildTable, tableCells } from './tableModel';
import { renderTable } from './tableView';
import { buildToolbar, type Toolbar } from './toolbar';
import { loadState, post, saveState, type ChartViewState } from './vscodeApi';
import { buildDefs } from './patterns';

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Live {
  t: Translate;
  unit: ChartUnitChoice;
  model: ChartModel;
  toolbar: Toolbar;
}

const state: ChartViewState = loadState();
let live: Live | null = null;
let frame = 0;

const root = document.createElement('main');
root.className = 'chart-root';
const chartBox = document.createElement('div');
chartBox.className = 'chart-box';
const svg = document.createElementNS(SVG_NS, 'svg');
svg.setAttribute('role', 'img');
svg.classList.add('chart');
const layer = document.createElementNS(SVG_NS, 'g');
svg.append(buildDefs(), layer);
chartBox.append(svg);
const tableBox = document.createElement('section');
tableBox.className = 'table-box';
const table = document.createElement('table');
table.className = 'numbers';
tableBox.append(table);
const announce = document.createElement('div');
announce.className = 'sr-only';
announce.setAttribute('aria-live', 'polite');
// A slow update (a million-row ledger) says so instead of showing nothing or stale numbers silently.
const busy = document.createElement('p');
busy.className = 'chart-busy';
busy.setAttribute('role', 'status');
busy.hidden = true;
const skipped = document.createElement('ul');
skipped.className = 'skipped';
root.append(busy, chartBox, skipped, tableBox, announce);
document.body.append(root);
const patcher = new SvgPatcher(svg, layer);

function persist(): void {
  saveState(state);
}

function reveal(hit: Hit): void {
  post({ type: 'chartReveal', key: hit.bar, part: hit.part, drill: state.drill });
}

/** Everything is recomputed from the model and drawn in one frame, so an update never shows half a chart. */
function schedule(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    draw();
  });
}

function draw(): void {
  if (!live) return;
  const { t, unit, model } = live;
  const view = { model, unit, drill: state.drill, scope: state.scope, width: chartBox.clientWidth };
  const layout = layoutChart(view, t);
  patcher.patch(layout);
  svg.setAttribute('aria-label', `${t('Allocation vs targets')} — ${model.title}`);
  const tm = buildTable(model, { unit, drill: state.drill, scope: state.scope, grouping: true }, t);
  renderTable(table, tm, t('Allocation vs targets (table)'), t, reveal);
  skipped.replaceChildren(
    ...model.skipped.map((s) => {
      const li = document.createElement('li');
      li.textContent = `${s.file}: ${s.reason}`;
      return li;
    }),
  );
  live.toolbar.sync({ scope: state.scope, drill: state.drill, unit });
}

async function exportAs(format: 'svg' | 'png' | 'csv'): Promise<void> {
  if (!live) return;
  if (format === 'csv') {
    const tm = buildTable(
      live.model,
      { unit: live.unit, drill: state.drill, scope: state.scope, grouping: false },
      live.t,
    );
    post({ type: 'chartSave', format, data: toCsv(tableCells(tm)) });
    return;
  }
  const text = serializeSvg(svg);
  if (format === 'svg') {
    post({ type: 'chartSave', format, data: text });
    return;
  }
  const w = Number(svg.getAttribute('width'));
  const h = Number(svg.getAttribute('height'));
  post({ type: 'chartSave', format, data: await svgToPngBase64(text, w, h) });
}

function setScope(scope: ChartScopeKind): void {
  if (scope === state.scope) return;
  post({ type: 'chartSetScope', scope });
}

window.addEventListener('message', (event: MessageEvent<ChartToWebview>) => {
  const m = event.data;
  if (m.type !== 'chartUnit') {
    busy.hidden = m.type !== 'chartBusy' || m.text === null;
    busy.textContent = m.type === 'chartBusy' ? (m.text ?? '') : '';
  }
  switch (m.type) {
    case 'chartInit': {
      const t = translator(m.strings);
      document.documentElement.lang = m.language === 'zh' ? 'zh-CN' : 'en';
      const toolbar =
        live?.toolbar ??
        buildToolbar(t, {
          scope: setScope,
          drill: (d) => {
            state.drill = d;
            persist();
            schedule();
          },
          unit: (u) => post({ type: 'chartSetUnit', unit: u }),
          export: (f) => void exportAs(f),
        });
      if (!live) root.prepend(toolbar.element);
      live = { t, unit: m.unit, model: m.model, toolbar };
      state.scope = m.scope;
      state.uri = m.uri;
      persist();
      draw();
      window.scrollTo(0, state.scrollTop);
      break;
    }
    case 'chartModel':
      if (!live) return;
      live.model = m.model;
      state.scope = m.scope;
      state.uri = m.uri;
      persist();
      announce.textContent = live.t('Chart updated');
      schedule();
      break;
    case 'chartUnit':
      if (!live) return;
      live.unit = m.unit;
      schedule();
      break;
  }
});

svg.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-bar]') : null;
  if (!target) return;
  reveal({
    bar: target.getAttribute('data-bar') ?? '',
    part: target.getAttribute('data-part') || null,
  });
});

new ResizeObserver(() => schedule()).observe(chartBox);
// Theme switches change the --vscode-* variables; CSS recolours by itself, but high-contrast themes
// also change stroke widths, so redraw to keep geometry and colours in step.
new MutationObserver(() => schedule()).observe(document.body, {
  attributes: true,
  attributeFilter: ['class'],
});
let scrollTimer = 0;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    state.scrollTop = window.scrollY;
    persist();
  }, 200);
});

post({ type: 'chartReady' });
