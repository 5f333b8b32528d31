// @ts-check
// People: who signs in with a password; add one, change roles, remove one. People configured outside the settings
// file are shown but left to whoever configured them.
import { text } from '../i18n.js';
import { $ } from '../dom.js';
import { api, cell, showError, toast, twoStep } from './ui.js';

const ROLES = ['operator', 'leader', 'admin'];
const root = $('[data-section="people"]');
const form = /** @type {HTMLFormElement} */ ($('[data-testid="person-form"]', root));
const roleBox = $('[data-testid="person-roles"]', root);
const error = $('[data-testid="person-error"]', root);
const table = /** @type {HTMLTableElement} */ ($('[data-testid="people-table"]', root));
/** @type {string} */
let me = '';

/** Role checkboxes, checked for `held`. @param {string[]} held @param {boolean} enabled */
function roleChecks(held, enabled) {
  const box = document.createElement('div');
  box.className = 'role-checks';
  for (const role of ROLES) {
    const label = document.createElement('label');
    label.className = 'check';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = role;
    input.checked = held.includes(role);
    input.disabled = !enabled;
    input.dataset.testid = 'role-' + role;
    label.append(input, ' ', text('role.' + role));
    box.append(label);
  }
  return box;
}

const checked = (/** @type {Element} */ box) => [...box.querySelectorAll('input:checked')].map(i => /** @type {HTMLInputElement} */ (i).value);

async function load() {
  const { ok, data: answer, error: problem } = await api('GET', '/api/v1/people');
  const data = /** @type {import('../contract').PersonView[]} */ (answer);
  const body = table.tBodies[0];
  body.replaceChildren();
  if (!ok) { showError(error, problem); return; }
  for (const p of data) {
    const row = body.insertRow();
    row.dataset.testid = 'person-row';
    row.dataset.name = p.name;
    cell(row, p.name, 'mono');
    cell(row, p.displayName);
    const self = p.name.toLowerCase() === me.toLowerCase();
    const roles = roleChecks(p.roles, p.editable);
    row.insertCell().append(roles);
    const actions = row.insertCell();
    actions.className = 'actions';
    if (!p.editable) {
      const note = document.createElement('span');
      note.className = 'muted';
      note.textContent = text('admin.people.elsewhere');
      actions.append(note);
      continue;
    }
    const save = document.createElement('button');
    save.type = 'button';
    save.className = 'button small';
    save.dataset.testid = 'person-save';
    save.textContent = text('admin.people.saveRoles');
    save.addEventListener('click', async () => {
      const r = await api('PUT', `/api/v1/people/${encodeURIComponent(p.name)}`, { json: { roles: checked(roles) } });
      toast(r.ok ? text('admin.people.rolesSaved', { name: p.displayName }) : r.error);
      await load();
    });
    actions.append(save);
    if (!self) {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button small danger';
      remove.dataset.testid = 'person-remove';
      twoStep(remove, 'admin.people.remove', 'admin.people.removeSure', async () => {
        const r = await api('DELETE', `/api/v1/people/${encodeURIComponent(p.name)}`);
        toast(r.ok ? text('admin.people.removed', { name: p.displayName }) : r.error);
        await load();
      });
      actions.append(remove);
    }
  }
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  const value = (/** @type {string} */ n) => /** @type {HTMLInputElement} */ (form.elements.namedItem(n)).value;
  const r = await api('POST', '/api/v1/people', {
    json: { name: value('name').trim(), displayName: value('displayName').trim(), roles: checked(roleBox), password: value('password') },
  });
  if (!r.ok) { showError(error, r.error); return; }
  showError(error, '');
  toast(text('admin.people.added', { name: r.data.displayName }));
  form.reset();
  await load();
});
/** Shows the section. @param {string} signedIn the admin's own sign-in name */
export async function showPeople(signedIn) {
  me = signedIn;
  // Built here, once the texts are loaded (and again in a new language), keeping what was ticked.
  const held = roleBox.querySelector('.role-checks') ? checked(roleBox) : ['operator'];
  roleBox.querySelector('.role-checks')?.remove();
  roleBox.append(roleChecks(held, true));
  await load();
}
