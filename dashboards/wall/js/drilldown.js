// @ts-check
// The drill-down: click a unit or a tile and a panel shows its figures over 1 h / 24 h / 7 d (history API, uPlot),
// its open alerts and its alert history. Escape (or the close button) closes it; the wall keeps updating behind it.
import { i18n, text, applyStaticTexts } from './i18n.js';
import { $, setText, fromTemplate } from './dom.js';
import { formatValue, durationText, dateTimeText, sinceText, localized, tagsText, UNIT_TAG } from './format.js';
import { TIME_ZONE } from './i18n.js';
import { catalog, metricOf, metricName, metricUnit, levelOf, aggregate } from './catalog.js';
import { units, series, alerts, unitName, seriesOf } from './state.js';
import { alertTitle, valueText, compareAlerts, distinguishingLabels, alertUnit } from './alerts.js';
import { fetchHistory, fetchAlertHistory } from './history.js';
import { pastSamples } from './tiles.js';

/** @typedef {import('./contract').CatalogMetric} CatalogMetric */
/** @typedef {{ kind: 'unit', id: string } | { kind: 'metric', id: string }} Subject */

const RANGES = {
  '1h': { ms: 3_600_000, every: '1m' },
  '24h': { ms: 86_400_000, every: '10m' },
  '7d': { ms: 7 * 86_400_000, every: '1h' },
};
const LINE_COLOURS = ['#4cc3ff', '#f5b83d', '#b28dff', '#2ecc71', '#ff8a65', '#e0e0e0'];

