import * as assert from 'node:assert/strict';
import { pickLanguage } from '../../src/core/diagnostics';

describe('pickLanguage', () => {
  it('chooses Chinese for zh locales and English otherwise', () => {
    const m = { en: 'Total does not add up', zh: '合计不符' };
    assert.equal(pickLanguage(m, 'zh-CN'), '合计不符');
    assert.equal(pickLanguage(m, 'en-US'), 'Total does not add up');
  });
});
