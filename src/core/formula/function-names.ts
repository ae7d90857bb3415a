/** Every function a formula may call; anything else is #NAME?. Kept apart so the tokenizer and AST check share it. */
export const FUNCTION_NAMES: ReadonlySet<string> = new Set([
  'SUM',
  'SUMIF',
  'SUMIFS',
  'AVERAGE',
  'MIN',
  'MAX',
  'COUNT',
  'COUNTIF',
  'ROUND',
  'ABS',
  'IF',
  'IFERROR',
  'AND',
  'OR',
  'NOT',
]);