export function createDrilldown() {
  const panel = $('[data-testid="drilldown"]');
  const title = $('.drill-title', panel);
  const facts = $('.drill-facts', panel);
  const charts = $('[data-testid="drilldown-charts"]', panel);
  const openList = $('[data-testid="drilldown-alerts"]', panel);
  const historyList = $('[data-testid="drilldown-history"]', panel);
  const rangeButtons = /** @type {HTMLButtonElement[]} */ ([...panel.querySelectorAll('[data-range]')]);
  /** @type {Subject | null} */
  let subject = null;
  /** @type {keyof RANGES} */
  let range = '24h';
  /** @type {uPlot[]} */
  let plots = [];
  /** @type {Element | null} */
  let returnFocus = null;
  let generation = 0;
  let loadedAt = 0;
  /** For a metric: how many series feed it, counted when the panel loads (not every second). */
  let seriesCount = 0;
  /** How often an open drill-down asks the history again, so its lines reach "now". */
  const RELOAD_MS = 60_000;

  $('[data-testid="drilldown-close"]', panel).addEventListener('click', () => close());
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && !panel.hidden) close();
  });
  for (const button of rangeButtons) {
    button.addEventListener('click', () => {
      range = /** @type {keyof RANGES} */ (button.dataset.range);
      load();
    });
  }

  /** @param {Subject} next */
  function open(next) {
    // Opened from inside the panel (a unit of a metric's list), focus still returns to what opened the panel.
    if (panel.hidden) returnFocus = document.activeElement;
    subject = next;
    panel.hidden = false;
    document.body.dataset.drilldown = 'open';
    applyStaticTexts(panel);
    load();
    $('[data-testid="drilldown-close"]', panel).focus();
  }

  function close() {
    generation++; // charts still loading are not drawn
    panel.hidden = true;
    subject = null;
    panel.querySelectorAll('.drill-unit-values').forEach(el => el.remove());
    delete document.body.dataset.drilldown;
    for (const plot of plots) plot.destroy();
    plots = [];
    charts.replaceChildren();
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
  }

  /** What the header says about the subject now; called every second while open. @param {number} now */
  function renderFacts(now) {
    if (!subject) return;
    if (subject.kind === 'unit') {
      const unit = units.get(subject.id);
      setText(title, unit?.name ?? subject.id);
      const seen = unit?.lastSeenMs == null ? text('lastSeen.never') : text('lastSeen.at', { when: durationText(now - unit.lastSeenMs, 'relative') });
      setText(facts, [
        text('freshness.' + (unit?.freshness ?? 'unknown')), seen,
        text('unit.points', unit?.pointsReceived ?? 0), text('unit.series', unit?.seriesCount ?? seriesOf(subject.id).length),
      ].join(' · '));
    } else {
      const metric = catalog()?.metrics.find(m => m.id === subject.id);
      setText(title, metric ? localized(metric.name) : subject.id);
      setText(facts, metric ? `${metricUnit(metric)} · ${text('tile.aggregate.' + metric.aggregate, seriesCount)}` : '');
    }
  }

  /** @param {CatalogMetric} metric */
  const countSeries = metric => [...series.values()].filter(s => s.measurement === metric.measurement && s.fields.has(metric.field)).length;

  async function load() {
    const current = subject;
    if (!current) return;
    const mine = ++generation;
    loadedAt = Date.now();
    if (current.kind === 'metric') {
      const metric = catalog()?.metrics.find(m => m.id === current.id);
      seriesCount = metric ? countSeries(metric) : 0;
    }
    for (const button of rangeButtons) button.setAttribute('aria-pressed', String(button.dataset.range === range));
    renderFacts(Date.now());
    renderOpenAlerts();
    for (const plot of plots) plot.destroy();
    plots = [];
    charts.replaceChildren();
    panel.querySelectorAll('.drill-unit-values').forEach(el => el.remove());
    const to = Date.now();
    const from = to - RANGES[range].ms;
    const every = RANGES[range].every;
    const requests = current.kind === 'unit' ? unitCharts(current.id, from, to, every) : metricCharts(current.id, from, to, every);
    const history = current.kind === 'unit' ? fetchAlertHistory({ department: current.id, from: to - RANGES['7d'].ms, to }) : Promise.resolve(null);
    for (const request of requests) {
      const box = fromTemplate('chart-template');
      setText($('.chart-title', box), request.title);
      charts.append(box);
      request.data.then(data => {
        if (mine !== generation) return;
        drawChart(box, request, data, from, to);
      });
    }
    if (requests.length === 0) {
      const none = document.createElement('p');
      none.className = 'drill-empty';
      none.textContent = text('drill.noSeries');
      charts.append(none);
    }
    const entries = current.kind === 'unit' ? await history : null;
    if (mine !== generation) return; // another subject or range since
    renderHistory(entries, current.kind === 'unit');
  }

  /**
   * One chart per field the unit reports, a line per series; catalog fields first.
   * @param {string} id @param {number} from @param {number} to @param {string} every
   */
  function unitCharts(id, from, to, every) {
    /** @type {Map<string, { measurement: string, field: string }>} */
    const fields = new Map();
    for (const s of seriesOf(id)) {
      for (const name of s.fields.keys()) fields.set(`${s.measurement}.${name}`, { measurement: s.measurement, field: name });
    }
    const ordered = [...fields.values()].sort((a, b) =>
      (Number(!metricOf(a.measurement, a.field)) - Number(!metricOf(b.measurement, b.field)))
      || (a.measurement + a.field).localeCompare(b.measurement + b.field));
    return ordered.map(({ measurement, field }) => {
      const metric = metricOf(measurement, field);
      return {
        title: metric ? `${metricName(metric)} (${metricUnit(metric)})` : `${measurement} · ${field}`,
        metric,
        scope: /** @type {'unit'} */ ('unit'),
        data: fetchHistory({ measurement, field, department: id, from, to, every }).then(history => linesOf(history ?? [])),
      };
    });
  }

  /**
   * The province-wide figure over time, and each unit's value now, worst first.
   * @param {string} metricId @param {number} from @param {number} to @param {string} every
   */
  function metricCharts(metricId, from, to, every) {
    const metric = catalog()?.metrics.find(m => m.id === metricId);
    if (!metric) return [];
    renderUnitValues(metric);
    return [{
      title: `${metricName(metric)} (${metricUnit(metric)})`,
      metric,
      scope: /** @type {'province'} */ ('province'),
      data: fetchHistory({ measurement: metric.measurement, field: metric.field, from, to, every }).then(history => {
        const samples = pastSamples(metric, history ?? []);
        return { xs: samples.map(s => s.t / 1000), lines: [{ label: text('drill.province'), values: samples.map(s => s.v) }] };
      }),
    }];
  }

  /** Series of a history answer on one time axis. @param {import('./contract').HistorySeries[]} history */
  function linesOf(history) {
    const times = [...new Set(history.flatMap(s => s.points.map(p => Date.parse(p.time))))].sort((a, b) => a - b);
    const index = new Map(times.map((t, i) => [t, i]));
    const lines = history.map(s => {
      const values = new Array(times.length).fill(null);
      for (const p of s.points) values[index.get(Date.parse(p.time))] = p.value;
      const label = tagsText(s.tags, UNIT_TAG);
      return { label: label || text('drill.value'), values };
    });
    return { xs: times.map(t => t / 1000), lines };
  }

  /**
   * @param {HTMLElement} box
   * @param {{ metric?: CatalogMetric, scope: 'unit' | 'province' }} request
   * @param {{ xs: number[], lines: { label: string, values: (number | null)[] }[] }} data
   * @param {number} from @param {number} to
   */
  function drawChart(box, request, data, from, to) {
    const area = $('.chart-plot', box);
    box.dataset.points = String(data.lines.reduce((n, l) => n + l.values.filter(v => v != null).length, 0));
    if (data.xs.length === 0) {
      setText(area, text('drill.noHistory'));
      area.classList.add('chart-empty');
      return;
    }
    const width = Math.max(200, Math.floor(area.getBoundingClientRect().width));
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const font = `${Math.round(rem * 0.8)}px sans-serif`;
    const axis = { stroke: '#c7d2e3', grid: { stroke: '#1f2b3f' }, ticks: { stroke: '#1f2b3f' }, font, size: rem * 3.2 };
    const last = data.lines.map(l => [...l.values].reverse().find(v => v != null));
    const plot = new uPlot({
      width,
      height: Math.round(rem * 9),
      tzDate: ts => uPlot.tzDate(new Date(ts * 1000), TIME_ZONE),
      scales: { x: { time: true, range: () => [from / 1000, to / 1000] } },
      // Times as the control room writes them (24 h, day/month), not uPlot's default English ones.
      axes: [
        { ...axis, size: rem * 2, values: (u, splits) => splits.map(s => axisTime(s * 1000, to - from)) },
        { ...axis, values: (u, splits) => splits.map(v => formatValue(v)) },
      ],
      legend: { show: data.lines.length > 1 },
      cursor: { show: true },
      series: [
        {},
        ...data.lines.map((line, i) => ({
          label: line.label,
          stroke: request.metric ? levelColour(request.metric, last[i], request.scope, i) : LINE_COLOURS[i % LINE_COLOURS.length],
          width: 2,
          spanGaps: true,
          points: { show: data.xs.length < 40 },
          value: (/** @type {uPlot} */ u, /** @type {number | null} */ v) => (v == null ? '–' : formatValue(v)),
        })),
      ],
    }, [data.xs, ...data.lines.map(l => l.values)], area);
    plots.push(plot);
  }

  /** An axis label: the clock time within a day, the day and month over a week. @param {number} ms @param {number} span */
  function axisTime(ms, span) {
    const at = new Date(ms);
    return span > RANGES['24h'].ms ? i18n.dayMonth.format(at) : i18n.time.format(at);
  }

  /** A line's colour: its level's when the catalog sets levels, else a palette colour. */
  function levelColour(/** @type {CatalogMetric} */ metric, /** @type {number | null | undefined} */ value, /** @type {'unit' | 'province'} */ scope, /** @type {number} */ i) {
    const level = levelOf(metric, value ?? null, scope);
    const style = getComputedStyle(panel);
    const fallback = LINE_COLOURS[i % LINE_COLOURS.length];
    return level === 'none' ? fallback : style.getPropertyValue('--' + level).trim() || fallback;
  }

  /** For a metric: each unit's value now, worst level first. @param {CatalogMetric} metric */
  function renderUnitValues(metric) {
    /** @type {Map<string, { department: string, value: number }[]>} */
    const byUnit = new Map();
    for (const s of series.values()) {
      const field = s.fields.get(metric.field);
      if (s.measurement !== metric.measurement || !field) continue;
      const list = byUnit.get(s.department) ?? [];
      list.push({ department: s.department, value: Number(field.value) });
      byUnit.set(s.department, list);
    }
    const rank = { alarm: 0, watch: 1, ok: 2, none: 3 };
    const rows = [...byUnit.entries()]
      .map(([id, entries]) => {
        const value = aggregate(metric.aggregate, entries);
        return { id, value, level: levelOf(metric, value, 'unit') };
      })
      .sort((a, b) => (rank[a.level] - rank[b.level]) || i18n.collator.compare(unitName(a.id), unitName(b.id)));
    const list = document.createElement('ol');
    list.className = 'drill-units';
    list.dataset.testid = 'drilldown-units';
    for (const row of rows) {
      const item = document.createElement('li');
      item.dataset.level = row.level;
      item.dataset.department = row.id;
      item.textContent = `${unitName(row.id)}: ${formatValue(row.value)} ${metricUnit(metric)}`;
      item.tabIndex = 0;
      item.setAttribute('role', 'button');
      item.addEventListener('click', () => open({ kind: 'unit', id: row.id }));
      item.addEventListener('keydown', event => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        open({ kind: 'unit', id: row.id });
      });
      list.append(item);
    }
    const box = document.createElement('section');
    box.className = 'drill-unit-values';
    box.append(list);
    charts.after(box);
    panel.querySelectorAll('.drill-unit-values').forEach(el => { if (el !== box) el.remove(); });
  }

  /** The subject's open alerts; kept current while the panel is open. */
  function renderOpenAlerts() {
    if (!subject) return;
    const now = Date.now();
    const open = [...alerts.values()]
      .filter(a => a.state !== 'resolved')
      .filter(a => (subject.kind === 'unit'
        ? alertUnit(a) === subject.id
        : `${a.labels.measurement}.${a.labels.field}` === subject.id))
      .sort(compareAlerts);
    const items = open.map(a => {
      const item = document.createElement('li');
      item.className = 'drill-alert';
      item.dataset.severity = a.severity;
      item.dataset.state = a.state;
      item.dataset.fingerprint = a.fingerprint;
      const where = subject.kind === 'unit' ? distinguishingLabels(a) : unitName(alertUnit(a));
      item.textContent = [alertTitle(a), where, valueText(a), text('state.' + a.state), sinceText(a.sinceMs, now)].filter(Boolean).join(' · ');
      return item;
    });
    if (items.length === 0) {
      const none = document.createElement('li');
      none.className = 'drill-none';
      none.textContent = text('drill.noOpenAlerts');
      items.push(none);
    }
    openList.replaceChildren(...items);
  }

  /** @param {import('./contract').AlertHistoryEntry[] | null} entries @param {boolean} shown */
  function renderHistory(entries, shown) {
    historyList.closest('section').hidden = !shown;
    if (!shown) return;
    const rows = (entries ?? []).slice(0, 50).map(e => {
      const item = document.createElement('li');
      item.dataset.state = e.state;
      const who = e.actor && e.actor !== 'system' ? e.actor : '';
      item.textContent = [dateTimeText(Date.parse(e.time), { always: true }), e.state ? text('state.' + e.state) : '', e.rule, e.value == null ? '' : formatValue(e.value), who, e.note ?? '']
        .filter(Boolean).join(' · ');
      return item;
    });
    if (rows.length === 0) {
      const none = document.createElement('li');
      none.className = 'drill-none';
      none.textContent = text(entries ? 'drill.noHistoryAlerts' : 'drill.historyUnavailable');
      rows.push(none);
    }
    historyList.replaceChildren(...rows);
  }

  /** Every second while open: the facts and open alerts follow the live state. @param {number} now */
  function tick(now) {
    if (!subject) return;
    renderFacts(now);
    renderOpenAlerts();
    if (now - loadedAt > RELOAD_MS) load();
  }

  /** A language switch redraws the open panel in the new language. */
  const relabel = () => { if (subject) load(); };

  return { relabel, openUnit: (/** @type {string} */ id) => open({ kind: 'unit', id }), openMetric: (/** @type {string} */ id) => open({ kind: 'metric', id }), tick };
}
