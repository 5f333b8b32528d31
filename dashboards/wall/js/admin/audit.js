// @ts-check
// Audit: who changed what (rules, silences, keys, people), newest first, filtered by action and by any text.
import { text } from '../i18n.js';
import { dateTimeText } from '../format.js';
import { $ } from '../dom.js';
import { api, cell } from './ui.js';

const ACTIONS = ['rule.put', 'rule.delete', 'silence.create', 'silence.expire', 'key.issue', 'key.revoke', 'person.add', 'person.roles', 'person.remove'];
const root = $('[data-section="audit"]');
const action = /** @type {HTMLSelectElement} */ ($('[data-testid="audit-action"]', root));
const search = /** @type {HTMLInputElement} */ ($('[data-testid="audit-search"]', root));
const table = /** @type {HTMLTableElement} */ ($('[data-testid="audit-table"]', root));
const empty = $('[data-testid="audit-empty"]', root);
/** @type {import('../contract').AuditEntry[]} */
let entries = [];

function fillActions() {
  const chosen = action.value;
  action.replaceChildren(new Option(text('admin.audit.all'), ''), ...ACTIONS.map(a => new Option(text('admin.action.' + a), a)));
  action.value = chosen;
}

function render() {
  const needle = search.value.trim().toLowerCase();
  const shown = entries.filter(e => !needle || [e.actor, e.target, e.detail ?? ''].some(v => String(v).toLowerCase().includes(needle)));
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const e of shown) {
    const row = body.insertRow();
    row.dataset.testid = 'audit-row';
    row.dataset.action = e.action;
    cell(row, dateTimeText(Date.parse(e.time), { always: true }), 'nowrap');
    cell(row, text('admin.action.' + e.action) === 'admin.action.' + e.action ? e.action : text('admin.action.' + e.action), 'action-' + e.action.split('.')[0]);
    cell(row, e.actor, 'mono');
    cell(row, e.target, 'mono');
    cell(row, e.detail ?? '', 'muted');
  }
  empty.textContent = entries.length ? text('admin.audit.noMatch') : text('admin.audit.empty');
  empty.hidden = shown.length > 0;
}

async function load() {
  const query = action.value ? `?action=${encodeURIComponent(action.value)}` : '';
  const r = await api('GET', '/api/v1/audit' + query);
  entries = r.ok ? r.data : [];
  render();
  if (!r.ok) { empty.textContent = r.error; empty.hidden = false; }
}

action.addEventListener('change', () => { load(); });
search.addEventListener('input', render);
$('[data-testid="audit-refresh"]', root).addEventListener('click', () => { load(); });

/** Shows the section. */
export async function showAudit() {
  fillActions();
  await load();
}
