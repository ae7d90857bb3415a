// Every English source string the chart shows must have a 简体中文 entry: a missing key would show
// English in the middle of a Chinese chart. The strings are found where they are used.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = process.cwd();
const sources = [
  ...fs
    .readdirSync(path.join(root, 'src/webview/chart'))
    .map((f) => path.join('src/webview/chart', f)),
  ...fs
    .readdirSync(path.join(root, 'src/extension'))
    .filter((f) => f.startsWith('allocationPanel'))
    .map((f) => path.join('src/extension', f)),
];

/** `t('…')`, `l10n.t('…')` and the status/measure/legend tables written as `'…'` pairs after a key. */
function usedStrings(): Set<string> {
  const found = new Set<string>();
  for (const file of sources) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)+)'/g)) found.add(m[1] ?? '');
    for (const m of text.matchAll(
      /^\s+(?:under|within|over|'no-target'|raised|allocated|spent): '([^']+)',$/gm,
    ))
      found.add(m[1] ?? '');
  }
  return found;
}

describe('chart localisation', () => {
  it('has a 简体中文 translation for every string it shows', () => {
    const zh = JSON.parse(
      fs.readFileSync(path.join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'),
    ) as Record<string, string>;
    const used = usedStrings();
    assert.ok(used.size > 40, `found ${used.size} strings`);
    const missing = [...used].filter((s) => /\p{L}/u.test(s) && !(s in zh));
    assert.deepEqual(missing, []);
  });
});
