// @ts-check
// A department's own page (/department/{id}): what the center received from it, what it refused and why, its open
// alerts, and reports from spreadsheets. Refreshed every 15 seconds; the chart every 5 minutes.
import { $ } from '../dom.js';
import { applyStaticTexts, initialLanguage, onLanguage, otherLanguage, setLanguage, text } from '../i18n.js';
import { mountUser } from '../session.js';
import { getJson } from './api.js';
import { drawPerDay } from './chart.js';
import { renderFeed } from './feed.js';
import { mountReports, renderTemplates } from './report.js';

/** @typedef {import('../contract').DepartmentPage} DepartmentPage */

const REFRESH_MS = 15_000;
const STORED_RECHECK_MS = 2_000;
const CHART_REFRESH_MS = 300_000;

/** @type {DepartmentPage | null} */
let page = null;

async function refresh() {
  try {
    page = await getJson('');
    $('.dept-error').hidden = true;
    renderFeed(page);
    renderTemplates(page.groups);
  } catch (error) {
    const box = $('.dept-error');
    box.textContent = text('dept.loadFailed', { error: error.message });
    box.hidden = false;
  }
}

const days = /** @type {HTMLSelectElement} */ ($('.days'));
const chart = () => drawPerDay($('.chart'), $('.chart-note'), Number(days.value));

function labelDays() {
  for (const option of days.options) option.textContent = text('dept.days', { n: Number(option.value) });
}

async function start() {
  await setLanguage(initialLanguage());
  labelDays();
  mountUser($('.dept-user'));
  $('.lang-toggle').addEventListener('click', () => setLanguage(otherLanguage()));
  onLanguage(() => {
    applyStaticTexts();
    labelDays();
    if (page) {
      renderFeed(page);
      renderTemplates(page.groups);
    }
    chart();
  });
  // Live state takes the stored rows a flush after the answer: look again shortly, so none waits for the next refresh.
  mountReports({ onStored: () => { refresh(); chart(); setTimeout(refresh, STORED_RECHECK_MS); } });
  days.addEventListener('change', chart);
  await refresh();
  await chart();
  setInterval(refresh, REFRESH_MS);
  setInterval(chart, CHART_REFRESH_MS);
  let width = window.innerWidth;
  window.addEventListener('resize', () => {
    if (Math.abs(window.innerWidth - width) > 40) {
      width = window.innerWidth;
      chart();
    }
  });
  document.body.dataset.ready = 'true';
}

start();
