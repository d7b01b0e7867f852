// Plots drawn in plain SVG from the view's JSON: no library, no CDN, so the page works offline.
import { fmt } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  if (text !== undefined) element.textContent = text;
  return element;
}

/** About `count` round tick values covering [low, high]. */
export function ticks(low, high, count = 5) {
  if (!(high > low)) return [low];
  const raw = (high - low) / count;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(m => m >= raw) || raw;
  const result = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) result.push(Number(v.toPrecision(12)));
  return result;
}

function extent(values) {
  let low = Math.min(...values), high = Math.max(...values);
  if (!Number.isFinite(low)) return [0, 1];
  if (low === high) { const pad = Math.abs(low) * 0.1 || 1; low -= pad; high += pad; }
  const pad = (high - low) * 0.05;
  return [low - pad, high + pad];
}

/**
 * A scatter plot with an optional step line.
 * points: [{ x, y, title, cls }]; line: [{ x, y }] drawn as a step line (best so far); integerX: ticks on whole numbers only.
 */
export function scatterPlot({ points, line = [], xLabel, yLabel, width = 560, height = 260, cls = 'plot', testId, integerX = false }) {
  const margin = { left: 62, right: 14, top: 12, bottom: 42 };
  const svg = s('svg', { class: cls, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `${yLabel} against ${xLabel}`, 'data-testid': testId });
  const xs = points.map(p => p.x).concat(line.map(p => p.x));
  const ys = points.map(p => p.y).concat(line.map(p => p.y));
  if (xs.length === 0) {
    svg.append(s('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'empty' }, 'no measured experiments yet'));
    return svg;
  }
  const [x0, x1] = extent(xs), [y0, y1] = extent(ys);
  const px = x => margin.left + (x - x0) / (x1 - x0) * (width - margin.left - margin.right);
  const py = y => height - margin.bottom - (y - y0) / (y1 - y0) * (height - margin.top - margin.bottom);
  const axes = s('g', { class: 'axes' });
  axes.append(s('line', { x1: margin.left, y1: height - margin.bottom, x2: width - margin.right, y2: height - margin.bottom }));
  axes.append(s('line', { x1: margin.left, y1: margin.top, x2: margin.left, y2: height - margin.bottom }));
  for (const t of ticks(x0, x1).filter(t => !integerX || Number.isInteger(t))) {
    axes.append(s('line', { x1: px(t), y1: height - margin.bottom, x2: px(t), y2: height - margin.bottom + 4 }));
    axes.append(s('text', { x: px(t), y: height - margin.bottom + 16, 'text-anchor': 'middle' }, fmt(t, 3)));
  }
  for (const t of ticks(y0, y1)) {
    axes.append(s('line', { x1: margin.left - 4, y1: py(t), x2: margin.left, y2: py(t) }));
    axes.append(s('text', { x: margin.left - 7, y: py(t) + 4, 'text-anchor': 'end' }, fmt(t, 3)));
  }
  axes.append(s('text', { x: (margin.left + width - margin.right) / 2, y: height - 6, 'text-anchor': 'middle', class: 'label' }, xLabel));
  axes.append(s('text', { x: 14, y: (margin.top + height - margin.bottom) / 2, 'text-anchor': 'middle', class: 'label', transform: `rotate(-90 14 ${(margin.top + height - margin.bottom) / 2})` }, yLabel));
  svg.append(axes);
  if (line.length > 0) {
    let d = `M ${px(line[0].x)} ${py(line[0].y)}`;
    for (let i = 1; i < line.length; i++) d += ` H ${px(line[i].x)} V ${py(line[i].y)}`;
    svg.append(s('path', { d, class: 'best-line' }));
  }
  const dots = s('g', { class: 'points' });
  for (const p of points) {
    const dot = s('circle', { cx: px(p.x), cy: py(p.y), r: 4, class: `point ${p.cls || ''}`.trim() });
    if (p.title) dot.append(s('title', {}, p.title));
    dots.append(dot);
  }
  svg.append(dots);
  return svg;
}
