// Fill down shifts a formula's relative references by the rows it moves, like a spreadsheet:
// `=F2*G2` filled one row down becomes `=F3*G3`; `$F$2`, strings and `{ID}` references stay put.

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(])/y;

export function shiftFormula(formula: string, dRow: number): string {
  if (!formula.startsWith('=') || dRow === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const c = formula[i] ?? '';
    if (c === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '{') {
      const end = formula.indexOf('}', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const prev = i > 0 ? (formula[i - 1] ?? '') : '';
    if (!/[\w.$]/.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const [whole, colAbs = '', letters = '', rowAbs = '', digits = ''] = m;
        const row = Number(digits);
        const shifted = rowAbs ? row : row + dRow;
        // A reference moved above row 1 cannot exist; spreadsheets show #REF! for it.
        out += shifted < 1 ? '#REF!' : `${colAbs}${letters}${rowAbs}${shifted}`;
        i += whole.length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}
