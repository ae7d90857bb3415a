// Fill patterns that make status and target bands readable without colour: an over-target bar is
// striped, a target band is hatched. Colours still come from CSS classes (media/chart.css).
const SVG_NS = 'http://www.w3.org/2000/svg';

function el(name: string, attrs: Record<string, string>): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function hatch(id: string, bgClass: string, lineClass: string, size: number): SVGElement {
  const p = el('pattern', {
    id,
    width: String(size),
    height: String(size),
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  });
  p.append(
    el('rect', { class: bgClass, width: String(size), height: String(size) }),
    el('line', { class: lineClass, x1: '0', y1: '0', x2: '0', y2: String(size) }),
  );
  return p;
}

export function buildDefs(): SVGElement {
  const defs = el('defs', {});
  defs.append(
    hatch('fl-band', 'band-bg', 'band-line', 6),
    hatch('fl-over', 'over-bg', 'over-line', 5),
  );
  return defs;
}
