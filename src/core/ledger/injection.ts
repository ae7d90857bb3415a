// Text that Excel or WPS would run as a formula when the CSV is opened there ("CSV injection").
// Checked in text columns only; money columns hold our own formulas and are checked by the engine,
// so a negative amount such as -100.00 is never flagged.

/** First characters that make Excel/WPS treat a cell as a formula (ASCII and full-width forms). */
const TRIGGERS = new Set([
  0x3d, // =
  0x2b, // +
  0x40, // @
  0x09, // tab
  0x0d, // CR
  0xff1d, // ＝
  0xff0b, // ＋
  0xff20, // ＠
]);

/** Payloads that are dangerous wherever they appear after a trigger or a minus sign. */
const PAYLOAD =
  /\|\s*'|cmd\s*\||\bmsexcel\s*\||\bhyperlink\s*\(|\bwebservice\s*\(|\bimportxml\s*\(/i;

export type InjectionKind = 'formula-trigger' | 'dde';

/**
 * Why a text cell is dangerous, or undefined when it is not. Leading spaces are skipped because
 * Excel skips them too. A leading `-` is only flagged with a payload (`-2+3+cmd|' /C calc'!A0`),
 * since `- 备注` style text is common and harmless.
 */
export function injectionRisk(value: string): InjectionKind | undefined {
  if (value === '') return undefined;
  let i = 0;
  const n = value.length;
  let c = value.charCodeAt(0);
  while ((c === 0x20 || c === 0x3000) && i + 1 < n) c = value.charCodeAt(++i);
  if (TRIGGERS.has(c)) return PAYLOAD.test(value) ? 'dde' : 'formula-trigger';
  if ((c === 0x2d || c === 0xff0d) && PAYLOAD.test(value)) return 'dde';
  return undefined;
}

/** A payload in a money-column formula is flagged as well: Excel would run it on open. */
export function hasDdePayload(value: string): boolean {
  return PAYLOAD.test(value);
}
