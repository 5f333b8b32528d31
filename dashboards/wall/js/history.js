// @ts-check
// The history APIs: a field's values over time (InfluxDB through /api/v1/series/history) and alert transitions.

/** @typedef {import('./contract').HistorySeries} HistorySeries */
/** @typedef {import('./contract').AlertHistoryEntry} AlertHistoryEntry */

/**
 * A field's series over [from, to], one value per `every` (InfluxQL `last`); null when the history is unavailable
 * (InfluxDB down answers 503), so a caller shows live values only.
 * @param {{ measurement: string, field: string, department?: string, from: number, to: number, every: string }} query
 * @returns {Promise<HistorySeries[] | null>}
 */
export async function fetchHistory({ measurement, field, department, from, to, every }) {
  const params = new URLSearchParams({ measurement, field, every, agg: 'last', from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  if (department) params.set('department', department);
  return getJson(`/api/v1/series/history?${params}`);
}

/**
 * Alert transitions of one unit over [from, to], newest first; null when unavailable.
 * @param {{ department: string, from: number, to: number }} query @returns {Promise<AlertHistoryEntry[] | null>}
 */
export async function fetchAlertHistory({ department, from, to }) {
  const params = new URLSearchParams({ department, from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  const entries = await getJson(`/api/v1/alerts/history?${params}`);
  return Array.isArray(entries) ? entries.sort((a, b) => Date.parse(b.time) - Date.parse(a.time)) : null;
}

/** @param {string} url */
async function getJson(url) {
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      await response.text(); // read to the end, so the request finishes instead of being aborted
      return null;
    }
    return await response.json();
  } catch {
    return null;
  }
}
