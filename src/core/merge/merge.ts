import { dominantNewline, quoteField, scanCsv, type CsvTable } from '../csv';
import { alignGrids } from '../diff/align';
import { gridFromTable } from '../diff/grid';
import { planColumns, type ColumnPlan, type ResultColumn } from './columnPlan';
import { buildRefMaps, type RefMaps } from './refMaps';
import { planRows, type ResultRow } from './rowPlan';
import { remapFormula } from './formulaRefs';
import { formatConflict, ROW_DELETED } from './markers';
import type { MergeConflict, MergeNote, MergeResult } from './types';

interface Inputs {
  readonly base: CsvTable;
  readonly ours: CsvTable;
  readonly theirs: CsvTable;
  readonly plan: ColumnPlan;
  readonly maps: RefMaps;
  readonly header: readonly string[];
  readonly idCol: number;
  /** Base and theirs have the same header: equal row text then means equal values. */
  readonly theirsSameLayout: boolean;
}

/**
 * Three-way, cell-level merge of ledgers (rules in docs/diff-merge.md). Rows and columns are
 * matched base↔ours and base↔theirs exactly as the diff matches them; each cell then takes the side
 * that changed it, a cell both sides changed differently becomes a conflict cell, and ours' bytes are
 * kept for every row the merge leaves alone, so the merged file differs from ours only where theirs
 * brought something in.
 */
export function mergeLedgers(baseText: string, oursText: string, theirsText: string): MergeResult {
  const base = scanCsv(baseText);
  const ours = scanCsv(oursText);
  const theirs = scanCsv(theirsText);
  const gb = gridFromTable(base);
  const aO = alignGrids(gb, gridFromTable(ours));
  const aT = alignGrids(gb, gridFromTable(theirs));
  const plan = planColumns(aO, aT);
  const rows = planRows(aO, aT);
  const maps = buildRefMaps(rows, plan.cols, { base, ours, theirs });
  const header = plan.cols.map((c) => headerName(c, aO.newHeader, aT.newHeader, aO.oldHeader));
  const idCol = plan.cols.findIndex((c) => c.ours === aO.newIdCol && c.ours >= 0);
  const inp: Inputs = {
    base,
    ours,
    theirs,
    plan,
    maps,
    header,
    idCol,
    theirsSameLayout: aT.sameLayout,
  };

  const conflicts: MergeConflict[] = [];
  const notes: MergeNote[] = plan.dropped.map((d) => ({
    code: 'FL-MERGE-COLUMN-DROPPED',
    severity: 'warning' as const,
    message: {
      en: `column "${d.name}" was deleted by ${d.side} although the other side edited ${d.editedCells} row(s) in it`,
      zh: `列“${d.name}”被${d.side === 'ours' ? '我方' : '对方'}删除，但另一方修改了其中 ${d.editedCells} 行`,
    },
  }));
  const eol = dominantNewline(ours);
  const parts: string[] = [];
  let keptFromOurs = 0;
  let takenFromTheirs = 0;
  let adjustedFormulas = 0;
  rows.forEach((r, at) => {
    const fast = fastOursRow(inp, r);
    if (fast !== undefined) {
      keptFromOurs++;
      parts.push(fast, r.ours >= 0 ? ours.lineEnding(r.ours) : '');
      return;
    }
    const built = mergeRow(inp, r, at, conflicts, notes);
    adjustedFormulas += built.adjusted;
    if (built.fromTheirs) takenFromTheirs++;
    else keptFromOurs++;
    parts.push(built.text, r.ours >= 0 ? ours.lineEnding(r.ours) : '');
  });
  // Ours decides the final newline; an empty ours (a file both sides created) defers to theirs.
  const trailing = ours.rowCount > 0 ? ours.hasTrailingNewline : theirs.hasTrailingNewline;
  for (let k = 1; k < parts.length; k += 2) {
    if (k === parts.length - 1) parts[k] = trailing ? parts[k] || eol : '';
    else if (parts[k] === '') parts[k] = eol;
  }
  return {
    text: (ours.hasBom || (ours.rowCount === 0 && theirs.hasBom) ? '\ufeff' : '') + parts.join(''),
    conflicts,
    notes,
    stats: {
      rows: rows.length,
      keptFromOurs,
      takenFromTheirs,
      cellConflicts: conflicts.filter((c) => c.kind === 'cell').length,
      rowConflicts: conflicts.filter((c) => c.kind !== 'cell').length,
      adjustedFormulas,
    },
  };
}

