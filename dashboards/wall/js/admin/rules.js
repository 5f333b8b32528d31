// @ts-check
// Rules: the rules in force and the last load's errors; a rule file in an editor that marks the server's errors at
// their lines; a dry run ("what would fire now") against live state; saving, which the server checks again.
import { text, i18n } from '../i18n.js';
import { dateTimeText, formatValue } from '../format.js';
import { $ } from '../dom.js';
import { api, cell, loadCatalog, unitLabel } from './ui.js';

/** @typedef {import('../contract').RuleLoadError} RuleLoadError */
/** @typedef {import('../contract').RulesResponse} RulesResponse */
/** @typedef {import('../contract').DryRunResult} DryRunResult */
/** @typedef {import('../contract').DryRunHit} DryRunHit */

const root = $('[data-section="rules"]');
const table = /** @type {HTMLTableElement} */ ($('[data-testid="rules-table"]', root));
const status = $('[data-testid="rules-status"]', root);
const loadErrors = $('[data-testid="rules-load-errors"]', root);
const files = /** @type {HTMLSelectElement} */ ($('[data-testid="rule-file"]', root));
const textarea = /** @type {HTMLTextAreaElement} */ ($('[data-testid="rule-text"]', root));
const backdrop = $('.editor-backdrop', root);
const problems = $('[data-testid="rule-problems"]', root);
const message = $('[data-testid="rule-message"]', root);
const dry = $('[data-testid="dry-run"]', root);

/** line -> messages, for the file being edited */
let marks = new Map();
/** @type {string | null} */
let loadedAt = null;

/** Redraws the backdrop: one row per line, numbered, the lines with errors marked and their message after the text. */
function renderBackdrop() {
  const lines = textarea.value.split('\n');
  const rows = lines.map((line, i) => {
    const row = document.createElement('div');
    row.className = 'editor-line';
    row.dataset.line = String(i + 1);
    row.textContent = line || ' ';
    const said = marks.get(i + 1);
    if (said) {
      row.classList.add('has-error');
      row.dataset.testid = 'editor-error-line';
      const note = document.createElement('span');
      note.className = 'line-error';
      note.textContent = '  ◀ ' + said.join(' · ');
      row.append(note);
    }
    return row;
  });
  backdrop.replaceChildren(...rows);
  syncScroll();
}

function syncScroll() {
  backdrop.scrollTop = textarea.scrollTop;
  backdrop.scrollLeft = textarea.scrollLeft;
}

/** Puts the caret at the start of `line` and scrolls it into view. @param {number} line */
function goToLine(line) {
  const lines = textarea.value.split('\n');
  const at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  textarea.focus();
  textarea.setSelectionRange(at, at + (lines[line - 1]?.length ?? 0));
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
  syncScroll();
}

/** Shows the server's problems: marked at their lines when they are in this file, listed below in any case. @param {RuleLoadError[]} details @param {string[]} [plain] */
function showProblems(details, plain = []) {
  marks = new Map();
  const file = files.value;
  const items = [];
  for (const d of details) {
    const here = d.file === file || d.file.endsWith('/' + file);
    if (here && d.line != null) {
      const said = [d.field ? text('admin.rules.fieldProblem', { field: d.field, problem: d.problem }) : d.problem];
      marks.set(d.line, [...(marks.get(d.line) ?? []), ...said]);
    }
    const li = document.createElement('li');
    li.dataset.testid = 'rule-problem';
    const where = document.createElement('span');
    where.className = 'problem-where';
    where.textContent = [here && d.line != null ? text('admin.rules.line', { n: d.line }) : d.file + (d.line != null ? ' · ' + text('admin.rules.line', { n: d.line }) : ''),
      d.rule ? text('admin.rules.ruleNamed', { name: d.rule }) : null].filter(Boolean).join(' · ');
    li.append(where, ' ', d.field ? text('admin.rules.fieldProblem', { field: d.field, problem: d.problem }) : d.problem);
    if (here && d.line != null) {
      const line = d.line;
      li.classList.add('clickable');
      li.addEventListener('click', () => goToLine(line));
    }
    items.push(li);
  }
  if (!details.length) {
    for (const p of plain) {
      const li = document.createElement('li');
      li.textContent = p;
      items.push(li);
    }
  }
  problems.replaceChildren(...items);
  problems.hidden = items.length === 0;
  renderBackdrop();
}

/** The rules in force and how the last load went. */
async function loadInForce() {
  const [{ ok, data: answer, error }, catalog] = await Promise.all([api('GET', '/api/v1/rules'), loadCatalog()]);
  if (!ok) { status.textContent = error; return; }
  const data = /** @type {RulesResponse} */ (answer);
  loadedAt = data.loadedAt;
  status.textContent = text('admin.rules.status', {
    n: data.rules.length,
    time: data.loadedAt ? dateTimeText(Date.parse(data.loadedAt), { always: true }) : '—',
  });
  const errs = /** @type {string[]} */ (data.errors ?? []);
  loadErrors.replaceChildren(...errs.map(e => { const li = document.createElement('li'); li.textContent = e; return li; }));
  loadErrors.hidden = errs.length === 0;
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const r of data.rules) {
    const row = body.insertRow();
    row.dataset.rule = r.name;
    cell(row, r.name, 'mono nowrap');
    cell(row, text('admin.kind.' + r.kind), 'nowrap');
    cell(row, text('severity.' + r.severity), 'nowrap severity-' + r.severity);
    const tags = Object.entries(r.match?.tags ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
    cell(row, [r.match?.measurement, r.match?.field && r.match.field !== '*' ? '.' + r.match.field : '', tags ? ' ' + tags : ''].join(''), 'mono');
    cell(row, unitLabel(catalog, r.owner));
  }
}

