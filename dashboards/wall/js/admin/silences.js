// @ts-check
// Silences: a form for a new one (filled in from an alert card when the wall sends the admin here), the list with
// each one's state, and ending one early.
import { text } from '../i18n.js';
import { dateTimeText } from '../format.js';
import { $ } from '../dom.js';
import { api, cell, showError, toast, twoStep, loadCatalog, unitLabel } from './ui.js';

const root = $('[data-section="silences"]');
const form = /** @type {HTMLFormElement} */ ($('[data-testid="silence-form"]', root));
const rows = $('[data-testid="matchers"]', root);
const fromAlert = $('[data-testid="silence-from-alert"]', root);
const error = $('[data-testid="silence-error"]', root);
const table = /** @type {HTMLTableElement} */ ($('[data-testid="silences-table"]', root));
const empty = $('[data-testid="silences-empty"]', root);

/** Adds a matcher row: label and pattern. @param {string} [label] @param {string} [pattern] */
function addMatcher(label = '', pattern = '') {
  const row = document.createElement('div');
  row.className = 'matcher-row';
  row.dataset.testid = 'matcher';
  const key = document.createElement('input');
  key.className = 'matcher-label';
  key.value = label;
  key.placeholder = text('admin.silences.label');
  key.setAttribute('list', 'matcher-labels');
  key.setAttribute('aria-label', text('admin.silences.label'));
  const value = document.createElement('input');
  value.className = 'matcher-pattern';
  value.value = pattern;
  value.placeholder = text('admin.silences.pattern');
  value.setAttribute('aria-label', text('admin.silences.pattern'));
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'button small ghost';
  remove.textContent = '×';
  remove.title = text('admin.silences.removeMatcher');
  remove.addEventListener('click', () => { row.remove(); if (!rows.children.length) addMatcher(); });
  row.append(key, value, remove);
  rows.append(row);
}

function matchers() {
  /** @type {Record<string, string>} */
  const result = {};
  for (const row of rows.querySelectorAll('.matcher-row')) {
    const key = /** @type {HTMLInputElement} */ (row.querySelector('.matcher-label')).value.trim();
    const value = /** @type {HTMLInputElement} */ (row.querySelector('.matcher-pattern')).value.trim();
    if (key && value) result[key] = value;
  }
  return result;
}

/** Fills the form from the address (#silences?alertname=…&department=…), as the wall's "silence" action sends it. @param {URLSearchParams} params */
async function prefill(params) {
  const given = [...params.entries()].filter(([k, v]) => k && v);
  if (!given.length) return;
  rows.replaceChildren();
  for (const [k, v] of given) addMatcher(k, v);
  const catalog = await loadCatalog();
  fromAlert.textContent = text('admin.silences.fromAlert', {
    rule: params.get('alertname') ?? '—', unit: unitLabel(catalog, params.get('department')) || '—',
  });
  fromAlert.hidden = false;
  /** @type {HTMLInputElement} */ ($('[data-testid="silence-comment"]', root)).focus();
  // The address has done its job: a reload should not fill the form again.
  history.replaceState(null, '', '#silences');
}

async function load() {
  const { ok, data: answer, error: problem } = await api('GET', '/api/v1/silences');
  const data = /** @type {import('../contract').SilenceView[]} */ (answer);
  const body = table.tBodies[0];
  body.replaceChildren();
  if (!ok) { showError(error, problem); return; }
  const order = { active: 0, pending: 1, expired: 2 };
  const sorted = [...data].sort((a, b) => (order[a.status] - order[b.status]) || Date.parse(b.silence.createdAt) - Date.parse(a.silence.createdAt));
  for (const { silence: s, status } of sorted) {
    const row = body.insertRow();
    row.dataset.testid = 'silence-row';
    row.dataset.status = status;
    row.dataset.id = s.id;
    const state = cell(row, text('admin.silences.' + status));
    state.className = 'nowrap status-' + status;
    cell(row, Object.entries(s.matchers).map(([k, v]) => `${k}=${v}`).join('  '), 'mono');
    cell(row, `${dateTimeText(Date.parse(s.startsAt), { always: true })} → ${dateTimeText(Date.parse(s.endsAt), { always: true })}`);
    cell(row, s.deletedBy ? text('admin.silences.endedBy', { by: s.createdBy, ended: s.deletedBy }) : s.createdBy);
    cell(row, s.comment);
    const actions = row.insertCell();
    actions.className = 'actions';
    if (status !== 'expired') {
      const end = document.createElement('button');
      end.type = 'button';
      end.className = 'button small danger';
      end.dataset.testid = 'silence-expire';
      twoStep(end, 'admin.silences.expire', 'admin.silences.expireSure', async () => {
        const r = await api('DELETE', `/api/v1/silences/${encodeURIComponent(s.id)}`);
        toast(r.ok ? text('admin.silences.expired.done') : r.error);
        await load();
      });
      actions.append(end);
    }
  }
  empty.hidden = data.length > 0;
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const given = matchers();
  const comment = /** @type {HTMLInputElement} */ (form.elements.namedItem('comment')).value.trim();
  if (!Object.keys(given).length) { showError(error, text('admin.silences.needMatcher')); return; }
  if (!comment) { showError(error, text('admin.silences.needComment')); return; }
  const hours = Number(/** @type {HTMLSelectElement} */ (form.elements.namedItem('duration')).value);
  const now = new Date();
  const r = await api('POST', '/api/v1/silences', {
    json: { matchers: given, startsAt: now.toISOString(), endsAt: new Date(now.getTime() + hours * 3600_000).toISOString(), comment },
  });
  if (!r.ok) { showError(error, r.error); return; }
  showError(error, '');
  toast(text('admin.silences.created'));
  form.reset();
  rows.replaceChildren();
  addMatcher();
  fromAlert.hidden = true;
  await load();
});
$('[data-testid="matcher-add"]', root).addEventListener('click', () => addMatcher());

// Labels a silence can match, offered as the admin types.
const labels = document.createElement('datalist');
labels.id = 'matcher-labels';
for (const l of ['alertname', 'department', 'owner', 'severity', 'measurement', 'field']) labels.append(new Option(l, l));
root.append(labels);

/** Shows the section; `params` may carry matchers from an alert card. @param {URLSearchParams} params */
export async function showSilences(params) {
  // Placeholders in the current language (the first row is made once the texts are loaded).
  if (!rows.children.length) addMatcher();
  for (const input of rows.querySelectorAll('.matcher-label')) /** @type {HTMLInputElement} */ (input).placeholder = text('admin.silences.label');
  for (const input of rows.querySelectorAll('.matcher-pattern')) /** @type {HTMLInputElement} */ (input).placeholder = text('admin.silences.pattern');
  await Promise.all([prefill(params), load()]);
}
