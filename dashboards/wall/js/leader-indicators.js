// @ts-check
// The province's headline indicators on the leader view: one large figure per catalog metric marked `headline`,
// across units, coloured by what it means (the catalog's levels: ok / watch / alarm), legible on a phone.
// Values come from the hub snapshot and are refreshed every 30 s with the hub's `Refresh` (the leader connection gets
// no series pushes); both are read from the server's memory, not from every series grain.
import { text } from './i18n.js';
import { setText, setAttr } from './dom.js';
import { formatValue, toNumber, localized } from './format.js';
import { setCatalog, headlineMetrics, levelOf, aggregate } from './catalog.js';

/** @typedef {import('./contract').SeriesUpdate} SeriesUpdate */
/** @typedef {import('./contract').WallSnapshot} WallSnapshot */
/** @typedef {import('./contract').CatalogMetric} CatalogMetric */

const REFRESH_MS = 30_000;

/**
 * @param {HTMLElement} container
 * @param {() => Promise<WallSnapshot>} snapshot the hub's current snapshot (rejects while disconnected)
 */
export function createIndicators(container, snapshot) {
  /** @type {SeriesUpdate[]} */
  let series = [];
  /** @type {Map<string, HTMLElement>} metric id -> figure */
  const figures = new Map();

  async function loadCatalog() {
    try {
      const response = await fetch('/api/v1/catalog', { headers: { Accept: 'application/json' } });
      setCatalog(response.ok ? await response.json() : null);
    } catch (err) {
      console.info('leader: the metric catalog is unavailable', err);
    }
    build();
  }

  function build() {
    const metrics = headlineMetrics();
    figures.clear();
    container.replaceChildren(...metrics.map(metric => {
      const el = document.createElement('div');
      el.className = 'indicator';
      el.dataset.testid = 'indicator';
      el.dataset.metric = metric.id;
      el.innerHTML = '<div class="ind-name"></div><div class="ind-figure"><span class="ind-value"></span> <span class="ind-unit"></span></div><div class="ind-level"></div>';
      figures.set(metric.id, el);
      return el;
    }));
    container.hidden = metrics.length === 0;
    render();
  }

  /** @param {CatalogMetric} metric */
  function valueOf(metric) {
    const entries = [];
    for (const s of series) {
      if (s.measurement !== metric.measurement) continue;
      const field = (s.fields ?? []).find(f => f.name === metric.field);
      if (field) entries.push({ department: String(s.department ?? s.tags?.department ?? ''), value: toNumber(field.value) });
    }
    return aggregate(metric.aggregate, entries);
  }

  function render() {
    for (const metric of headlineMetrics()) {
      const el = figures.get(metric.id);
      if (!el) continue;
      const value = valueOf(metric);
      const level = levelOf(metric, value, 'province');
      setAttr(el, 'data-level', level);
      setText(/** @type {Element} */ (el.querySelector('.ind-name')), localized(metric.name) || metric.id);
      const shown = /** @type {HTMLElement} */ (el.querySelector('.ind-value'));
      shown.dataset.value = value == null ? '' : String(value);
      setText(shown, value == null ? text('tile.noData') : formatValue(value));
      setText(/** @type {Element} */ (el.querySelector('.ind-unit')), localized(metric.unit));
      setText(/** @type {Element} */ (el.querySelector('.ind-level')), text('tile.level.' + level));
    }
  }

  /** @param {SeriesUpdate[] | undefined} next */
  function setSeries(next) {
    series = next ?? [];
    render();
  }

  async function refresh() {
    try {
      setSeries((await snapshot()).series);
    } catch (err) {
      console.info('leader: indicators not refreshed', err);
    }
  }

  setInterval(refresh, REFRESH_MS);
  return { loadCatalog, setSeries, render };
}
