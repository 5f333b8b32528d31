// @ts-check
// Department keys: issue one (shown once, only its hash kept), the keys in force, revoking one.
import { text } from '../i18n.js';
import { $ } from '../dom.js';
import { api, cell, showError, toast, twoStep, loadCatalog, unitLabel } from './ui.js';

const root = $('[data-section="keys"]');
const form = /** @type {HTMLFormElement} */ ($('[data-testid="key-form"]', root));
const department = /** @type {HTMLSelectElement} */ ($('[data-testid="key-department"]', root));
const error = $('[data-testid="key-error"]', root);
const issued = $('[data-testid="issued-key"]', root);
const issuedValue = $('[data-testid="issued-key-value"]', root);
const table = /** @type {HTMLTableElement} */ ($('[data-testid="keys-table"]', root));

async function load() {
  const [{ ok, data: answer, error: problem }, catalog] = await Promise.all([api('GET', '/api/v1/keys'), loadCatalog()]);
  const data = /** @type {import('../contract').KeyView[]} */ (answer);
  if (!department.options.length && catalog) {
    department.replaceChildren(...catalog.departments.map(d => new Option(`${d.name} (${d.id})`, d.id)));
  }
  const body = table.tBodies[0];
  body.replaceChildren();
  if (!ok) { showError(error, problem); return; }
  for (const k of data) {
    const row = body.insertRow();
    row.dataset.testid = 'key-row';
    row.dataset.department = k.department;
    row.dataset.entry = k.entryName ?? '';
    cell(row, unitLabel(catalog, k.department));
    cell(row, k.hashPrefix + '…', 'mono');
    cell(row, k.entryName ?? text('admin.keys.elsewhere'), k.entryName ? 'mono' : 'muted');
    const actions = row.insertCell();
    actions.className = 'actions';
    if (k.revocable) {
      const revoke = document.createElement('button');
      revoke.type = 'button';
      revoke.className = 'button small danger';
      revoke.dataset.testid = 'key-revoke';
      twoStep(revoke, 'admin.keys.revoke', 'admin.keys.revokeSure', async () => {
        const r = await api('DELETE', `/api/v1/keys/${encodeURIComponent(k.entryName)}`);
        toast(r.ok ? text('admin.keys.revoked', { unit: unitLabel(catalog, k.department) }) : r.error);
        await load();
      });
      actions.append(revoke);
    }
  }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const r = await api('POST', '/api/v1/keys', { json: { department: department.value } });
  if (!r.ok) { showError(error, r.error); issued.hidden = true; return; }
  showError(error, '');
  issuedValue.textContent = r.data.key;
  issued.hidden = false;
  await load();
});
$('[data-testid="issued-key-copy"]', root).addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(issuedValue.textContent ?? '');
    toast(text('admin.keys.copied'));
  } catch {
    getSelection()?.selectAllChildren(issuedValue);
  }
});

/** Shows the section; a key shown earlier is not shown again. */
export async function showKeys() {
  issued.hidden = true;
  issuedValue.textContent = '';
  await load();
}
