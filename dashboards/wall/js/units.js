// @ts-check
// The unit cards: each unit's name, whether it is reporting, its open alerts and its figures from the catalog,
// coloured by what they mean. Up to 30 units show their series too (a dense wall builds no series rows); fifty fit
// on one screen without scrolling.
import { i18n, text } from './i18n.js';
import { $, setText, setAttr, fromTemplate, insertSorted } from './dom.js';
import { formatValue, durationText, toNumber, localized, tagsText, UNIT_TAG } from './format.js';
import { cardMetrics, metricShort, metricUnit, metricName, metricOf, levelOf, aggregate } from './catalog.js';
import { units, series, seriesOf } from './state.js';

/** @typedef {import('./state.js').Unit} Unit */
/** @typedef {import('./state.js').Series} Series */
/** @typedef {import('./contract').CatalogMetric} CatalogMetric */
/**
 * @typedef {{ card: HTMLElement, name: HTMLElement, alertBadge: HTMLElement, badge: HTMLElement, lastSeen: HTMLElement,
 *   figures: HTMLElement, list: HTMLElement, renderedName: string | null, figureSignature: string }} UnitView
 * @typedef {{ row: HTMLElement, department: string, fieldsList: HTMLElement,
 *   fields: Map<string, { item: HTMLElement, label: HTMLElement, value: HTMLElement, raw: string | undefined, flashedAt: number }> }} SeriesView
 */

/** At most this many figures on a card: what an operator reads at a glance. */
const MAX_FIGURES = 3;
const FLASH_MS = 900;

