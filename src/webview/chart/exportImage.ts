// Export of the live chart. The on-screen SVG is coloured by CSS classes and --vscode-* variables,
// which a saved file does not have, so the copy gets the computed colours as presentation attributes.
// PNG: the serialised SVG is drawn on a canvas from a data: URL (allowed by `img-src data:`; no blob:
// and no relaxing of script or style sources is needed).

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Computed properties copied onto each exported element; enough for rects, lines, paths and text. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
] as const;

function inline(source: Element, copy: Element): void {
  const style = getComputedStyle(source);
  for (const p of PROPS) {
    const v = style.getPropertyValue(p);
    if (v !== '') copy.setAttribute(p, v);
  }
  copy.removeAttribute('class');
  for (const a of Array.from(copy.attributes))
    if (a.name.startsWith('data-')) copy.removeAttribute(a.name);
  const from = Array.from(source.children);
  const to = Array.from(copy.children);
  from.forEach((child, i) => {
    const c = to[i];
    if (c && child.localName !== 'title') inline(child, c);
  });
}

/** A standalone SVG document of the chart, on the theme's editor background. */
export function serializeSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inline(svg, copy);
  copy.setAttribute('xmlns', SVG_NS);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#ffffff');
  copy.insertBefore(bg, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** PNG bytes (base64) of a serialised SVG at `scale` × its CSS size, for crisp output on print. */
export async function svgToPngBase64(
  svgText: string,
  width: number,
  height: number,
  scale = 2,
): Promise<string> {
  const img = new Image();
  img.width = width;
  img.height = height;
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  const url = canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}
