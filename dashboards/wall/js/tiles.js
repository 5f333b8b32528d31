// @ts-check
// The province's headline indicators: one tile per catalog metric marked `headline`, its value across units, a
// sparkline of the last hour (uPlot), the trend as an arrow, and a colour that says what the value means (the
// catalog's levels: ok / watch / alarm); without levels a tile stays neutral, whatever its trend.
import { i18n, text } from './i18n.js';
import { setText, setAttr, fromTemplate } from './dom.js';
import { formatValue, toNumber, localized } from './format.js';
import { headlineMetrics, levelOf, aggregate, fieldKey } from './catalog.js';
import { fetchHistory } from './history.js';

/** @typedef {import('./contract').CatalogMetric} CatalogMetric */
/** @typedef {import('./state.js').Series} Series */
/**
 * @typedef {{ metric: CatalogMetric, el: HTMLElement, name: HTMLElement, value: HTMLElement, unit: HTMLElement,
 *   trend: HTMLElement, spark: HTMLElement, bySeries: Map<string, { department: string, value: number }>,
 *   current: number | null, shown: string | undefined, level: string, samples: { t: number, v: number }[],
 *   samplesChanged: boolean, plot: uPlot | null, lang: string | null }} Tile
 */

/** How far back a sparkline reaches, and the trend is measured from. */
const WINDOW_MS = 60 * 60 * 1000;
/** A sample closer than this to the last one updates its value: a fast metric keeps about one point a second. */
const SAMPLE_MS = 1000;
const ARROWS = { up: '▲', down: '▼', flat: '▶' };

