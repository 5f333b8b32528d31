// @ts-check
// Points per day as bars (uPlot, as the wall's charts), days in the province's time zone.
import { i18n, text } from '../i18n.js';
import { getJson } from './api.js';

/** @typedef {import('../contract').DayCount} DayCount */

/** @type {uPlot | null} */
let chart = null;

/** @param {string} day yyyy-MM-dd @returns {number} seconds at that day's noon in the province (+07:00) */
const secondsOf = day => Date.parse(`${day}T12:00:00+07:00`) / 1000;

/**
 * Draws `days` days of points in `box`; a failure (InfluxDB away) shows in `note`.
 * @param {HTMLElement} box @param {HTMLElement} note @param {number} days
 */
export async function drawPerDay(box, note, days) {
  /** @type {DayCount[]} */
  let counts;
  try {
    counts = await getJson(`/points-per-day?days=${days}`);
    note.hidden = true;
  } catch (error) {
    note.textContent = text('dept.chartFailed', { error: error.message });
    note.hidden = false;
    return;
  }
  const data = /** @type {import('uplot').AlignedData} */ ([counts.map(c => secondsOf(c.day)), counts.map(c => c.points)]);
  box.dataset.total = String(counts.reduce((sum, c) => sum + c.points, 0));
  const width = Math.max(260, box.clientWidth);
  const height = width < 500 ? 200 : 260;
  chart?.destroy();
  chart = new uPlot({
    width,
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    // Half a day either side, so the first and last bars show whole.
    scales: { x: { time: true, range: (u, min, max) => [min - 43_200, max + 43_200] }, y: { range: (u, min, max) => [0, Math.max(10, max * 1.1)] } },
    axes: [
      {
        stroke: '#93a3bb',
        grid: { stroke: '#1f2b3f' },
        space: 50,
        values: (u, splits) => splits.map(s => i18n.dayMonth.format(new Date(s * 1000))),
      },
      {
        stroke: '#93a3bb',
        grid: { stroke: '#1f2b3f' },
        size: 70,
        values: (u, splits) => splits.map(s => i18n.integer.format(s)),
      },
    ],
    series: [
      {},
      {
        label: text('dept.points'),
        stroke: '#4cc3ff',
        fill: 'rgba(76, 195, 255, 0.35)',
        paths: uPlot.paths.bars({ size: [0.7, 60] }),
        points: { show: false },
      },
    ],
  }, data, box);
}
