// @ts-check
// The metric catalog as the screens use it: names and units of fields, headline and card metrics, and the levels
// that colour a figure by what it means (ok / watch / alarm), never by its trend.
import { localized } from './format.js';

/** @typedef {import('./contract').Catalog} Catalog */
/** @typedef {import('./contract').CatalogMetric} CatalogMetric */
/** @typedef {'ok' | 'watch' | 'alarm' | 'none'} Level */

/** @type {Catalog | null} */
let current = null;
/** measurement \u001f field -> metric */
let byField = new Map();

/** One key for a measurement's field. @param {string} measurement @param {string} field */
export const fieldKey = (measurement, field) => `${measurement}\u001f${field}`;

/** @param {Catalog | null} catalog */
export function setCatalog(catalog) {
  current = catalog;
  byField = new Map((catalog?.metrics ?? []).map(m => [fieldKey(m.measurement, m.field), m]));
}

export const catalog = () => current;

/** The province's name ("Tỉnh Lai Châu"); empty without a catalog. */
export const provinceName = () => localized(current?.province?.name ?? '');

/**
 * The catalog's metric for a measurement's field; undefined for a field the catalog does not know.
 * @param {string} measurement @param {string} field
 * @returns {CatalogMetric | undefined}
 */
export const metricOf = (measurement, field) => byField.get(fieldKey(measurement, field));

/** The metrics shown on each unit's card, in their `card` order. */
export const cardMetrics = () => (current?.metrics ?? []).filter(m => m.card != null).sort((a, b) => a.card - b.card);

/** The province-wide headline metrics, in catalog order, one per measurement and field. */
export function headlineMetrics() {
  const seen = new Set();
  return (current?.metrics ?? []).filter(m => {
    const key = fieldKey(m.measurement, m.field);
    if (!m.headline || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A metric's name in the current language; the field id when the catalog has none. */
export const metricName = (/** @type {CatalogMetric | undefined} */ metric, fallback = '') => (metric ? localized(metric.name) : fallback);

/** A metric's short label for a unit card (`short`, else its name). */
export const metricShort = (/** @type {CatalogMetric} */ metric) => localized(metric.short ?? metric.name);

/** A metric's unit in the current language. */
export const metricUnit = (/** @type {CatalogMetric | undefined} */ metric) => (metric ? localized(metric.unit) : '');

/**
 * What a figure means: past `alarm` is alarm, past `watch` is watch, else ok; "past" is strictly below for a metric
 * whose good direction is up and strictly above for down. `none` when the catalog sets no levels.
 * @param {CatalogMetric} metric @param {number | null} value @param {'province' | 'unit'} scope
 * @returns {Level}
 */
export function levelOf(metric, value, scope) {
  const levels = scope === 'unit' ? metric.unitLevels ?? (metric.aggregate === 'sum' ? null : metric.levels) : metric.levels;
  if (!levels || value == null || !Number.isFinite(value)) return 'none';
  const past = metric.good === 'down' ? (/** @type {number} */ limit) => value > limit : (/** @type {number} */ limit) => value < limit;
  if (past(levels.alarm)) return 'alarm';
  if (past(levels.watch)) return 'watch';
  return 'ok';
}

/** @type {Record<string, (values: number[]) => number>} */
const AGGREGATES = {
  sum: values => values.reduce((a, b) => a + b, 0),
  avg: values => values.reduce((a, b) => a + b, 0) / values.length,
  min: values => Math.min(...values),
  max: values => Math.max(...values),
};

/**
 * Combines values with a metric's aggregate: series of one unit first, then units (for avg each unit weighs the
 * same; for sum, min and max that equals aggregating every series). Null without a finite value.
 * @param {string} kind @param {Iterable<{ department: string, value: number }>} entries
 */
export function aggregate(kind, entries) {
  const reduce = AGGREGATES[kind] ?? AGGREGATES.sum;
  /** @type {Map<string, number[]>} */
  const byDepartment = new Map();
  for (const { department, value } of entries) {
    if (!Number.isFinite(value)) continue;
    const list = byDepartment.get(department);
    if (list) list.push(value); else byDepartment.set(department, [value]);
  }
  if (byDepartment.size === 0) return null;
  return reduce([...byDepartment.values()].map(values => (values.length === 1 ? values[0] : reduce(values))));
}
