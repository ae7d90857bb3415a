// Drag the right edge of a column letter to resize that column; double-click it to reset.
import type { GridView } from './gridView';
import { DEFAULT_WIDTH } from './layout';

export function enableColumnResize(view: GridView, onResized: () => void): void {
  view.head.addEventListener('pointerdown', (e) => {
    const handle =
      e.target instanceof HTMLElement && e.target.classList.contains('resizer') ? e.target : null;
    const col = Number(handle?.parentElement?.dataset['col']);
    if (!handle || !Number.isInteger(col)) return;
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const startWidth = view.layout.width(col);
    handle.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent): void => {
      view.layout.setWidth(col, startWidth + ev.clientX - startX);
      view.schedule();
    };
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      onResized();
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  view.head.addEventListener('dblclick', (e) => {
    if (!(e.target instanceof HTMLElement) || !e.target.classList.contains('resizer')) return;
    const col = Number(e.target.parentElement?.dataset['col']);
    if (!Number.isInteger(col)) return;
    view.layout.setWidth(col, DEFAULT_WIDTH);
    view.schedule();
    onResized();
  });
}
