// @ts-check
// What an alert says to a person: its title, where it is, its value against its limit, since when, who took it.
// Shared by the wall and the leader view.
import { i18n, text } from './i18n.js';
import { formatValue, dateTimeText, localized, tagsText } from './format.js';
import { metricOf, metricUnit } from './catalog.js';

/** @typedef {import('./contract').AlertView} AlertView */
/**
 * An alert as the screens hold it: the view plus what is derived once (instants in ms, lower-case enums).
 * @typedef {AlertView & { sinceMs: number, updatedMs: number, endedMs: number | null, resolvedAtMs?: number }} Alert
 */

export const SEVERITY_RANK = /** @type {Record<string, number>} */ ({ critical: 3, warning: 2, info: 1 });
export const OPEN_STATES = new Set(['pending', 'firing', 'acknowledged']);

/** Labels that are the alert's identity but say nothing a person needs to tell two alerts apart. */
const PLAIN_LABELS = new Set(['department', 'measurement', 'field']);

/** @param {AlertView} view @returns {Alert} */
export function alertFrom(view) {
  const since = Date.parse(view.firingSince ?? view.startsAt ?? view.updatedAt ?? '');
  const updated = Date.parse(view.updatedAt ?? '');
  const ended = Date.parse(view.endsAt ?? '');
  return {
    ...view,
    labels: view.labels ?? {},
    sinceMs: Number.isNaN(since) ? Date.now() : since,
    updatedMs: Number.isNaN(updated) ? 0 : updated,
    endedMs: Number.isNaN(ended) ? null : ended,
  };
}

/** Of two views of one alert, whether `next` is not older than `previous`. @param {Alert | undefined} previous @param {Alert} next */
export const isNewer = (previous, next) => !previous || (next.revision ?? 0) > (previous.revision ?? 0)
  || ((next.revision ?? 0) === (previous.revision ?? 0) && next.updatedMs >= previous.updatedMs);

export const isOpen = (/** @type {AlertView} */ a) => OPEN_STATES.has(a.state);

/** The unit where the alert happened (its owner for alerts without one). @param {AlertView} a */
export const alertUnit = a => a.labels?.department ?? a.owner ?? '';

/** Open before resolved, then most severe, then the oldest (the longest-standing problem) first. @param {Alert} a @param {Alert} b */
export function compareAlerts(a, b) {
  return (Number(isOpen(b)) - Number(isOpen(a)))
    || ((SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0))
    || (a.sinceMs - b.sinceMs)
    || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0);
}

export const alertTitle = (/** @type {AlertView} */ a) => (i18n.lang === 'en' ? a.titleEn || a.titleVi : a.titleVi || a.titleEn) || a.ruleName || a.fingerprint;
export const alertDescription = (/** @type {AlertView} */ a) => (i18n.lang === 'en' ? a.descriptionEn || a.descriptionVi : a.descriptionVi || a.descriptionEn) || '';

/** The labels that tell this alert from others of its rule and unit ("link wan"). @param {AlertView} a */
export const distinguishingLabels = a => tagsText(a.labels, PLAIN_LABELS);

/**
 * The unit's name and the labels that distinguish the alert: "xã Mường Mô · link wan".
 * @param {AlertView} a @param {(id: string) => string} unitName
 */
export function whereText(a, unitName) {
  return [unitName(alertUnit(a)), distinguishingLabels(a)].filter(Boolean).join(' · ');
}

/**
 * The value against what it must be, in the catalog's unit ("40 % — cần ≥ 65 %") or state names ("mất — cần: thông").
 * A firing alert is measured against its clear point (what resolves it); silence in minutes against its limit.
 * @param {AlertView} a
 */
