// @ts-check
// The admin area (/admin): rules, silences, department keys, people and the audit trail, one section at a time
// (#rules, #silences, …). Served to administrators only; every change goes through the audited API.
import { setLanguage, initialLanguage, otherLanguage, onLanguage, text } from '../i18n.js';
import { mountUser } from '../session.js';
import { $ } from '../dom.js';
import { showRules } from './rules.js';
import { showSilences } from './silences.js';
import { showKeys } from './keys.js';
import { showPeople } from './people.js';
import { showAudit } from './audit.js';

const SECTIONS = ['rules', 'silences', 'keys', 'people', 'audit'];
let me = '';

/** Shows the section the address names (#keys, #silences?alertname=…). */
async function route() {
  const [name, query] = location.hash.slice(1).split('?');
  const section = SECTIONS.includes(name) ? name : 'rules';
  for (const el of document.querySelectorAll('[data-section]')) /** @type {HTMLElement} */ (el).hidden = /** @type {HTMLElement} */ (el).dataset.section !== section;
  for (const a of document.querySelectorAll('[data-nav]')) a.setAttribute('aria-current', /** @type {HTMLElement} */ (a).dataset.nav === section ? 'page' : 'false');
  document.title = `${text('admin.nav.' + section)} · ${text('admin.title')}`;
  const params = new URLSearchParams(query ?? '');
  if (section === 'rules') await showRules();
  else if (section === 'silences') await showSilences(params);
  else if (section === 'keys') await showKeys();
  else if (section === 'people') await showPeople(me);
  else await showAudit();
  document.body.dataset.ready = section;
}

$('[data-testid="lang"]').addEventListener('click', () => {
  setLanguage(otherLanguage()).catch(err => console.error('admin: language switch failed', err));
});
let started = false;
// Tables are built from texts: build the shown section again in the new language.
onLanguage(() => { if (started) route(); });

setLanguage(initialLanguage())
  .catch(err => console.error('admin: texts failed to load', err))
  .then(async () => {
    const user = await mountUser($('.admin-status'));
    me = user?.name ?? '';
    started = true;
    window.addEventListener('hashchange', () => { route(); });
    await route();
  });
