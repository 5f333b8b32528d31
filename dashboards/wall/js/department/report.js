// @ts-check
// Reports from a spreadsheet: choose a .csv or .xlsx, see every row checked against the catalog, then confirm to store
// the good rows (nothing is stored before that). Templates per metric group.
import { $, setText } from '../dom.js';
import { dateTimeText, formatValue, localized } from '../format.js';
import { text } from '../i18n.js';
import { apiUrl, departmentId, postFile } from './api.js';

/** @typedef {import('../contract').ReportPreview} ReportPreview */
/** @typedef {import('../contract').ReportOutcome} ReportOutcome */
/** @typedef {import('../contract').MetricGroup} MetricGroup */

/** @type {File | null} */
let chosen = null;
/** @type {ReportPreview | null} */
let preview = null;
/** @type {() => void} */
let onStored = () => {};

/** @param {{ onStored: () => void }} options */
export function mountReports(options) {
  onStored = options.onStored;
  const input = /** @type {HTMLInputElement} */ ($('.report-file'));
  input.addEventListener('change', () => {
    if (input.files?.length) checkFile(input.files[0]);
    input.value = '';
  });
  $('.confirm').addEventListener('click', store);
  $('.cancel').addEventListener('click', () => showPreview(null));
  $('.template-group').addEventListener('change', updateTemplateLink);
}

/** @param {MetricGroup[]} groups */
export function renderTemplates(groups) {
  const select = /** @type {HTMLSelectElement} */ ($('.template-group'));
  const current = select.value;
  select.replaceChildren(...groups.map(group => {
    const option = document.createElement('option');
    option.value = group.measurement;
    option.textContent = `${group.measurement}: ${group.metrics.map(m => localized(m.name)).join(', ')}`;
    return option;
  }));
  if (current && groups.some(g => g.measurement === current)) select.value = current;
  updateTemplateLink();
}

function updateTemplateLink() {
  const measurement = /** @type {HTMLSelectElement} */ ($('.template-group')).value;
  const link = /** @type {HTMLAnchorElement} */ ($('.template-link'));
  link.href = apiUrl(`/templates/${encodeURIComponent(measurement)}.csv`);
}

/** @param {File} file */
async function checkFile(file) {
  chosen = file;
  showResult('');
  try {
    showPreview(await postFile(`/reports/preview?file=${encodeURIComponent(file.name)}`, file));
  } catch (error) {
    showPreview(null);
    showResult(text('dept.reportFailed', { error: error.message }), 'error');
  }
}

/** @param {ReportPreview | null} next */
function showPreview(next) {
  preview = next;
  const box = $('.preview');
  box.hidden = !next;
  if (!next) {
    chosen = null;
    return;
  }
  setText($('.preview-summary'), text('dept.previewSummary', { file: next.file, good: next.good, bad: next.bad }));
  $('.preview-table tbody').replaceChildren(...next.rows.map(row => {
    const tr = document.createElement('tr');
    tr.dataset.testid = 'preview-row';
    tr.dataset.row = String(row.row);
    tr.dataset.ok = String(!row.error);
    tr.className = row.error ? 'bad' : 'good';
    const metric = row.name ? `${localized(row.name)} (${row.metric})` : row.metric;
    const value = row.number !== null ? `${formatValue(row.number)}${row.unit ? ' ' + localized(row.unit) : ''}` : row.value;
    const time = row.at ? dateTimeText(Date.parse(row.at), { always: true }) : row.time;
    const check = row.error ? `✗ ${problemText(row)}` : `✓ ${text('dept.rowOk')}`;
    for (const [i, value_] of [String(row.row), metric, value, time, check].entries()) {
      const td = document.createElement('td');
      td.textContent = value_;
      td.dataset.label = text(['dept.row', 'dept.metric', 'dept.value', 'dept.time', 'dept.check'][i]);
      if (i === 4) td.className = 'check';
      tr.append(td);
    }
    return tr;
  }));
  const confirm = /** @type {HTMLButtonElement} */ ($('.confirm'));
  confirm.textContent = text('dept.confirm', { n: next.good });
  confirm.disabled = next.good === 0;
}

/**
 * What is wrong with a row in the reader's language; the server's own words for a check the page has no text for.
 * @param {import('../contract').ReportRowCheck} row
 */
function problemText(row) {
  if (!row.errorCode || row.errorCode === 'line') return row.error;
  return text('dept.error.' + row.errorCode, {
    department: departmentId(), metric: row.metric, value: row.value, time: row.time, unit: row.unit ? localized(row.unit) : '',
  });
}

async function store() {
  if (!chosen || !preview) return;
  const confirm = /** @type {HTMLButtonElement} */ ($('.confirm'));
  confirm.disabled = true;
  try {
    /** @type {ReportOutcome} */
    const outcome = await postFile('/reports', chosen);
    showPreview(null);
    showResult(text('dept.stored', { n: outcome.accepted, refused: outcome.errors.length }), outcome.errors.length ? 'partial' : 'ok');
    onStored();
  } catch (error) {
    confirm.disabled = false;
    showResult(text('dept.reportFailed', { error: error.message }), 'error');
  }
}

/** @param {string} message @param {string} [kind] */
function showResult(message, kind = 'ok') {
  const result = $('.report-result');
  result.textContent = message;
  result.dataset.kind = kind;
  result.hidden = !message;
}