export function valueText(a) {
  const measure = a.measure;
  const metric = metricOf(a.labels?.measurement ?? '', a.labels?.field ?? '');
  const unit = metricUnit(metric);
  const withUnit = (/** @type {number} */ n) => (unit ? `${formatValue(n)} ${unit}` : formatValue(n));
  if (measure?.kind === 'deadman') {
    const silent = a.value == null ? '' : text('alert.silentFor', { minutes: formatValue(a.value) });
    return measure.threshold == null ? silent : `${silent} — ${text('alert.silenceLimit', { minutes: formatValue(measure.threshold) })}`;
  }
  if (measure?.kind === 'deadline') return text('alert.deadlineMissed');
  if (a.value == null) return text('alert.noValue');
  const stateName = (/** @type {number} */ n) => (metric?.states?.[String(n)] ? localized(metric.states[String(n)]) : null);
  // A unit like "1 = thông, 0 = mất kết nối" is a legend, not a unit: said once, after the numbers.
  const legend = unit.includes('=') ? ` (${unit})` : '';
  const shown = (/** @type {number} */ n) => stateName(n) ?? (legend ? formatValue(n) : withUnit(n));
  if (!measure || measure.threshold == null || !measure.operator) return shown(a.value) + legend;
  const limit = a.state === 'pending' || measure.clear == null ? measure.threshold : measure.clear;
  // A value that is a state needs the state that ends the alert ("mất — cần: thông"); an amount, a bound.
  if (stateName(a.value) && stateName(limit)) return `${stateName(a.value)} — ${text('alert.needState', { state: stateName(limit) })}`;
  const key = measure.operator === 'below' ? 'alert.needAtLeast' : 'alert.needAtMost';
  return `${shown(a.value)} — ${text(key, { limit: shown(limit) })}${legend}`;
}

/** What a resolved alert says: it recovered, and when (or how it ended otherwise). @param {Alert} a */
export function resolvedText(a) {
  if (a.endedMs == null) return a.resolution ? text('alert.endedHowNoTime', { how: a.resolution }) : text('alert.recoveredNoTime');
  const time = dateTimeText(a.endedMs);
  return a.resolution ? text('alert.endedHow', { how: a.resolution, time }) : text('alert.recovered', { time });
}

/** Who took the alert, by name, and their note. @param {AlertView} a */
export function acknowledgedText(a) {
  if (a.state !== 'acknowledged' || !a.acknowledgedBy) return '';
  const name = a.acknowledgedByName || a.acknowledgedBy;
  const taken = a.acknowledgedAt ? text('alert.ackBy', { name, time: dateTimeText(Date.parse(a.acknowledgedAt)) }) : text('alert.ackByNoTime', { name });
  return taken + (a.note ? ` — ${a.note}` : '');
}

/** A rule's catalog-free name for headings: its own name, humanised. @param {string} rule */
export const ruleLabel = rule => rule.replace(/[-_.]+/g, ' ');

/**
 * A heading for a group of one rule's alerts: the words their titles share ("… mất kết nối"); the rule's name when
 * they share none.
 * @param {Alert[]} alerts
 */
export function groupTitle(alerts) {
  const titles = alerts.map(a => alertTitle(a).split(/\s+/));
  if (titles.length === 1) return titles[0].join(' ');
  let prefix = 0;
  while (titles.every(t => prefix < t.length && t[prefix] === titles[0][prefix])) prefix++;
  if (titles.every(t => t.length === prefix)) return titles[0].join(' '); // all the same title
  let suffix = 0;
  while (titles.every(t => suffix < t.length - prefix && t[t.length - 1 - suffix] === titles[0][titles[0].length - 1 - suffix])) suffix++;
  const head = titles[0].slice(0, prefix).join(' ');
  const tail = titles[0].slice(titles[0].length - suffix).join(' ');
  if (!head && !tail) return ruleLabel(alerts[0].ruleName);
  return [head, '…', tail].filter(Boolean).join(' ');
}

/** The owner department's name. @param {AlertView} a @param {(id: string) => string} unitName */
export const ownerText = (a, unitName) => (a.owner ? text('alert.ownerIs', { owner: unitName(a.owner) }) : '');

