// @ts-check
// What every admin section shares: calling the API with its errors as people read them, a two-step button for changes
// that cannot be undone, a short notice, and unit names from the catalog.
import { text } from '../i18n.js';

/** @typedef {import('../contract').Catalog} Catalog */

/**
 * Calls the API; `data` is the JSON answer (or text), `error` the server's words when it refused.
 * @param {string} method @param {string} path @param {{ json?: unknown, body?: string, type?: string }} [send]
 * @returns {Promise<{ ok: boolean, status: number, data: any, error: string }>}
 */
export async function api(method, path, send = {}) {
  /** @type {RequestInit} */
  const init = { method, credentials: 'same-origin', headers: {} };
  if (send.json !== undefined) {
    init.body = JSON.stringify(send.json);
    init.headers = { 'Content-Type': 'application/json' };
  } else if (send.body !== undefined) {
    init.body = send.body;
    init.headers = { 'Content-Type': send.type ?? 'text/plain; charset=utf-8' };
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    return { ok: false, status: 0, data: null, error: text('admin.offline') };
  }
  if (response.status === 401) location.assign('/login?returnUrl=' + encodeURIComponent(location.pathname + location.hash));
  const raw = await response.text();
  /** @type {any} */
  let data = raw;
  try { data = raw ? JSON.parse(raw) : null; } catch { /* not JSON: the text as it is */ }
  const said = data && typeof data === 'object' ? data.error || data.title || data.detail : null;
  const error = response.ok ? '' : said || text('admin.httpError', { status: response.status });
  return { ok: response.ok, status: response.status, data, error: String(error) };
}

/**
 * A button that asks once more before it acts: the first click turns it into "sure?", the second runs `action`.
 * @param {HTMLButtonElement} button @param {string} labelKey @param {string} confirmKey @param {() => Promise<void>} action
 */
export function twoStep(button, labelKey, confirmKey, action) {
  button.textContent = text(labelKey);
  let timer = 0;
  button.addEventListener('click', async () => {
    if (button.dataset.armed !== 'true') {
      button.dataset.armed = 'true';
      button.textContent = text(confirmKey);
      timer = window.setTimeout(() => { button.dataset.armed = 'false'; button.textContent = text(labelKey); }, 5000);
      return;
    }
    window.clearTimeout(timer);
    button.disabled = true;
    try { await action(); } finally { button.disabled = false; button.dataset.armed = 'false'; button.textContent = text(labelKey); }
  });
}

let toastTimer = 0;
/** A short notice at the bottom of the page. @param {string} message */
export function toast(message) {
  const el = /** @type {HTMLElement} */ (document.querySelector('[data-testid="toast"]'));
  el.textContent = message;
  el.hidden = false;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => { el.hidden = true; }, 6000);
}

/** Shows or hides a form's error line. @param {HTMLElement} el @param {string} message */
export function showError(el, message) {
  el.textContent = message;
  el.hidden = !message;
}

/** @type {Promise<Catalog | null> | null} */
let catalog = null;
/** The catalog (null when none is configured), loaded once. @returns {Promise<Catalog | null>} */
export function loadCatalog() {
  catalog ??= api('GET', '/api/v1/catalog').then(r => (r.ok ? r.data : null));
  return catalog;
}

/** "Sở Nội vụ (so-noi-vu)" when the catalog knows the id. @param {Catalog | null} c @param {string | null | undefined} id */
export function unitLabel(c, id) {
  if (!id) return '';
  const name = c?.departments?.find(d => d.id === id)?.name;
  return name ? `${name} (${id})` : id;
}

/** A table cell with `value` as text. @param {HTMLTableRowElement} row @param {string} value @param {string} [className] */
export function cell(row, value, className) {
  const td = row.insertCell();
  td.textContent = value;
  if (className) td.className = className;
  return td;
}
