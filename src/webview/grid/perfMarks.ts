// Timing marks on the webview's performance timeline, read by `npm run bench -- workbench`
// (bench/workbench-grid.bench.ts). Users never see them; each name is cleared before it is set again,
// so the timeline holds at most one entry per name however long the grid stays open.
export const perfMark = {
  /** The script has built the shell and asks the extension for the text. */
  ready: 'fundLedger.ready',
  /** The first `init` message arrived (before anything is scanned); a big text's first lines come first. */
  init: 'fundLedger.init',
  /** The whole text arrived, after a preview `init` of its first lines. */
  wholeText: 'fundLedger.wholeText',
  /** The first screen with data rows is in the DOM; set in the frame that paints it. */
  firstRows: 'fundLedger.firstRows',
  /** The whole text is scanned and every formula evaluated; set in the frame that paints that. */
  interactive: 'fundLedger.interactive',
  /** An `update` (a document change) arrived. */
  update: 'fundLedger.update',
  /** That update is applied and recalculated; the repaint is scheduled for the next frame. */
  recalculated: 'fundLedger.recalculated',
  /** Validation problems arrived (the extension host has finished checking the text). */
  problems: 'fundLedger.problems',
} as const;

export function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/** Marks at the start of the next frame: after a render scheduled earlier, before its paint. */
export function markNextFrame(name: string): void {
  requestAnimationFrame(() => mark(name));
}
