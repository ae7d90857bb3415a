import * as assert from 'node:assert/strict';
import { compareTexts } from '../../../src/core/diff/compare';
import { escapeHtml, renderDiffHtml } from '../../../src/core/diff/htmlReport';
import { renderDiffText } from '../../../src/core/diff/textReport';

const H = '编号,资金,类型,金额,备注\n';
const OLD = H + 'T1,FD-PAIRED,目标,4320000.00,\nA1,FD-PAIRED,拨付,4320000.00,\n';
const HOSTILE = '<img src=x onerror=alert(1)></script>\u001b[31m\u202e';

describe('diff reports', () => {
  it('states the fund-total effect with target status', () => {
    const c = compareTexts('old', OLD, 'new', OLD + 'A2,FD-PAIRED,拨付,300000.00,\n');
    assert.deepEqual(
      c.funds.map((f) => f.message.en),
      [
        'FD-PAIRED allocated total 4,320,000.00 → 4,620,000.00 (+300,000.00), now over its 4,320,000.00 target',
      ],
    );
    assert.equal(c.funds[0]?.statusBefore, 'within');
    assert.equal(c.funds[0]?.statusAfter, 'over');
  });

  it('lists no fund effect when only a note changed', () => {
    const c = compareTexts('old', OLD, 'new', OLD.replace('4320000.00,\n', '4320000.00,ok\n'));
    assert.deepEqual(c.funds, []);
    assert.equal(c.diff.stats.cellsChanged, 1);
  });

  it('escapes hostile cell, header and file-name text in HTML', () => {
    const c = compareTexts(
      `a${HOSTILE}`,
      OLD,
      'b',
      OLD.replace('4320000.00,\n', `4320000.00,"${HOSTILE}"\n`),
    );
    const html = renderDiffHtml([c], {});
    assert.ok(!html.includes('<img'), 'no markup from data');
    assert.ok(!html.includes('</script>'));
    assert.ok(html.includes(escapeHtml('<img src=x onerror=alert(1)>')));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.ok(!/<script/i.test(html), 'the report has no script at all');
  });

  it('prints control and bidi characters escaped in the terminal report', () => {
    const c = compareTexts(
      'old',
      OLD,
      'new',
      OLD.replace('4320000.00,\n', `4320000.00,"${HOSTILE}"\n`),
    );
    const text = renderDiffText(c.diff, c.funds, { oldName: 'old', newName: 'new', color: false });
    assert.ok(!text.includes('\u001b'), 'no raw ESC');
    assert.ok(!text.includes('\u202e'), 'no raw RLO');
    assert.ok(text.includes('\\u001b[31m'));
    const colored = renderDiffText(c.diff, c.funds, { oldName: 'o', newName: 'n', color: true });
    assert.ok(colored.includes('\u001b[33m'), 'colour codes only from the renderer');
  });
});
