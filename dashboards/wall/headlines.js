// Headline indicators of the wall: one tile per catalog metric marked `headline`, with its value across
// departments, unit, a trend sparkline (uPlot) and a colour saying whether the trend is good or bad.
// The wall (wall.js) owns the connection and the series state; it tells this module what changed and calls
// render() once per animation frame and tick() once per second.
(() => {
  'use strict';

  const { i18n, text } = OC;

  /** How far back a sparkline reaches, and the trend is measured from. */
  const WINDOW_MS = 60 * 60 * 1000;
  /** Samples closer than this to the previous one replace it: a 50-updates-a-second metric keeps one point a second. */
  const SAMPLE_MS = 1000;
  /** The history a sparkline is seeded with on load: one value per interval per series (InfluxQL `last`). */
  const HISTORY_EVERY = '1m';

  const AGGREGATES = {
    sum: values => values.reduce((a, b) => a + b, 0),
    avg: values => values.reduce((a, b) => a + b, 0) / values.length,
    min: values => Math.min(...values),
    max: values => Math.max(...values),
  };

  /**
   * The headline value: series of one department are combined first, then departments, with the metric's
   * aggregate. For sum, min and max that equals aggregating every series; for avg each department weighs the same.
   * `entries` is an iterable of { department, value }.
   */
  function aggregateAcrossDepartments(kind, entries) {
    const reduce = AGGREGATES[kind] ?? AGGREGATES.sum;
    const byDepartment = new Map();
    for (const { department, value } of entries) {
      if (!Number.isFinite(value)) continue;
      const list = byDepartment.get(department);
      if (list) list.push(value); else byDepartment.set(department, [value]);
    }
    if (byDepartment.size === 0) return null;
    const perDepartment = [];
    for (const values of byDepartment.values()) perDepartment.push(values.length === 1 ? values[0] : reduce(values));
    return reduce(perDepartment);
  }

  const localized = value => (value && typeof value === 'object' ? (value[i18n.lang] ?? value.vi ?? value.en ?? '') : String(value ?? ''));
  const metricKey = (measurement, field) => `${measurement}\u001f${field}`;

  /** The tile's colours, read once from the style sheet so the canvas and the text agree. */
  function palette(container) {
    const style = getComputedStyle(container);
    const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    return {
      good: read('--tile-good', '#2ecc71'),
      bad: read('--tile-bad', '#ff5a5f'),
      neutral: read('--tile-neutral', '#4cc3ff'),
    };
  }

  /**
   * Creates the tiles in `container` from `template` (a <template> with one .tile). `requestRender()` asks the
   * wall for a render on the next animation frame.
   */
  function createHeadlines({ container, template, requestRender }) {
    /** metric key -> tile */
    const tilesByKey = new Map();
    /** tiles in catalog order */
    let tiles = [];
    let colours = null;
    let catalogSignature = '';
    const dirty = new Set();

    function tileFor(metric) {
      const el = template.content.firstElementChild.cloneNode(true);
      el.dataset.metric = metric.id;
      const tile = {
        metric,
        el,
        name: el.querySelector('.tile-name'),
        value: el.querySelector('.tile-value'),
        unit: el.querySelector('.tile-unit'),
        trend: el.querySelector('.tile-trend'),
        spark: el.querySelector('.tile-spark'),
        /** series key -> { department, value } */
        bySeries: new Map(),
        current: null,
        shown: undefined,
        judgement: 'neutral',
        /** [{ t (ms), v }], oldest first; the first one is where the trend is measured from */
        samples: [],
        samplesChanged: false,
        plot: null,
        lang: null,
      };
      return tile;
    }

    /** Tiles for the catalog's headline metrics; a catalog without any (or none at all) hides the row. */
    function setCatalog(catalog) {
      const metrics = (catalog?.metrics ?? []).filter(m => m && m.headline && m.measurement && m.field);
      const signature = JSON.stringify(metrics);
      if (signature === catalogSignature) return false;
      catalogSignature = signature;
      for (const tile of tiles) tile.plot?.destroy();
      const previous = tilesByKey;
      tiles = [];
      container.replaceChildren();
      const next = new Map();
      for (const metric of metrics) {
        const key = metricKey(metric.measurement, metric.field);
        if (next.has(key)) continue; // one tile per measurement and field
        const tile = tileFor(metric);
        // A reloaded catalog keeps what the sparkline already shows.
        const old = previous.get(key);
        if (old) {
          tile.samples = old.samples;
          tile.samplesChanged = true;
        }
        next.set(key, tile);
        tiles.push(tile);
        container.append(tile.el);
        dirty.add(tile);
      }
      tilesByKey.clear();
      for (const [key, tile] of next) tilesByKey.set(key, tile);
      container.hidden = tiles.length === 0;
      container.style.setProperty('--tile-count', String(Math.max(1, tiles.length)));
      colours = tiles.length > 0 ? palette(container) : null;
      requestRender();
      return tiles.length > 0;
    }

    /** A series' latest values, as the wall holds them (a Map of field name -> { value }). */
    function seriesChanged(s) {
      if (tilesByKey.size === 0) return;
      for (const [name, field] of s.fields) {
        const tile = tilesByKey.get(metricKey(s.measurement, name));
        if (!tile) continue;
        const value = OC.toNumber(field.value);
        const entry = tile.bySeries.get(s.key);
        if (entry && entry.value === value && entry.department === s.department) continue;
        tile.bySeries.set(s.key, { department: s.department, value });
        dirty.add(tile);
      }
    }

    /** Rebuilds every tile's inputs from the wall's whole series map (after a snapshot). */
    function resetSeries(seriesMap) {
      for (const tile of tiles) {
        tile.bySeries.clear();
        dirty.add(tile);
      }
      for (const s of seriesMap.values()) seriesChanged(s);
    }

    const isShown = tile => tilesByKey.get(metricKey(tile.metric.measurement, tile.metric.field)) === tile;

    function record(tile, t, v) {
      const samples = tile.samples;
      const last = samples[samples.length - 1];
      if (last && samples.length > 1 && t - last.t < SAMPLE_MS) {
        if (last.v === v) return;
        last.v = v;
      } else if (last && last.t >= t) {
        if (last.v === v) return;
        last.v = v; // a clock step backwards: keep one point
      } else {
        samples.push({ t, v });
      }
      const cutoff = t - WINDOW_MS;
      let drop = 0;
      while (drop < samples.length - 1 && samples[drop].t < cutoff) drop++;
      if (drop > 0) samples.splice(0, drop);
      tile.samplesChanged = true;
    }

    /** Where the value went since the start of the sparkline, and whether the catalog calls that good. */
    function judge(tile) {
      const first = tile.samples[0];
      if (tile.current == null || !first || tile.samples.length < 2 || first.v === tile.current) {
        return { trend: 'flat', judgement: 'neutral' };
      }
      const trend = tile.current > first.v ? 'up' : 'down';
      const good = String(tile.metric.good ?? '').toLowerCase();
      if (good !== 'up' && good !== 'down') return { trend, judgement: 'neutral' };
      return { trend, judgement: trend === good ? 'good' : 'bad' };
    }

    function setText(el, value) {
      if (el.textContent !== value) el.textContent = value;
    }

    function setAttr(el, name, value) {
      if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }

    /** Patches the tiles whose inputs changed; called by the wall once per animation frame. */
    function render() {
      if (dirty.size === 0) return;
      const now = Date.now();
      for (const tile of dirty) {
        if (!isShown(tile)) continue; // replaced by a reloaded catalog
        tile.current = aggregateAcrossDepartments(String(tile.metric.aggregate ?? 'sum').toLowerCase(), tile.bySeries.values());
        if (tile.current != null) record(tile, now, tile.current);
        renderTile(tile);
      }
      dirty.clear();
    }

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
        setText(tile.value, tile.current == null ? text('tile.noData') : OC.formatValue(tile.current));
      }
      const { trend, judgement } = judge(tile);
      setAttr(tile.el, 'data-trend', trend);
      if (tile.judgement !== judgement || !tile.el.classList.contains('tile-' + judgement)) {
        tile.el.classList.remove('tile-good', 'tile-bad', 'tile-neutral');
        tile.el.classList.add('tile-' + judgement);
        if (tile.judgement !== judgement) {
          tile.judgement = judgement;
          tile.plot?.redraw(false, false); // the line takes the new colour now, not at the next second
        }
      }
      const trendLabel = text('tile.trend.' + trend);
      if (tile.trend.getAttribute('aria-label') !== trendLabel) {
        tile.trend.setAttribute('aria-label', trendLabel);
        tile.trend.title = trendLabel;
      }
      const title = `${localized(tile.metric.name)} — ${text('tile.aggregate.' + String(tile.metric.aggregate ?? 'sum').toLowerCase(), tile.bySeries.size)}`;
      if (tile.el.title !== title) tile.el.title = title;
    }

    // ---------------------------------------------------------------------------------------------
    // Sparklines: drawn at most once a second per tile (on the wall's clock tick), never per update.
    // ---------------------------------------------------------------------------------------------

    function plotFor(tile) {
      if (tile.plot || typeof uPlot !== 'function') return tile.plot;
      const { width, height } = sparkSize(tile);
      if (width <= 0 || height <= 0) return null;
      tile.plot = new uPlot({
        width,
        height,
        pxAlign: false,
        padding: [3, 2, 3, 2],
        cursor: { show: false },
        select: { show: false },
        legend: { show: false },
        scales: {
          x: { time: false },
          y: { range: (u, min, max) => (min === max ? [min - 1, max + 1] : [min, max]) },
        },
        axes: [{ show: false }, { show: false }],
        series: [
          {},
          {
            stroke: () => colours?.[tile.judgement] ?? '#4cc3ff',
            fill: () => (colours?.[tile.judgement] ?? '#4cc3ff') + '33',
            width: 2,
            points: { show: false },
          },
        ],
      }, sparkData(tile), tile.spark);
      return tile.plot;
    }

    function sparkSize(tile) {
      const rect = tile.spark.getBoundingClientRect();
      return { width: Math.floor(rect.width), height: Math.floor(rect.height) };
    }

    function sparkData(tile) {
      const xs = new Array(tile.samples.length);
      const ys = new Array(tile.samples.length);
      for (let i = 0; i < tile.samples.length; i++) {
        xs[i] = tile.samples[i].t / 1000;
        ys[i] = tile.samples[i].v;
      }
      return [xs, ys];
    }

    /** Once a second: the value holds until it changes, so the line reaches "now"; redraw what changed. */
    function tick(now) {
      for (const tile of tiles) {
        try {
          tickTile(tile, now);
        } catch (err) {
          console.error(`wall: sparkline of ${tile.metric.id} failed`, err);
        }
      }
    }

    function tickTile(tile, now) {
      if (tile.current != null) record(tile, now, tile.current);
      if (!tile.samplesChanged) return;
      const plot = plotFor(tile);
      if (!plot) return;
      tile.samplesChanged = false;
      plot.setData(sparkData(tile));
      plot.root.dataset.points = String(tile.samples.length);
    }

    /** The tile row changed size (window, density): sparklines follow. */
    function resize() {
      for (const tile of tiles) {
        if (!tile.plot) continue;
        const size = sparkSize(tile);
        if (size.width > 0 && size.height > 0 && (size.width !== tile.plot.width || size.height !== tile.plot.height)) {
          tile.plot.setSize(size);
        }
      }
    }
    if (typeof ResizeObserver === 'function') new ResizeObserver(resize).observe(container);

    /**
     * Seeds the sparklines with the last hour from the history API. The first answer tells whether InfluxDB is
     * reachable: on a 503 (or any failure) the rest are not asked, and the lines start from live values.
     */
    async function seedHistory() {
      const to = new Date();
      const from = new Date(to.getTime() - WINDOW_MS);
      const seed = async tile => {
        const query = new URLSearchParams({
          measurement: tile.metric.measurement,
          field: tile.metric.field,
          every: HISTORY_EVERY,
          agg: 'last',
          from: from.toISOString(),
          to: to.toISOString(),
        });
        let series;
        try {
          const response = await fetch(`/api/v1/series/history?${query}`, { headers: { Accept: 'application/json' } });
          if (!response.ok) {
            await response.text();
            return false;
          }
          series = await response.json();
        } catch {
          return false;
        }
        const past = pastSamples(tile.metric, series);
        if (past.length > 0 && isShown(tile)) {
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

    /** The headline value at each history interval, each series holding its last value until its next one. */
    function pastSamples(metric, series) {
      const events = [];
      for (const [i, s] of (Array.isArray(series) ? series : []).entries()) {
        const department = s.tags?.department ?? '';
        for (const p of s.points ?? []) {
          const t = Date.parse(p.time);
          if (p.value != null && Number.isFinite(t)) events.push({ t, series: i, department, value: p.value });
        }
      }
      events.sort((a, b) => a.t - b.t);
      const latest = new Map();
      const samples = [];
      const kind = String(metric.aggregate ?? 'sum').toLowerCase();
      for (let i = 0; i < events.length; i++) {
        const e = events[i];
        latest.set(e.series, { department: e.department, value: e.value });
        if (i + 1 < events.length && events[i + 1].t === e.t) continue;
        const v = aggregateAcrossDepartments(kind, latest.values());
        if (v != null) samples.push({ t: e.t, v });
      }
      return samples;
    }

    /** A language switch re-renders names, units and number formats. */
    function relabel() {
      for (const tile of tiles) {
        tile.lang = null;
        dirty.add(tile);
      }
      requestRender();
    }

    return {
      setCatalog,
      seriesChanged,
      resetSeries,
      render,
      tick,
      seedHistory,
      relabel,
      get count() { return tiles.length; },
    };
  }

  OC.createHeadlines = createHeadlines;
  OC.aggregateAcrossDepartments = aggregateAcrossDepartments;
})();
