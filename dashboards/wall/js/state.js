// @ts-check
// The wall's live state: units, series and alerts as the hub sends them. Owns no DOM: renderers read it and the
// names of what changed since they last looked.
import { toNumber, stampOf, compareStamps } from './format.js';
import { alertFrom, isNewer } from './alerts.js';

/** @typedef {import('./contract').WallSnapshot} WallSnapshot */
/** @typedef {import('./contract').SeriesUpdate} SeriesUpdate */
/** @typedef {import('./contract').DepartmentStatus} DepartmentStatus */
/** @typedef {import('./contract').AlertView} AlertView */
/** @typedef {import('./alerts.js').Alert} Alert */
/** @typedef {'fresh' | 'late' | 'silent' | 'unknown'} Freshness */
/**
 * @typedef {{ id: string, name: string, lastSeenMs: number | null, pointsReceived: number | null,
 *   seriesCount: number | null, freshness: Freshness, known: boolean }} Unit
 * @typedef {{ name: string, value: unknown, time: string, stamp: import('./format.js').Stamp }} Field
 * @typedef {{ key: string, measurement: string, department: string, tags: Record<string, string>,
 *   fields: Map<string, Field>, lastTime: string | null }} Series
 */

const FRESHNESS = ['fresh', 'late', 'silent'];
/** How long a resolved alert stays (faded) on the wall. */
export const RESOLVED_KEEP_MS = 60_000;

/** @type {Map<string, Unit>} */
export const units = new Map();
/** @type {Map<string, Series>} */
export const series = new Map();
/** @type {Map<string, Alert>} */
export const alerts = new Map();
/** unit id -> keys of its series: a unit's figures read its own series, not all of them. */
/** @type {Map<string, Set<string>>} */
const seriesKeysByUnit = new Map();

/** @param {Series} s */
function index(s) {
  let keys = seriesKeysByUnit.get(s.department);
  if (!keys) seriesKeysByUnit.set(s.department, keys = new Set());
  keys.add(s.key);
}

/** What changed since the renderers last looked; they clear what they consumed. */
export const dirty = {
  units: new Set(),
  series: new Set(),
  alerts: new Set(),
  /** A snapshot replaced everything. */
  all: false,
};

/** @type {(() => void)[]} */
const listeners = [];
/** @param {() => void} listener */
export const onChange = listener => listeners.push(listener);
const changed = () => { for (const listener of listeners) listener(); };

/** @param {unknown} value @returns {Freshness} */
function freshnessOf(value) {
  if (typeof value === 'number') return /** @type {Freshness} */ (FRESHNESS[value] ?? 'unknown');
  const lower = String(value ?? '').toLowerCase();
  return FRESHNESS.includes(lower) ? /** @type {Freshness} */ (lower) : 'unknown';
}

/** @param {DepartmentStatus} status @returns {Unit} */
function unitFrom(status) {
  const lastSeen = status.lastSeen ? Date.parse(status.lastSeen) : Number.NaN;
  return {
    id: String(status.id),
    name: status.name || String(status.id),
    lastSeenMs: Number.isNaN(lastSeen) ? null : lastSeen,
    pointsReceived: toNumber(status.pointsReceived ?? 0),
    seriesCount: toNumber(status.seriesCount ?? 0),
    freshness: freshnessOf(status.freshness),
    known: true,
  };
}

/** @param {string} id */
function ensureUnit(id) {
  if (units.has(id)) return;
  units.set(id, { id, name: id, lastSeenMs: null, pointsReceived: null, seriesCount: null, freshness: 'unknown', known: false });
  dirty.units.add(id);
}

/** A unit's name; the id until its status arrives. @param {string} id */
export const unitName = id => units.get(id)?.name ?? id;

/**
 * A series from the hub. An update carries every field the series has (see contract.d.ts): fields it lacks are
 * gone; a field never goes back in time, so a late update does not undo a newer value.
 * @param {SeriesUpdate} entry @param {Series | undefined} previous @returns {Series}
 */
