import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { formatRow, scanCsv } from '../../../src/core/csv';
import { mergeLedgers } from '../../../src/core/merge/merge';
import { runs } from '../csv/arbitraries';

const HEADER = ['编号', '资金', '金额', '备注'];
const value = fc.constantFrom(
  '',
  'a',
  '1.00',
  '-5',
  '教育',
  'x,y',
  'say "hi"',
  'two\nlines',
  ' sp ',
);

type Row = string[];
type Op =
  | { kind: 'set'; at: number; col: number; value: string }
  | { kind: 'delete'; at: number }
  | { kind: 'insert'; at: number; values: string[] };

const op = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    col: fc.integer({ min: 1, max: 3 }),
    value,
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    values: fc.array(value, { minLength: 3, maxLength: 3 }),
  }),
);

const baseRows = fc
  .array(fc.array(value, { minLength: 3, maxLength: 3 }), { maxLength: 8 })
  .map((rows) => rows.map((r, i) => [`R${i + 1}`, ...r]));

/** Without an id column (`code` is no id alias) rows are matched by content instead. */
const NO_ID_HEADER = ['code', '资金', '金额', '备注'];

function text(rows: readonly Row[], eol: string, header = HEADER): string {
  return [header, ...rows].map(formatRow).join(eol) + eol;
}

function rowsOf(t: string): Row[] {
  const table = scanCsv(t);
  assert.deepEqual(table.errors, [], 'the merge result parses');
  return Array.from({ length: table.rowCount - 1 }, (_, r) => table.rowValues(r + 1));
}

/**
 * Applies ops to the rows a side owns (`mine`: base ids this side may edit or delete), so two sides
 * never touch the same base row; inserted rows get ids with the side's prefix.
 */
function apply(
  base: readonly Row[],
  ops: readonly Op[],
  mine: (id: string) => boolean,
  prefix: string,
) {
  const rows = base.map((r) => [...r]);
  let fresh = 0;
  for (const o of ops) {
    const owned = rows.map((r, i) => [r, i] as const).filter(([r]) => mine(r[0] ?? ''));
    if (o.kind === 'insert') {
      rows.splice(o.at % (rows.length + 1), 0, [`${prefix}${++fresh}`, ...o.values]);
      continue;
    }
    if (owned.length === 0) continue;
    const [row, i] = owned[o.at % owned.length] as readonly [Row, number];
    if (o.kind === 'delete') rows.splice(i, 1);
    else row[o.col] = o.value;
  }
  return rows;
}

const byId = (rows: readonly Row[]) => new Map(rows.map((r) => [r[0] ?? '', r]));

describe('mergeLedgers properties', () => {
  it('keeps ours byte for byte when theirs is the base', () => {
    fc.assert(
      fc.property(
        baseRows,
        fc.array(op, { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        (b, ops, eol) => {
          const ours = text(
            apply(b, ops, () => true, 'O'),
            eol,
          );
          assert.equal(mergeLedgers(text(b, eol), ours, text(b, eol)).text, ours);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('gives theirs (values and order) when ours is the base', () => {
    fc.assert(
      fc.property(baseRows, fc.array(op, { maxLength: 6 }), (b, ops) => {
        const theirs = apply(b, ops, () => true, 'T');
        const m = mergeLedgers(text(b, '\n'), text(b, '\n'), text(theirs, '\n'));
        assert.deepEqual(m.conflicts, []);
        assert.deepEqual(rowsOf(m.text), theirs);
      }),
      { numRuns: runs(300) },
    );
  });

  it('without an id column: ours kept byte for byte, and theirs taken whole when ours is the base', () => {
    fc.assert(
      fc.property(baseRows, fc.array(op, { maxLength: 6 }), (b, ops) => {
        const changed = text(
          apply(b, ops, () => true, 'X'),
          '\n',
          NO_ID_HEADER,
        );
        const base = text(b, '\n', NO_ID_HEADER);
        assert.equal(mergeLedgers(base, changed, base).text, changed);
        const m = mergeLedgers(base, base, changed);
        assert.deepEqual(m.conflicts, []);
        assert.equal(m.text, changed);
      }),
      { numRuns: runs(300) },
    );
  });

  it('merges changes to disjoint rows cleanly, keeping every change of both sides', () => {
    fc.assert(
      fc.property(
        baseRows,
        fc.array(op, { maxLength: 6 }),
        fc.array(op, { maxLength: 6 }),
        (b, oursOps, theirsOps) => {
          const even = (id: string) => Number(id.slice(1)) % 2 === 0;
          const ours = apply(b, oursOps, even, 'O');
          const theirs = apply(b, theirsOps, (id) => !even(id), 'T');
          const m = mergeLedgers(text(b, '\n'), text(ours, '\n'), text(theirs, '\n'));
          assert.deepEqual(m.conflicts, []);
          const merged = byId(rowsOf(m.text));
          const expected = new Map<string, Row>();
          for (const r of ours)
            if (!r[0]?.startsWith('R') || even(r[0])) expected.set(r[0] ?? '', r);
          for (const r of theirs)
            if (!r[0]?.startsWith('R') || !even(r[0])) expected.set(r[0] ?? '', r);
          assert.deepEqual(new Map([...merged].sort()), new Map([...expected].sort()));
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