/** @param {{ container: HTMLElement, requestRender: () => void, open: (metricId: string) => void }} options */
export function createTiles({ container, requestRender, open }) {
  /** @type {Map<string, Tile>} */
  const byKey = new Map();
  /** @type {Tile[]} */
  let tiles = [];
  let signature = '';
  /** @type {Record<string, string> | null} */
  let colours = null;
  /** @type {Set<Tile>} */
  const dirty = new Set();

  container.addEventListener('click', event => {
    const el = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-testid="tile"]'));
    if (el?.dataset.metric) open(el.dataset.metric);
  });
  container.addEventListener('keydown', event => {
    const el = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-testid="tile"]'));
    if (el?.dataset.metric && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      open(el.dataset.metric);
    }
  });

  function palette() {
    const style = getComputedStyle(container);
    const read = (/** @type {string} */ name, /** @type {string} */ fallback) => style.getPropertyValue(name).trim() || fallback;
    return { ok: read('--ok', '#2ecc71'), watch: read('--watch', '#f5b83d'), alarm: read('--alarm', '#ff4d5a'), none: read('--accent', '#4cc3ff') };
  }

  /** Tiles for the catalog's headline metrics; true when there are any (the row hides otherwise). */
  function setMetrics() {
    const metrics = headlineMetrics();
    const next = JSON.stringify(metrics);
    if (next === signature) return tiles.length > 0;
    signature = next;
    for (const tile of tiles) tile.plot?.destroy();
    const previous = new Map(byKey);
    byKey.clear();
    tiles = metrics.map(metric => {
      const el = fromTemplate('tile-template');
      el.dataset.metric = metric.id;
      /** @type {Tile} */
      const tile = {
        metric, el,
        name: el.querySelector('.tile-name'), value: el.querySelector('.tile-value'), unit: el.querySelector('.tile-unit'),
        trend: el.querySelector('.tile-trend'), spark: el.querySelector('.tile-spark'),
        bySeries: new Map(), current: null, shown: undefined, level: 'none',
        // A reloaded catalog keeps what the sparkline already shows.
        samples: previous.get(fieldKey(metric.measurement, metric.field))?.samples ?? [],
        samplesChanged: true, plot: null, lang: null,
      };
      byKey.set(fieldKey(metric.measurement, metric.field), tile);
      dirty.add(tile);
      return tile;
    });
    container.replaceChildren(...tiles.map(t => t.el));
    container.hidden = tiles.length === 0;
    container.style.setProperty('--tile-count', String(Math.max(1, tiles.length)));
    colours = tiles.length > 0 ? palette() : null;
    requestRender();
    return tiles.length > 0;
  }

  /** A series' latest values changed. @param {Series} s */
  function seriesChanged(s) {
    if (byKey.size === 0) return;
    // An update carries every field: a tile whose field the series no longer has loses the series.
    for (const tile of tiles) {
      if (tile.metric.measurement === s.measurement && !s.fields.has(tile.metric.field) && tile.bySeries.delete(s.key)) dirty.add(tile);
    }
    for (const [name, field] of s.fields) {
      const tile = byKey.get(fieldKey(s.measurement, name));
      if (!tile) continue;
      const value = toNumber(field.value);
      const entry = tile.bySeries.get(s.key);
      if (entry && entry.value === value && entry.department === s.department) continue;
      tile.bySeries.set(s.key, { department: s.department, value });
      dirty.add(tile);
    }
  }

  /** Rebuilds every tile's inputs from the whole series map (after a snapshot). @param {Iterable<Series>} all */
  function resetSeries(all) {
    for (const tile of tiles) {
      tile.bySeries.clear();
      dirty.add(tile);
    }
    for (const s of all) seriesChanged(s);
  }

  /** @param {Tile} tile @param {number} t @param {number} v */
  function record(tile, t, v) {
    const samples = tile.samples;
    const last = samples[samples.length - 1];
    if (last && (samples.length > 1 && t - last.t < SAMPLE_MS || last.t >= t)) {
      if (last.v === v) return;
      last.v = v;
    } else {
      samples.push({ t, v });
    }
    let drop = 0;
    while (drop < samples.length - 1 && samples[drop].t < t - WINDOW_MS) drop++;
    if (drop > 0) samples.splice(0, drop);
    tile.samplesChanged = true;
  }

  /** Where the value went since the start of the sparkline: an arrow, never a colour. @param {Tile} tile */
  function trendOf(tile) {
    const first = tile.samples[0];
    if (tile.current == null || !first || tile.samples.length < 2 || first.v === tile.current) return 'flat';
    return tile.current > first.v ? 'up' : 'down';
  }

  /** Patches the tiles whose inputs changed; once per animation frame. */
  function render() {
    if (dirty.size === 0) return;
    const now = Date.now();
    for (const tile of dirty) {
      if (!tiles.includes(tile)) continue;
      tile.current = aggregate(tile.metric.aggregate, tile.bySeries.values());
      if (tile.current != null) record(tile, now, tile.current);
      renderTile(tile);
    }
    dirty.clear();
  }

  /** @param {Tile} tile */
  function renderTile(tile) {
    if (tile.lang !== i18n.lang) {
      tile.lang = i18n.lang;
      setText(tile.name, localized(tile.metric.name) || tile.metric.id);
      setText(tile.unit, localized(tile.metric.unit));
      tile.shown = undefined;
    }
    const raw = tile.current == null ? '' : String(tile.current);
    if (tile.shown !== raw) {
      tile.shown = raw;
      tile.value.dataset.value = raw;
      setText(tile.value, tile.current == null ? text('tile.noData') : formatValue(tile.current));
    }
    const level = levelOf(tile.metric, tile.current, 'province');
    setAttr(tile.el, 'data-level', level);
    if (tile.level !== level) {
      tile.level = level;
      tile.plot?.redraw(false, false); // the line takes the new colour now, not at the next second
    }
    const trend = trendOf(tile);
    setAttr(tile.el, 'data-trend', trend);
    setText(tile.trend, ARROWS[trend]);
    const trendLabel = text('tile.trend.' + trend);
    setAttr(tile.trend, 'aria-label', trendLabel);
    tile.trend.title = trendLabel;
    const title = `${localized(tile.metric.name)} — ${text('tile.aggregate.' + tile.metric.aggregate, tile.bySeries.size)} · ${text('tile.level.' + level)}`;
    if (tile.el.title !== title) tile.el.title = title;
  }

  /** @param {Tile} tile */
  function plotFor(tile) {
    if (tile.plot || typeof uPlot !== 'function') return tile.plot;
    const rect = tile.spark.getBoundingClientRect();
    const width = Math.floor(rect.width);
    const height = Math.floor(rect.height);
    if (width <= 0 || height <= 0) return null;
    const colour = () => colours?.[tile.level] ?? '#4cc3ff';
    tile.plot = new uPlot({
      width, height, pxAlign: false, padding: [3, 2, 3, 2],
      cursor: { show: false }, select: { show: false, left: 0, top: 0, width: 0, height: 0 }, legend: { show: false },
      scales: { x: { time: false }, y: { range: (u, min, max) => (min === max ? [min - 1, max + 1] : [min, max]) } },
      axes: [{ show: false }, { show: false }],
      series: [{}, { stroke: colour, fill: () => colour() + '33', width: 2, points: { show: false } }],
    }, sparkData(tile), tile.spark);
    return tile.plot;
  }

  /** @param {Tile} tile @returns {[number[], number[]]} */
  const sparkData = tile => [tile.samples.map(s => s.t / 1000), tile.samples.map(s => s.v)];

  /** Once a second: the value holds until it changes, so the line reaches "now"; redraw what changed. @param {number} now */
  function tick(now) {
    for (const tile of tiles) {
      try {
        if (tile.current != null) record(tile, now, tile.current);
        if (!tile.samplesChanged) continue;
        const plot = plotFor(tile);
        if (!plot) continue;
        tile.samplesChanged = false;
        plot.setData(sparkData(tile));
        plot.root.dataset.points = String(tile.samples.length);
      } catch (err) {
        console.error(`wall: sparkline of ${tile.metric.id} failed`, err);
      }
    }
  }

  function resize() {
    for (const tile of tiles) {
      if (!tile.plot) continue;
      const rect = tile.spark.getBoundingClientRect();
      const size = { width: Math.floor(rect.width), height: Math.floor(rect.height) };
      if (size.width > 0 && size.height > 0 && (size.width !== tile.plot.width || size.height !== tile.plot.height)) tile.plot.setSize(size);
    }
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(resize).observe(container);

  /**
   * Seeds the sparklines with the last hour from the history API. The first answer tells whether InfluxDB is
   * reachable: on a failure the rest are not asked, and the lines start from live values.
   */
  async function seedHistory() {
    const to = Date.now();
    const seed = async (/** @type {Tile} */ tile) => {
      const history = await fetchHistory({ measurement: tile.metric.measurement, field: tile.metric.field, from: to - WINDOW_MS, to, every: '1m' });
      if (!history) return false;
      const past = pastSamples(tile.metric, history);
      if (past.length > 0 && tiles.includes(tile)) {
        const firstLive = tile.samples[0]?.t ?? Number.POSITIVE_INFINITY;
        tile.samples = [...past.filter(p => p.t < firstLive), ...tile.samples];
        tile.samplesChanged = true;
        dirty.add(tile);
      }
      return true;
    };
    const [first, ...rest] = tiles;
    if (first && await seed(first)) await Promise.all(rest.map(seed));
    requestRender();
  }

  function relabel() {
    for (const tile of tiles) {
      tile.lang = null;
      dirty.add(tile);
    }
    requestRender();
  }

  return { setMetrics, seriesChanged, resetSeries, render, tick, seedHistory, relabel };
}

/**
 * The province-wide value at each history interval, each series holding its last value until its next one.
 * @param {CatalogMetric} metric @param {import('./contract').HistorySeries[]} history
 */
export function pastSamples(metric, history) {
  const events = [];
  for (const [i, s] of history.entries()) {
    const department = s.tags?.department ?? '';
    for (const p of s.points ?? []) {
      const t = Date.parse(p.time);
      if (p.value != null && Number.isFinite(t)) events.push({ t, series: i, department, value: p.value });
    }
  }
  events.sort((a, b) => a.t - b.t);
  const latest = new Map();
  const samples = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    latest.set(e.series, { department: e.department, value: e.value });
    if (i + 1 < events.length && events[i + 1].t === e.t) continue;
    const v = aggregate(metric.aggregate, latest.values());
    if (v != null) samples.push({ t: e.t, v });
  }
  return samples;
}
