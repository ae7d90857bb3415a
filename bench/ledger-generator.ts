// Generated ledgers for the benchmarks: five funds with yearly targets, allocation entries of about
// 130 bytes with Chinese text, a formula 小计 every 50 entries and a formula 合计 per fund, all
// exact so the file validates clean.
const LONG_FUNDS = [
  '奉节县教育教学质量建设资金',
  '对口帮扶援助资金',
  '丰都县教育基金',
  '教师培训经费',
  '引进毕业生住房补贴',
];
const SHORT_FUNDS = ['质量资金', '帮扶资金', '教育基金', '培训经费', '住房补贴'];
const CATS = [
  '教书育人成果奖',
  '教学质量抽测',
  '学科名师教育科研',
  '名师工作室',
  '教师研修共同体',
  '培优保优',
];
const BLOCK = 50;

/**
 * Yields the file in chunks of about 1 MB: `rows` data rows in all (targets, entries, subtotals,
 * totals). Typed 小计/合计 are still checked to the fen.
 */
export interface GeneratorOptions {
  /** 小计 as `=SUM(Gi:Gj)` (default) or typed. */
  subtotalFormulas?: boolean;
  /** 合计 as a whole-column `=SUMIFS(G:G,…)` (default) or typed. */
  totalFormulas?: boolean;
  /** Entries per 小计 (default 50): 100 gives about 1,000 formulas in 100k rows. */
  block?: number;
  /**
   * About 70 bytes per entry (no 摘要 or 备注) instead of about 140, like the issue's "50 MB is
   * roughly 700k rows": 500k rows then stay under the 50 MB VS Code hands to an extension.
   */
  lean?: boolean;
}

export function* generateLedger(rows: number, opts: GeneratorOptions = {}): Generator<string> {
  const subtotalFormulas = opts.subtotalFormulas ?? true;
  const totalFormulas = opts.totalFormulas ?? true;
  const blockSize = opts.block ?? BLOCK;
  const FUNDS = opts.lean ? SHORT_FUNDS : LONG_FUNDS;
  let out = '\ufeff编号,日期,资金,类别,类型,摘要,金额,上限,期间,备注\r\n';
  let line = 1;
  const emit = (s: string): void => {
    out += s + '\r\n';
    line++;
  };
  FUNDS.forEach((f, i) =>
    emit(`T${i + 1},2024-01-01,${f},,目标,${f}年度目标,1,999999999999.99,2024,`),
  );
  const subtotals: string[][] = FUNDS.map(() => []);
  const fundFen: bigint[] = FUNDS.map(() => 0n);
  const entries = rows - FUNDS.length * 2;
  let n = 0;
  let block = 0;
  while (n < entries) {
    const fi = block % FUNDS.length;
    const fund = FUNDS[fi] as string;
    const first = line + 1;
    const count = Math.min(blockSize, entries - n - 1);
    if (count <= 0) break;
    let blockFen = 0n;
    for (let k = 0; k < count; k++, n++) {
      const day = String((n % 28) + 1).padStart(2, '0');
      const month = String(((n >> 5) % 12) + 1).padStart(2, '0');
      const cat = CATS[n % CATS.length] as string;
      const amount = `${(n * 7919) % 100000}.${String(n % 100).padStart(2, '0')}`;
      blockFen += BigInt(((n * 7919) % 100000) * 100 + (n % 100));
      const desc = opts.lean
        ? ''
        : n % 9 === 0
          ? `"县一中 ""名师"" 设备,第${n % 9}批"`
          : `第${n % 97}号拨付凭证及附件`;
      emit(
        `E${n},2024-${month}-${day},${fund},${cat},拨付,${desc},${amount},,,${opts.lean ? '' : `按县教育局文件第${n % 31}号执行`}`,
      );
    }
    const id = `S${block}`;
    const typed = `${blockFen / 100n}.${String(blockFen % 100n).padStart(2, '0')}`;
    emit(
      `${id},,${fund},,小计,${fund}小计,${subtotalFormulas ? `=SUM(G${first}:G${line})` : typed},,,`,
    );
    fundFen[fi] = (fundFen[fi] ?? 0n) + blockFen;
    (subtotals[fi] as string[]).push(`{${id}}`);
    n++;
    block++;
    if (out.length > 1 << 20) {
      yield out;
      out = '';
    }
  }
  FUNDS.forEach((f, i) => {
    const parts = subtotals[i] as string[];
    // Whole-column SUMIFS skips 小计/合计 rows, so it totals exactly this fund's entries.
    const sum = `"=SUMIFS(G:G,C:C,""${f}"",E:E,""拨付"")"`;
    const fen = fundFen[i] ?? 0n;
    const typed = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
    emit(`A${i + 1},,${f},,合计,${f}合计,${parts.length > 0 && totalFormulas ? sum : typed},,,`);
  });
  yield out;
}