function headerName(
  c: ResultColumn,
  oursHeader: readonly string[],
  theirsHeader: readonly string[],
  baseHeader: readonly string[],
): string {
  const o = c.ours >= 0 ? oursHeader[c.ours] : undefined;
  const t = c.theirs >= 0 ? theirsHeader[c.theirs] : undefined;
  const b = c.base >= 0 ? baseHeader[c.base] : undefined;
  if (o !== undefined && (o !== b || t === undefined)) return o;
  return t ?? o ?? '';
}

/** Ours' row text when the merge takes nothing from theirs for it and no formula in it must move. */
function fastOursRow(inp: Inputs, r: ResultRow): string | undefined {
  if (r.ours < 0 || r.theirs < 0 || r.base < 0 || !inp.plan.sameAsOurs) return undefined;
  const { base, ours, theirs } = inp;
  const text = ours.text.slice(ours.rowStart(r.ours), ours.rowEnd(r.ours));
  if (!inp.maps.identity.ours && text.includes('=')) return undefined;
  const bt = base.text.slice(base.rowStart(r.base), base.rowEnd(r.base));
  const tt = theirs.text.slice(theirs.rowStart(r.theirs), theirs.rowEnd(r.theirs));
  return bt === tt && inp.theirsSameLayout ? text : undefined;
}

type Side = 'base' | 'ours' | 'theirs';

function mergeRow(
  inp: Inputs,
  r: ResultRow,
  at: number,
  conflicts: MergeConflict[],
  notes: MergeNote[],
): { text: string; fromTheirs: boolean; adjusted: number } {
  const { plan, maps } = inp;
  const raw = (side: Side, col: number): string | undefined => {
    const table = inp[side];
    const row = r[side];
    if (row < 0 || col < 0 || col >= table.cellCount(row)) return undefined;
    return table.text.slice(table.cellStart(row, col), table.cellEnd(row, col));
  };
  const value = (side: Side, col: number): string =>
    r[side] < 0 || col < 0 ? '' : inp[side].cellValue(r[side], col);
  const mapped = (side: Side, v: string, c: number, report: boolean): string => {
    if (!v.startsWith('=') || maps.identity[side]) return v;
    const m = remapFormula(v, maps[side]);
    if (report)
      for (const ref of m.lost)
        notes.push({
          code: 'FL-MERGE-FORMULA-REF-DELETED',
          severity: 'warning',
          row: at,
          col: c,
          message: {
            en: `formula ${v} refers to ${ref}, which the merge deleted; left as written`,
            zh: `公式 ${v} 引用的 ${ref} 已在合并中删除，保持原样`,
          },
        });
    return m.text;
  };

  const cells: string[] = [];
  let fromTheirs = r.ours < 0;
  let adjusted = 0;
  let width = 0;
  plan.cols.forEach((c, k) => {
    const vb = r.base >= 0 && c.base >= 0 ? value('base', c.base) : '';
    const hasO = r.ours >= 0 && c.ours >= 0;
    const hasT = r.theirs >= 0 && c.theirs >= 0;
    const vo = hasO ? value('ours', c.ours) : '';
    const vt = hasT ? value('theirs', c.theirs) : '';
    let v: string;
    let source: Side = 'ours';
    if (r.ours >= 0 && r.theirs >= 0 && hasO && hasT) {
      const mb = mapped('base', vb, k, false);
      const mo = mapped('ours', vo, k, false);
      const mt = mapped('theirs', vt, k, false);
      if (mo === mt || mt === mb) v = mo;
      else if (mo === mb) {
        v = mt;
        source = 'theirs';
      } else {
        v = formatConflict({ ours: mo, base: mb, theirs: mt });
        source = 'base';
        conflicts.push(conflict('cell', inp, r, at, k, mo, mb, mt));
      }
      if (source !== 'base') mapped(source, source === 'ours' ? vo : vt, k, true);
    } else if (hasO || (r.ours >= 0 && !hasT)) {
      v = mapped('ours', vo, k, true);
    } else {
      v = mapped('theirs', vt, k, true);
      source = 'theirs';
    }
    if (source === 'theirs' && v !== vb) fromTheirs = true;
    const original = source === 'ours' ? vo : vt;
    if (source !== 'base' && v !== original) {
      adjusted++;
      notes.push({
        code: 'FL-MERGE-FORMULA-ADJUSTED',
        severity: 'info',
        row: at,
        col: k,
        message: {
          en: `formula ${original} became ${v}: rows or columns it refers to moved in the merge`,
          zh: `公式 ${original} 改为 ${v}：其引用的行或列在合并中移动了`,
        },
      });
    }
    const rawCell =
      source !== 'base' && v === original
        ? raw(source, source === 'ours' ? c.ours : c.theirs)
        : undefined;
    cells.push(rawCell ?? quoteField(v));
    if (rawCell !== undefined || v !== '') width = k + 1;
  });

  if (r.deletedBy) {
    markDeletedRow(inp, r, at, cells, conflicts);
    width = Math.max(width, 1);
  }
  const primary: Side = r.ours >= 0 ? 'ours' : 'theirs';
  const extras = extraCells(inp[primary], r[primary]);
  const text = cells
    .slice(0, extras.length > 0 ? cells.length : width)
    .concat(extras)
    .join(',');
  return { text, fromTheirs, adjusted };
}