async function loadFiles() {
  const { ok, data, error } = await api('GET', '/api/v1/rules/files');
  if (!ok) { message.textContent = error; return; }
  const chosen = files.value;
  files.replaceChildren(...data.map((/** @type {string} */ f) => new Option(f, f)));
  if (data.includes(chosen)) files.value = chosen;
  await loadFile();
}

async function loadFile() {
  if (!files.value) { textarea.value = ''; renderBackdrop(); return; }
  const { ok, data, error } = await api('GET', `/api/v1/rules/files/${encodeURIComponent(files.value)}`);
  textarea.value = ok ? String(data ?? '') : '';
  message.textContent = ok ? '' : error;
  dry.hidden = true;
  showProblems([]);
}

/** @param {DryRunHit} d */
function labelsText(d) {
  const skip = new Set(['department', 'measurement']);
  return Object.entries(d.labels ?? {}).filter(([k]) => !skip.has(k)).map(([k, v]) => `${k} ${v}`).join(' · ');
}

async function dryRun() {
  message.textContent = text('admin.dry.running');
  const { ok, status: code, data: answer, error } = await api('POST', `/api/v1/rules/dry-run?file=${encodeURIComponent(files.value)}`, { body: textarea.value, type: 'application/yaml; charset=utf-8' });
  if (!ok) {
    const data = /** @type {import('../contract').RuleFileRejection | null} */ (answer);
    dry.hidden = true;
    message.textContent = code === 400 && data?.details ? text('admin.dry.fixFirst') : error;
    showProblems(data?.details ?? [], data?.problems ?? []);
    return;
  }
  showProblems([]);
  message.textContent = '';
  const data = /** @type {DryRunResult} */ (answer);
  const catalog = await loadCatalog();
  const firing = data.rules.filter(r => r.breached.length > 0).length;
  $('[data-testid="dry-run-summary"]', dry).textContent = text('admin.dry.summary', {
    time: dateTimeText(Date.parse(data.at), { always: true }), series: data.series, firing, n: data.rules.length,
  });
  const list = $('.dry-rules', dry);
  list.replaceChildren(...data.rules.map(r => {
    const li = document.createElement('li');
    li.className = 'dry-rule';
    li.dataset.testid = 'dry-rule';
    li.dataset.rule = r.name;
    li.dataset.breached = String(r.breached.length);
    const head = document.createElement('div');
    head.className = 'dry-head';
    const name = document.createElement('strong');
    name.textContent = r.name;
    const sev = document.createElement('span');
    sev.className = 'pill severity-' + r.severity;
    sev.textContent = text('severity.' + r.severity);
    const verdict = document.createElement('span');
    verdict.className = r.breached.length ? 'verdict firing' : 'verdict quiet';
    verdict.textContent = r.breached.length
      ? text('admin.dry.wouldFire', { n: r.breached.length, of: r.evaluated })
      : text('admin.dry.quiet', { of: r.evaluated });
    head.append(name, sev, verdict);
    if (r.breached.length && r.for > 0) {
      const after = document.createElement('span');
      after.className = 'muted';
      after.textContent = text('admin.dry.after', { seconds: r.for });
      head.append(after);
    }
    li.append(head);
    if (r.breached.length) {
      const hits = document.createElement('table');
      hits.className = 'data-table compact';
      for (const h of r.breached) {
        const row = hits.insertRow();
        row.dataset.testid = 'dry-hit';
        cell(row, unitLabel(catalog, h.department));
        cell(row, labelsText(h), 'mono');
        // The value with what it breaks: "42 (> 30)".
        const limit = h.measure?.threshold != null && h.measure.operator ? ` (${h.measure.operator === 'above' ? '>' : '<'} ${formatValue(h.measure.threshold)})` : '';
        cell(row, h.value == null ? '—' : formatValue(h.value) + limit, 'number');
        cell(row, i18n.lang === 'en' ? h.titleEn : h.titleVi);
      }
      li.append(hits);
    }
    return li;
  }));
  dry.hidden = false;
  dry.scrollIntoView({ block: 'nearest' });
}

async function save() {
  const file = files.value;
  const { ok, status: code, data, error } = await api('PUT', `/api/v1/rules/files/${encodeURIComponent(file)}`, { body: textarea.value, type: 'application/yaml; charset=utf-8' });
  if (!ok) {
    message.textContent = code === 400 && data?.problems ? text('admin.rules.notSaved') : error;
    showProblems(data?.details ?? [], data?.problems ?? []);
    return;
  }
  showProblems([]);
  message.textContent = text('admin.rules.saved', { file });
  // The server reloads the folder within a second of the change: show the new set once it is in force.
  const before = loadedAt;
  for (let i = 0; i < 20 && loadedAt === before; i++) {
    await new Promise(resolve => setTimeout(resolve, 250));
    await loadInForce();
  }
}

textarea.addEventListener('input', renderBackdrop);
textarea.addEventListener('scroll', syncScroll);
files.addEventListener('change', () => { loadFile(); });
$('[data-testid="rule-reload"]', root).addEventListener('click', () => { loadFile(); });
$('[data-testid="rule-dry-run"]', root).addEventListener('click', () => { dryRun(); });
$('[data-testid="rule-save"]', root).addEventListener('click', () => { save(); });

/** Shows the section. */
export async function showRules() {
  await Promise.all([loadInForce(), files.options.length ? Promise.resolve() : loadFiles()]);
}
