// The in-cell editor, <input class="cell-editor">, doubles as the grid's keyboard focus. While the user
// navigates it sits invisible over the active cell; the first typed character or an IME composition
// (pinyin) turns it into the visible editor in place, so no keystroke is lost. Enter commits and moves
// down, Tab commits and moves right, Esc cancels. Copy and paste events also arrive here.
import type { CellRef } from './selection';

export interface EditorHost {
  /** Where the input goes and where it sits, in that container's coordinates. */
  place(cell: CellRef): {
    container: HTMLElement;
    left: number;
    top: number;
    width: number;
    height: number;
  };
  /** The cell the editor would edit now (the active cell), or null when the grid is read-only. */
  target(): CellRef | null;
  /** `value` is null when the text was not changed (the move still happens). */
  commit(cell: CellRef, value: string | null, move: { dRow: number; dCol: number }): void;
  cancel(): void;
  /** Mirror the typed text into the formula bar. */
  input(value: string): void;
  /** A key while navigating (not editing). */
  navigate(e: KeyboardEvent): void;
}

export class CellEditor {
  readonly input = document.createElement('input');
  private cell: CellRef | null = null;
  private original = '';

  constructor(private readonly host: EditorHost) {
    this.input.className = 'cell-editor';
    this.input.type = 'text';
    this.input.spellcheck = false;
    this.input.autocomplete = 'off';
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('compositionstart', () => this.beginFromTyping());
    this.input.addEventListener('input', () => {
      if (!this.cell) this.beginFromTyping();
      this.host.input(this.input.value);
    });
    this.input.addEventListener('blur', () => {
      // Clicking elsewhere keeps what was typed, as spreadsheets do.
      if (this.cell) this.finish({ dRow: 0, dCol: 0 }, false);
    });
  }

  get editing(): CellRef | null {
    return this.cell;
  }

  /** Put the (invisible) focus input over the active cell, so typing starts there. */
  park(cell: CellRef, focus: boolean): void {
    if (this.cell) return;
    this.position(cell);
    this.input.value = '';
    if (focus) this.input.focus({ preventScroll: true });
  }

  /** Start editing (F2, double-click): the existing raw text, caret at the end. */
  open(cell: CellRef, value: string): void {
    this.cell = cell;
    this.original = value;
    this.position(cell);
    this.input.classList.add('editing');
    this.input.value = value;
    this.input.focus({ preventScroll: true });
    this.input.setSelectionRange(value.length, value.length);
    this.host.input(value);
  }

  /** Commit with a move; `refocus` false when focus is already going elsewhere (blur). */
  finish(move: { dRow: number; dCol: number }, refocus = true): void {
    const cell = this.cell;
    if (!cell) return;
    const value = this.input.value;
    const original = this.original;
    this.close();
    this.host.commit(cell, value === original ? null : value, move);
    if (refocus) this.input.focus({ preventScroll: true });
  }

  cancel(): void {
    if (!this.cell) return;
    this.close();
    this.host.cancel();
  }

  private beginFromTyping(): void {
    if (this.cell) return;
    const target = this.host.target();
    if (!target) {
      this.input.value = '';
      return;
    }
    // Typing replaces the cell's content, as in Excel; the original is what the file holds.
    this.cell = target;
    this.original = '\u0000';
    this.input.classList.add('editing');
  }

  private close(): void {
    this.cell = null;
    this.input.classList.remove('editing');
    this.input.value = '';
  }

  private position(cell: CellRef): void {
    const spot = this.host.place(cell);
    const s = this.input.style;
    s.transform = `translate(${spot.left}px, ${spot.top}px)`;
    s.width = `${Math.max(spot.width, 60)}px`;
    s.height = `${spot.height}px`;
    if (this.input.parentElement !== spot.container) {
      const focused = document.activeElement === this.input;
      spot.container.appendChild(this.input);
      if (focused) this.input.focus({ preventScroll: true });
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.cell) {
      this.host.navigate(e);
      return;
    }
    if (e.isComposing) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      this.finish({ dRow: e.shiftKey ? -1 : 1, dCol: 0 });
    } else if (e.key === 'Tab') {
      e.preventDefault();
      this.finish({ dRow: 0, dCol: e.shiftKey ? -1 : 1 });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.cancel();
    }
    // Arrows, Home and End act on the text being edited, not on the grid. Undo and redo while editing
    // belong to the text in the input: kept from VS Code's webview host, which would undo the document.
    if ((e.ctrlKey || e.metaKey) && ['z', 'y'].includes(e.key.toLowerCase())) e.stopPropagation();
  }
}
