// @ts-check
// What the center received from the department: last receipt, series, refused lines, open alerts.
import { $, setText } from '../dom.js';
import { dateTimeText, durationText, formatValue, localized, tagsText, UNIT_TAG } from '../format.js';
import { text } from '../i18n.js';

/** @typedef {import('../contract').DepartmentPage} DepartmentPage */

// The column headers, repeated on each cell for the phone layout (rows as cards).
const SERIES_COLUMNS = ['dept.measurement', 'dept.tags', 'dept.field', 'dept.lastValue', 'dept.lastTime'];

/** @param {string} iso */
const when = iso => dateTimeText(Date.parse(iso), { always: true });

/** @param {DepartmentPage} page */
export function renderFeed(page) {
  setText($('.dept-name'), page.name);
  document.title = `${page.name} · ${text('dept.title')}`;
  renderReceived(page);
  renderSeries(page);
  renderRefused(page);
  renderAlerts(page);
}

/** @param {DepartmentPage} page */
function renderReceived(page) {
  const last = page.lastReceived;
  const seen = last?.at ?? page.status.lastSeen;
  setText($('.last-at'), seen ? `${when(seen)} (${durationText(Date.now() - Date.parse(seen), 'relative')})` : text('lastSeen.never'));
  setText($('.last-points'), last ? text('dept.lines', { n: last.points, refused: last.refused }) : '–');
  const freshness = $('.freshness');
  setText(freshness, text('freshness.' + (seen ? page.status.freshness : 'unknown')));
  freshness.dataset.freshness = seen ? page.status.freshness : 'unknown';
  setText($('.series-count'), formatValue(page.series.length));
}

/** @param {DepartmentPage} page */
function renderSeries(page) {
  const body = $('.series-table tbody');
  const rows = [];
  for (const series of page.series) {
    for (const field of series.fields) {
      const tr = document.createElement('tr');
      tr.dataset.testid = 'series-row';
      const metric = page.groups.flatMap(g => g.metrics).find(m => m.measurement === series.measurement && m.field === field.name);
      const cells = [
        series.measurement,
        tagsText(series.tags, UNIT_TAG),
        metric ? `${localized(metric.name)} (${field.name})` : field.name,
        formatValue(field.value),
        when(field.time),
      ];
      cells.forEach((value, i) => {
        const td = document.createElement('td');
        td.textContent = value;
        td.dataset.label = text(SERIES_COLUMNS[i]);
        if (i === 3) td.className = 'num';
        tr.append(td);
      });
      rows.push(tr);
    }
  }
  body.replaceChildren(...rows);
  $('.series-empty').hidden = rows.length > 0;
  $('.series-table').hidden = rows.length === 0;
}

/** @param {DepartmentPage} page */
function renderRefused(page) {
  const list = $('.refused-list');
  list.replaceChildren(...page.refused.map(line => {
    const li = document.createElement('li');
    li.className = 'refused';
    li.dataset.testid = 'refused-line';
    const head = document.createElement('div');
    head.className = 'refused-head';
    head.textContent = `${when(line.at)} · ${text('dept.source.' + line.source)}`;
    const reason = document.createElement('div');
    reason.className = 'refused-reason';
    reason.textContent = line.reason;
    const code = document.createElement('code');
    code.className = 'refused-line';
    code.textContent = line.line;
    li.append(head, reason, code);
    return li;
  }));
  $('.refused-empty').hidden = page.refused.length > 0;
}

/** @param {DepartmentPage} page */
function renderAlerts(page) {
  const list = $('.alert-list');
  list.replaceChildren(...page.alerts.map(alert => {
    const li = document.createElement('li');
    li.className = 'dept-alert';
    li.dataset.severity = alert.severity;
    li.dataset.testid = 'dept-alert';
    const head = document.createElement('div');
    head.className = 'alert-head';
    head.textContent = `${text('severity.' + alert.severity)} · ${text('state.' + alert.state)}`;
    const title = document.createElement('div');
    title.className = 'alert-title';
    title.textContent = localized({ vi: alert.titleVi, en: alert.titleEn });
    const since = document.createElement('div');
    since.className = 'alert-since';
    since.textContent = `${text('alert.since')}: ${when(alert.firingSince ?? alert.startsAt)}`;
    li.append(head, title, since);
    return li;
  }));
  $('.alerts-empty').hidden = page.alerts.length > 0;
}
