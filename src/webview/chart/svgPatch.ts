// Applies a Layout to a live <svg> by key: elements that stay are updated in place, new ones are
// inserted, stale ones removed, all in one synchronous pass inside one animation frame, so an update
// never blanks the chart. Every piece of user text goes in through text nodes, never markup.
import type { Layout, Mark } from './marks';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string>;

function attrsOf(m: Mark): Attrs {
  const base: Attrs = { class: m.cls, 'data-key': m.key };
  if (m.hit) {
    base['data-bar'] = m.hit.bar;
    base['data-part'] = m.hit.part ?? '';
    base['class'] = `${m.cls} hit`;
  }
  switch (m.kind) {
    case 'rect':
      return { ...base, x: String(m.x), y: String(m.y), width: String(m.w), height: String(m.h) };
    case 'line':
      return { ...base, x1: String(m.x1), y1: String(m.y1), x2: String(m.x2), y2: String(m.y2) };
    case 'text':
      return { ...base, x: String(m.x), y: String(m.y), 'text-anchor': m.anchor };
    case 'path':
      return { ...base, d: m.d };
  }
}

interface Applied {
  attrs: Attrs;
  text: Text | null;
  title: SVGTitleElement | null;
}

export class SvgPatcher {
  private readonly byKey = new Map<string, SVGElement>();
  private readonly applied = new WeakMap<SVGElement, Applied>();

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly layer: SVGGElement,
  ) {}

  patch(layout: Layout): void {
    this.setAttr(this.svg, 'width', String(layout.width));
    this.setAttr(this.svg, 'height', String(layout.height));
    this.setAttr(this.svg, 'viewBox', `0 0 ${layout.width} ${layout.height}`);
    const seen = new Set<string>();
    let cursor: ChildNode | null = this.layer.firstChild;
    for (const m of layout.marks) {
      if (seen.has(m.key)) continue;
      seen.add(m.key);
      let el = this.byKey.get(m.key);
      if (el && el.localName !== m.kind) {
        if (el === cursor) cursor = cursor.nextSibling;
        el.remove();
        el = undefined;
      }
      if (!el) {
        el = document.createElementNS(SVG_NS, m.kind);
        this.byKey.set(m.key, el);
      }
      this.apply(el, m);
      if (el === cursor) cursor = cursor.nextSibling;
      else this.layer.insertBefore(el, cursor);
    }
    for (const [key, el] of this.byKey) {
      if (!seen.has(key)) {
        el.remove();
        this.byKey.delete(key);
      }
    }
  }

  /** Number of live mark elements (tests and the bench check that updates reuse them). */
  get size(): number {
    return this.byKey.size;
  }

  private setAttr(el: Element, name: string, value: string): void {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  private apply(el: SVGElement, m: Mark): void {
    const prev = this.applied.get(el) ?? { attrs: {}, text: null, title: null };
    const attrs = attrsOf(m);
    for (const [name, value] of Object.entries(attrs)) {
      if (prev.attrs[name] !== value) el.setAttribute(name, value);
    }
    for (const name of Object.keys(prev.attrs)) if (!(name in attrs)) el.removeAttribute(name);
    if (m.kind === 'text') {
      if (!prev.text) {
        prev.text = document.createTextNode(m.text);
        el.insertBefore(prev.text, el.firstChild);
      } else if (prev.text.data !== m.text) prev.text.data = m.text;
    }
    if (m.title !== undefined) {
      if (!prev.title) {
        prev.title = document.createElementNS(SVG_NS, 'title');
        el.appendChild(prev.title);
      }
      if (prev.title.textContent !== m.title) prev.title.textContent = m.title;
    } else if (prev.title) {
      prev.title.remove();
      prev.title = null;
    }
    this.applied.set(el, { attrs, text: prev.text, title: prev.title });
  }
}