function seriesFrom(entry, previous) {
  /** @type {Series} */
  const s = {
    key: String(entry.key),
    measurement: String(entry.measurement ?? ''),
    department: String(entry.department ?? entry.tags?.department ?? ''),
    tags: entry.tags ?? {},
    fields: new Map(),
    lastTime: entry.lastTime ?? null,
  };
  for (const f of entry.fields ?? []) {
    const old = previous?.fields.get(f.name);
    const next = { name: String(f.name), value: f.value, time: f.time, stamp: stampOf(f.time) };
    s.fields.set(next.name, old && compareStamps(old.stamp, next.stamp) > 0 ? old : next);
  }
  if (previous?.lastTime && compareStamps(stampOf(previous.lastTime), stampOf(s.lastTime)) > 0) s.lastTime = previous.lastTime;
  return s;
}

/**
 * A new connection's full picture, in the shape of the pushes and applied by the same code: units, series and open
 * alerts that it lacks are dropped first, so nothing stale survives a reconnect (an alert this page saw resolve keeps
 * fading: the snapshot holds open alerts only); a field value or alert already newer here than in the snapshot is
 * kept, as for a late push. @param {WallSnapshot} snapshot
 */
export function applySnapshot(snapshot) {
  const keys = new Set((snapshot?.series ?? []).map(entry => String(entry.key)));
  for (const key of series.keys()) if (!keys.has(key)) series.delete(key);
  seriesKeysByUnit.clear();
  for (const s of series.values()) index(s);
  units.clear();
  const open = new Set((snapshot?.alerts ?? []).map(view => String(view.fingerprint)));
  for (const [fp, a] of alerts) if (a.state !== 'resolved' && !open.has(fp)) alerts.delete(fp);

  applyUnitUpdates(snapshot?.departments);
  applySeriesUpdates(snapshot?.series);
  applyAlertUpdates(snapshot?.alerts);
  dirty.all = true;
  changed();
}

/** @param {SeriesUpdate[]} updates */
export function applySeriesUpdates(updates) {
  for (const update of updates ?? []) {
    const key = String(update.key);
    const previous = series.get(key);
    const next = seriesFrom(update, previous);
    if (previous && previous.department !== next.department) {
      seriesKeysByUnit.get(previous.department)?.delete(key);
      dirty.units.add(previous.department); // its figures lose this series
    }
    series.set(key, next);
    index(next);
    ensureUnit(next.department);
    dirty.series.add(key);
  }
  changed();
}

/** @param {DepartmentStatus[]} statuses */
export function applyUnitUpdates(statuses) {
  for (const status of statuses ?? []) {
    const unit = unitFrom(status);
    units.set(unit.id, unit);
    dirty.units.add(unit.id);
  }
  changed();
}

/** @param {AlertView[]} views */
export function applyAlertUpdates(views) {
  for (const view of views ?? []) {
    const a = alertFrom(view);
    const previous = alerts.get(a.fingerprint);
    // Newest state per alert: an older view that arrives late does not win.
    if (!isNewer(previous, a)) continue;
    if (a.state === 'resolved') a.resolvedAtMs = previous?.state === 'resolved' ? previous.resolvedAtMs : Date.now();
    alerts.set(a.fingerprint, a);
    dirty.alerts.add(a.fingerprint);
  }
  changed();
}

/** @param {Alert} a @param {number} now */
const expired = (a, now) => a.state === 'resolved' && now - (a.resolvedAtMs ?? now) > RESOLVED_KEEP_MS;

/** Resolved alerts leave the wall a while after they ended; called every second. @param {number} now */
export function dropExpiredAlerts(now) {
  let any = false;
  for (const [fp, a] of alerts) {
    if (!expired(a, now)) continue;
    alerts.delete(fp);
    dirty.alerts.add(fp);
    any = true;
  }
  if (any) changed();
}

/** The series of one unit. @param {string} id */
export const seriesOf = id => [...(seriesKeysByUnit.get(id) ?? [])].map(key => series.get(key)).filter(Boolean);