/** A row one side deleted and the other edited: kept, with its first cell holding the conflict. */
function markDeletedRow(
  inp: Inputs,
  r: ResultRow,
  at: number,
  cells: string[],
  conflicts: MergeConflict[],
): void {
  const c = inp.plan.cols[0];
  if (!c) return;
  const cell = (side: Side, col: number): string =>
    r[side] >= 0 && col >= 0 ? inp[side].cellValue(r[side], col) : '';
  const base = cell('base', c.base);
  const v =
    r.deletedBy === 'ours'
      ? { ours: ROW_DELETED, base, theirs: cell('theirs', c.theirs) }
      : { ours: cell('ours', c.ours), base, theirs: ROW_DELETED };
  cells[0] = quoteField(formatConflict(v));
  const kind = r.deletedBy === 'ours' ? 'deleted-by-ours' : 'deleted-by-theirs';
  conflicts.push(conflict(kind, inp, r, at, 0, v.ours, v.base, v.theirs));
}

function conflict(
  kind: MergeConflict['kind'],
  inp: Inputs,
  r: ResultRow,
  at: number,
  col: number,
  ours: string,
  base: string,
  theirs: string,
): MergeConflict {
  const c = inp.plan.cols[inp.idCol];
  const id =
    c === undefined
      ? ''
      : r.ours >= 0 && c.ours >= 0
        ? inp.ours.cellValue(r.ours, c.ours)
        : r.theirs >= 0 && c.theirs >= 0
          ? inp.theirs.cellValue(r.theirs, c.theirs)
          : '';
  return { kind, row: at, col, id, column: inp.header[col] ?? '', ours, base, theirs };
}

/** Raw cells past the header's width in a ragged row: kept as they are, never dropped. */
function extraCells(table: CsvTable, row: number): string[] {
  const out: string[] = [];
  if (row < 0 || table.rowCount === 0) return out;
  for (let c = table.cellCount(0); c < table.cellCount(row); c++)
    out.push(table.text.slice(table.cellStart(row, c), table.cellEnd(row, c)));
  return out;
}