/** @param {{ open: (unitId: string) => void }} options */
export function createUnitGrid({ open }) {
  const grid = $('[data-testid="departments"]');
  const gridArea = $('.wall-grid-area');
  const wallMain = $('.wall-main');
  const emptyNote = $('[data-testid="empty"]');
  const summaryCounts = new Map(['fresh', 'late', 'silent'].map(f => [f, $(`[data-summary="${f}"]`)]));
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');

  /** @type {Map<string, UnitView>} */
  const views = new Map();
  /** @type {Map<string, SeriesView>} */
  const seriesViews = new Map();
  /** unit id -> { count, severity } of its open alerts */
  let alertCounts = new Map();
  let lang = '';
  let withRows = true;
  const densityOf = (/** @type {number} */ count) => (count > 30 ? 'dense' : count > 12 ? 'compact' : 'normal');
  /** A card's figures came or went since the layout was last checked. */
  let refit = false;

  const unitOrder = (/** @type {Unit} */ a, /** @type {Unit} */ b) => i18n.collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  /** Opens a unit's drill-down from its card, by pointer or keyboard. */
  grid.addEventListener('click', event => {
    const card = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-testid="department"]'));
    if (card?.dataset.department) open(card.dataset.department);
  });
  grid.addEventListener('keydown', event => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const card = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-testid="department"]'));
    if (!card?.dataset.department) return;
    event.preventDefault();
    open(card.dataset.department);
  });

  /** @param {string} id @returns {UnitView | undefined} */
  function viewFor(id) {
    let view = views.get(id);
    if (view) return view;
    const card = fromTemplate('department-template');
    card.dataset.department = id;
    view = {
      card,
      name: $('.department-name', card),
      alertBadge: $('.alert-badge', card),
      badge: $('.freshness-badge', card),
      lastSeen: $('[data-fact="lastSeen"]', card),
      figures: $('.unit-figures', card),
      list: $('.series-list', card),
      renderedName: null,
      figureSignature: '',
    };
    views.set(id, view);
    return view;
  }

  /** Places a card so cards stay ordered by the unit's name. @param {UnitView} view @param {Unit} unit */
  function place(view, unit) {
    let before = null;
    for (const other of grid.children) {
      if (other === view.card) continue;
      const o = units.get(/** @type {HTMLElement} */ (other).dataset.department);
      if (o && unitOrder(unit, o) < 0) {
        before = other;
        break;
      }
    }
    if (view.card.parentNode !== grid || view.card.nextElementSibling !== before) grid.insertBefore(view.card, before);
  }

  /** @param {string} id @param {number} now */
  function renderUnit(id, now) {
    const unit = units.get(id);
    if (!unit) {
      views.get(id)?.card.remove();
      views.delete(id);
      return;
    }
    const view = viewFor(id);
    if (view.renderedName !== unit.name || !view.card.isConnected) {
      view.renderedName = unit.name;
      setText(view.name, unit.name);
      setAttr(view.card, 'aria-label', text('unit.open', { name: unit.name }));
      place(view, unit);
    }
    setAttr(view.card, 'data-freshness', unit.freshness);
    setAttr(view.badge, 'data-freshness', unit.freshness);
    renderSeen(view, unit, now);
    renderAlertBadge(view, id);
    renderFigures(view, id);
  }

  /** The freshness badge says how long a late or silent unit has been quiet; the line below when it last sent. */
  function renderSeen(/** @type {UnitView} */ view, /** @type {Unit} */ unit, /** @type {number} */ now) {
    const quiet = unit.lastSeenMs != null && (unit.freshness === 'late' || unit.freshness === 'silent');
    setText(view.badge, text('freshness.' + unit.freshness) + (quiet ? ` · ${durationText(now - unit.lastSeenMs, 'age')}` : ''));
    setText(view.lastSeen, unit.lastSeenMs == null ? text('lastSeen.never') : text('lastSeen.at', { when: durationText(now - unit.lastSeenMs, 'relative') }));
  }

  function renderAlertBadge(/** @type {UnitView} */ view, /** @type {string} */ id) {
    const c = alertCounts.get(id);
    view.alertBadge.hidden = !c;
    setAttr(view.alertBadge, 'data-count', String(c?.count ?? 0));
    setAttr(view.alertBadge, 'data-severity', c?.severity ?? '');
    setAttr(view.card, 'data-alert-severity', c?.severity ?? '');
    setText(view.alertBadge, c ? text('alerts.badge', c.count) : '');
  }

  /**
   * The unit's own value of each card metric it reports (its series combined with the metric's aggregate).
   * @param {string} id @returns {{ metric: CatalogMetric, value: number, level: string }[]}
   */
  function figuresOf(id) {
    const metrics = cardMetrics();
    if (metrics.length === 0) return [];
    /** @type {Map<CatalogMetric, { department: string, value: number }[]>} */
    const values = new Map();
    for (const s of seriesOf(id)) {
      for (const metric of metrics) {
        if (metric.measurement !== s.measurement) continue;
        const field = s.fields.get(metric.field);
        if (!field) continue;
        const list = values.get(metric) ?? [];
        list.push({ department: id, value: toNumber(field.value) });
        values.set(metric, list);
      }
    }
    const figures = [];
    for (const metric of metrics) {
      const entries = values.get(metric);
      const value = entries ? aggregate(metric.aggregate, entries) : null;
      if (value == null) continue;
      figures.push({ metric, value, level: levelOf(metric, value, 'unit') });
      if (figures.length === MAX_FIGURES) break;
    }
    return figures;
  }

  /** @param {CatalogMetric} metric @param {number} value */
  function figureValue(metric, value) {
    const state = metric.states?.[String(value)];
    if (state) return localized(state);
    const unit = metricUnit(metric);
    return unit && unit.length <= 3 ? `${formatValue(value)} ${unit}` : formatValue(value);
  }

  /** @returns {boolean} whether the card's figures changed */
  function renderFigures(/** @type {UnitView} */ view, /** @type {string} */ id) {
    const figures = figuresOf(id);
    const signature = i18n.lang + figures.map(f => `${f.metric.id}=${f.value}/${f.level}`).join('|');
    if (signature === view.figureSignature) return false;
    const grew = figures.length !== view.figures.children.length;
    view.figureSignature = signature;
    const items = figures.map(({ metric, value, level }) => {
      const item = document.createElement('li');
      item.className = 'unit-figure';
      item.dataset.testid = 'unit-figure';
      item.dataset.metric = metric.id;
      item.dataset.level = level;
      item.dataset.value = String(value);
      item.title = `${metricName(metric)}: ${formatValue(value)} ${metricUnit(metric)}`;
      const label = document.createElement('span');
      label.className = 'figure-label';
      label.textContent = metricShort(metric);
      const shown = document.createElement('span');
      shown.className = 'figure-value';
      shown.textContent = figureValue(metric, value);
      item.append(label, shown);
      return item;
    });
    view.figures.replaceChildren(...items);
    if (grew) refit = true;
    return true;
  }

  /** A series row, shown while few units are on the wall. @param {string} key */
  function renderSeries(key) {
    const s = series.get(key);
    let view = seriesViews.get(key);
    if (!s || (view && view.department !== s.department)) {
      view?.row.remove();
      seriesViews.delete(key);
      view = undefined;
      if (!s) return;
    }
    const unitView = views.get(s.department) ?? (renderUnit(s.department, Date.now()), views.get(s.department));
    if (!unitView) return;
    if (!view) {
      const row = fromTemplate('series-template');
      row.dataset.seriesKey = key;
      $('.series-measurement', row).textContent = s.measurement;
      $('.series-tags', row).textContent = tagsText(s.tags, UNIT_TAG);
      view = { row, department: s.department, fieldsList: $('.series-fields', row), fields: new Map() };
      seriesViews.set(key, view);
    }
    if (view.row.parentNode !== unitView.list) insertSorted(unitView.list, view.row, el => /** @type {HTMLElement} */ (el).dataset.seriesKey, key);

    for (const [name, field] of s.fields) {
      let fv = view.fields.get(name);
      if (!fv) {
        const item = document.createElement('li');
        item.className = 'series-field';
        item.dataset.fieldName = name;
        const label = document.createElement('span');
        label.className = 'field-name';
        label.textContent = metricName(metricOf(s.measurement, name), name);
        const value = document.createElement('span');
        value.className = 'field-value';
        value.dataset.testid = 'field';
        value.dataset.field = name;
        item.append(label, ' ', value);
        insertSorted(view.fieldsList, item, el => /** @type {HTMLElement} */ (el).dataset.fieldName, name);
        fv = { item, label, value, raw: undefined, flashedAt: 0 };
        view.fields.set(name, fv);
      }
      const raw = String(field.value);
      if (fv.raw !== raw) {
        const changed = fv.raw !== undefined;
        fv.raw = raw;
        fv.value.dataset.value = raw;
        setText(fv.value, formatValue(field.value));
        if (changed) flash(fv);
      }
    }
    for (const [name, fv] of view.fields) {
      if (!s.fields.has(name)) {
        fv.item.remove();
        view.fields.delete(name);
      }
    }
  }

  /** Highlights a value that changed; at most once per highlight, so fast series do not keep the wall repainting. */
  function flash(/** @type {{ value: HTMLElement, flashedAt: number }} */ fv) {
    const now = performance.now();
    if (now - fv.flashedAt < FLASH_MS || reduceMotion.matches || document.hidden || typeof fv.value.animate !== 'function') return;
    fv.flashedAt = now;
    fv.value.animate([{ backgroundColor: 'rgba(76, 195, 255, 0.45)' }, { backgroundColor: 'rgba(76, 195, 255, 0)' }], { duration: FLASH_MS, easing: 'ease-out' });
  }

  /**
   * Patches what changed. `changedUnits` and `changedSeries` name what to redo; `all` redoes everything (a snapshot,
   * a language switch, a new catalog).
   * @param {{ units: Set<string>, series: Set<string>, all: boolean }} changes @param {number} now
   */
  function render(changes, now) {
    // Series rows only while they can be shown: a dense wall (over 30 units) hides them, so it builds none.
    const rows = densityOf(units.size) !== 'dense';
    const all = changes.all || lang !== i18n.lang || rows !== withRows;
    lang = i18n.lang;
    withRows = rows;
    if (!rows && seriesViews.size > 0) {
      for (const view of seriesViews.values()) view.row.remove();
      seriesViews.clear();
    }
    if (all) {
      for (const id of [...views.keys()]) if (!units.has(id)) renderUnit(id, now);
      for (const key of [...seriesViews.keys()]) if (!series.has(key)) renderSeries(key);
      for (const view of views.values()) {
        view.figureSignature = '';
        view.renderedName = null;
      }
      // Values re-formatted and labels re-named (the catalog or the language may have changed), not flashed.
      for (const [key, view] of seriesViews) {
        const s = series.get(key);
        for (const [name, fv] of view.fields) {
          fv.raw = undefined;
          if (s) setText(fv.label, metricName(metricOf(s.measurement, name), name));
        }
      }
    }
    const unitIds = all ? units.keys() : changes.units;
    for (const id of unitIds) renderUnit(id, now);
    const seriesKeys = all ? series.keys() : changes.series;
    /** @type {Set<string>} */
    const figuresToRedo = new Set();
    for (const key of seriesKeys) {
      if (rows) renderSeries(key);
      const s = series.get(key);
      if (s) figuresToRedo.add(s.department);
    }
    for (const id of figuresToRedo) {
      const view = views.get(id);
      if (view) renderFigures(view, id);
    }
    if (all || changes.units.size > 0) renderSummary();
    // A card that gained or lost a figure may no longer fit: measured in this frame, not at the next second.
    if (refit) {
      refit = false;
      checkFit();
    }
  }

  /** New alert counts per unit (from the alert panel). @param {Map<string, { count: number, severity: string }>} counts */
  function setAlertCounts(counts) {
    const previous = alertCounts;
    alertCounts = counts;
    for (const id of new Set([...previous.keys(), ...counts.keys()])) {
      const view = views.get(id);
      if (view) renderAlertBadge(view, id);
    }
  }

  /** Every second: how long ago each unit sent; a card that spills has the layout chosen again. @param {number} now */
  function tick(now) {
    for (const [id, view] of views) {
      const unit = units.get(id);
      if (unit) renderSeen(view, unit, now);
    }
    checkFit();
  }

  let fitInputs = '';
  function renderSummary() {
    const counts = { fresh: 0, late: 0, silent: 0 };
    for (const unit of units.values()) if (unit.freshness in counts) counts[unit.freshness]++;
    for (const [f, el] of summaryCounts) setText(el, i18n.integer.format(counts[f]));
    emptyNote.hidden = units.size > 0;
    const density = densityOf(units.size);
    setAttr(grid, 'data-density', density);
    setAttr(wallMain, 'data-density', density);
    // Measuring the layout is what costs: only when the number of cards or the density changed (and on resize).
    const inputs = `${grid.children.length}/${density}`;
    if (inputs !== fitInputs) {
      fitInputs = inputs;
      fitGrid();
    }
  }

  // Fit: with many units every card must be on screen at once. Columns and rows are chosen from the unit count and
  // the area's size, so the cards fill the area without scrolling.
  /** The card a density would like (in rem). */
  const CARD_SIZE = {
    compact: { idealW: 15, idealH: 8 },
    dense: { idealW: 11, idealH: 5.2 }, // a two-line name and two lines of figures
  };
  let fitted = '';
  /** What the chosen layout spilled when it was chosen (0 when it fitted). */
  let leastSpill = 0;

  /**
   * Chooses columns and rows: the layouts are ranked by how close their cells come to the ideal card, and the first
   * in which no card's content spills is kept (the cards' names and figures decide, not a guess). Text never shrinks:
   * the minimum sizes hold. Measuring costs a layout per candidate, so it runs only when the count, the density or
   * the area changed, a card gained or lost a figure, or a card was seen spilling (checked once a second); it stops
   * at the first layout that fits.
   */
  function fitGrid() {
    const count = grid.children.length;
    const size = CARD_SIZE[grid.dataset.density];
    const rect = gridArea.getBoundingClientRect();
    if (!size || count === 0 || rect.width <= 0 || rect.height <= 0) {
      if (fitted !== '') {
        fitted = '';
        grid.removeAttribute('data-fit');
        for (const name of ['--fit-cols', '--fit-rows']) grid.style.removeProperty(name);
      }
      return;
    }
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const gap = (parseFloat(getComputedStyle(grid).rowGap) || 0) / rem;
    const width = rect.width / rem;
    const height = rect.height / rem;
    const layouts = [];
    for (let cols = 1; cols <= count; cols++) {
      const rows = Math.ceil(count / cols);
      if (cols > 1 && Math.ceil(count / (cols - 1)) === rows) continue; // same rows, narrower cards
      const cellW = (width - (cols - 1) * gap) / cols;
      const cellH = (height - (rows - 1) * gap) / rows;
      // How large a card can be drawn relative to its ideal size: the smaller of the two ratios.
      layouts.push({ cols, rows, scale: Math.min(cellW / size.idealW, cellH / size.idealH) });
    }
    layouts.sort((a, b) => b.scale - a.scale);
    /** @type {{ cols: number, rows: number, spill: number } | null} */
    let best = null;
    for (const layout of layouts) {
      apply(layout);
      const spill = spilled();
      if (!best || spill < best.spill) best = { ...layout, spill };
      if (spill === 0) break;
    }
    apply(best);
    leastSpill = best.spill;
  }

  /** @param {{ cols: number, rows: number }} layout */
  function apply({ cols, rows }) {
    const key = `${cols}x${rows}`;
    if (key === fitted) return;
    fitted = key;
    grid.dataset.fit = key;
    grid.style.setProperty('--fit-cols', String(cols));
    grid.style.setProperty('--fit-rows', String(rows));
  }

  /** How many pixels the cards' content spills past their boxes, all cards together. */
  function spilled() {
    let total = 0;
    for (const card of grid.children) {
      const el = /** @type {HTMLElement} */ (card);
      total += Math.max(0, el.scrollHeight - el.clientHeight - 1);
    }
    return total;
  }

  /**
   * A card whose content grew past its box (a new figure, a badge) has the layout chosen again; when no layout fits
   * at all, only a spill worse than the best there was.
   */
  function checkFit() {
    if (grid.dataset.fit && spilled() > leastSpill) fitGrid();
  }

  if (typeof ResizeObserver === 'function') new ResizeObserver(() => fitGrid()).observe(gridArea);

  return { render, tick, setAlertCounts };
}
