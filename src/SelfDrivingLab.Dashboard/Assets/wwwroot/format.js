// Formatting for the dashboard: numbers to sensible significant digits, times in UTC, DOM building without innerHTML.

/** A number to `digits` significant digits (integers as they are), text as it is, a dash for nothing. */
export function fmt(x, digits = 4) {
  if (x === null || x === undefined) return '—';
  if (typeof x !== 'number') return String(x);
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) {
    return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  }
  return String(Number(x.toPrecision(digits)));
}

/** An instant as "2026-12-07 02:09:42 UTC". */
export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
}

/** A parameter set as "n=8, theta=120, r=2.1". */
export function fmtParameters(parameters) {
  return Object.entries(parameters || {}).map(([k, v]) => `${k}=${fmt(v)}`).join(', ');
}

/** Builds an element: h('td', { class: 'x' }, 'text', child). Text is always set as text, never parsed as HTML. */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}
