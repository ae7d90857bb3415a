import { deleteRows, editCell, type CsvTable, type TextEdit } from '../csv';
import { resolveSchema } from '../ledger/schema';
import type { ConflictSides } from './types';
import { mayHoldConflict, parseConflict, ROW_DELETED } from './markers';

/** A conflict cell found in a merged ledger. */
export interface ConflictCell extends ConflictSides {
  /** Which side deleted the row, for a delete/edit conflict; choosing that side deletes the row. */
  readonly rowDeletedBy: 'ours' | 'theirs' | null;
}

/** Every conflict cell of a table (cells written by `fund-ledger merge`). */
export function findConflicts(table: CsvTable): ConflictCell[] {
  const out: ConflictCell[] = [];
  const header = table.rowCount > 0 ? table.rowValues(0) : [];
  const idCol = resolveSchema(header).columns.get('id') ?? -1;
  for (let r = 0; r < table.rowCount; r++) {
    if (!mayHoldConflict(table.text.slice(table.rowStart(r), table.rowEnd(r)))) continue;
    for (let c = 0; c < table.cellCount(r); c++) {
      const v = parseConflict(table.cellValue(r, c));
      if (!v) continue;
      const rowDeletedBy =
        c === 0 && v.ours === ROW_DELETED
          ? 'ours'
          : c === 0 && v.theirs === ROW_DELETED
            ? 'theirs'
            : null;
      const idText = idCol >= 0 && idCol !== c ? table.cellValue(r, idCol) : '';
      const id =
        rowDeletedBy && idCol === 0 ? (rowDeletedBy === 'ours' ? v.theirs : v.ours) : idText;
      out.push({ row: r, col: c, id, column: header[c] ?? '', ...v, rowDeletedBy });
    }
  }
  return out;
}

/** The user's decision for one conflict cell: a value, or deleting the row (delete/edit conflicts). */
export interface ConflictChoice {
  readonly row: number;
  readonly col: number;
  readonly value: string;
  readonly deleteRow: boolean;
}

/**
 * Minimal edits applying the choices, sorted by position and non-overlapping: one replacement per
 * chosen cell, one deletion per deleted row (a row's other choices are dropped with it). A choice for
 * a cell that holds no conflict is ignored, so a stale or forged choice cannot touch other data.
 */
export function resolutionEdits(table: CsvTable, choices: readonly ConflictChoice[]): TextEdit[] {
  const open = new Set(findConflicts(table).map((c) => `${c.row}:${c.col}`));
  const deleted = new Set<number>();
  for (const ch of choices)
    if (ch.deleteRow && open.has(`${ch.row}:${ch.col}`)) deleted.add(ch.row);
  const edits: TextEdit[] = [];
  // Runs of neighbouring rows go in one deletion, so no two edits touch the same terminator.
  const rows = [...deleted].sort((a, b) => a - b);
  for (let i = 0; i < rows.length;) {
    let j = i + 1;
    while (j < rows.length && rows[j] === (rows[j - 1] as number) + 1) j++;
    edits.push(deleteRows(table, rows[i] as number, j - i));
    i = j;
  }
  const seen = new Set<string>();
  for (const ch of choices) {
    const key = `${ch.row}:${ch.col}`;
    if (ch.deleteRow || deleted.has(ch.row) || !open.has(key) || seen.has(key)) continue;
    seen.add(key);
    edits.push(editCell(table, ch.row, ch.col, ch.value));
  }
  return edits.sort((a, b) => a.start - b.start);
}
