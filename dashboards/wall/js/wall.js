// @ts-check
// The operator wall: live units, headline indicators and alerts pushed over SignalR (/hubs/wall). State lives in
// state.js; each part of the screen patches only what changed, at most once per animation frame.
import { i18n, text, setLanguage, initialLanguage, onLanguage, otherLanguage } from './i18n.js';
import { $, setText } from './dom.js';
import { connectHub } from './connection.js';
import { mountUser } from './session.js';
import { setCatalog, provinceName } from './catalog.js';
import * as state from './state.js';
import { createUnitGrid } from './units.js';
import { createTiles } from './tiles.js';
import { createAlertPanel } from './alert-panel.js';
import { createDrilldown } from './drilldown.js';

/** @typedef {import('./contract').WallSnapshot} WallSnapshot */

const drilldown = createDrilldown();
const grid = createUnitGrid({ open: id => drilldown.openUnit(id) });
const tiles = createTiles({ container: $('[data-testid="tiles"]'), requestRender: () => scheduleRender(), open: id => drilldown.openMetric(id) });
const panel = createAlertPanel({
  acknowledge: async (fingerprint, note, take) => {
    const view = await hub.connection.invoke(take ? 'Acknowledge' : 'Unacknowledge', fingerprint, note);
    if (view) state.applyAlertUpdates([view]);
  },
  onUnitCounts: counts => grid.setAlertCounts(counts),
});

let frame = 0;
let relabel = false;
function scheduleRender() {
  if (frame === 0) frame = requestAnimationFrame(render);
}
state.onChange(scheduleRender);

function render() {
  frame = 0;
  const now = Date.now();
  const { dirty } = state;
  const all = dirty.all || relabel;
  if (dirty.all) tiles.resetSeries(state.series.values());
  else for (const key of dirty.series) {
    const s = state.series.get(key);
    if (s) tiles.seriesChanged(s);
  }
  grid.render(dirty, now);
  // Unit names in alert cards follow within a second (the tick), not on every unit update.
  if (all || dirty.alerts.size > 0) panel.render(now);
  tiles.render();
  dirty.units.clear();
  dirty.series.clear();
  dirty.alerts.clear();
  dirty.all = false;
  relabel = false;
}

/**
 * The catalog says the province's name, which indicators are headlines, the figures on unit cards and their levels.
 * Asked again on every (re)connection, so a changed catalog shows after a server restart; none (404) means no tiles.
 * A failed request (a node starting, a proxy's 502) is tried again a few seconds later, not only at the next connection:
 * without the catalog the cards have no figures.
 */
let catalogRequest = null;
function loadCatalog() {
  catalogRequest ??= fetch('/api/v1/catalog', { headers: { Accept: 'application/json' } })
    .then(async response => {
      if (response.status === 404) {
        await response.text(); // read to the end, so the request finishes instead of being aborted
        return null;
      }
      if (!response.ok) throw new Error(`GET /api/v1/catalog: HTTP ${response.status}`);
      return response.json();
    })
    .then(catalog => {
      setCatalog(catalog);
      renderProvince();
      state.dirty.all = true;
      scheduleRender();
      if (tiles.setMetrics()) {
        tiles.resetSeries(state.series.values());
        return tiles.seedHistory();
      }
    })
    .catch(err => {
      console.info('wall: the metric catalog is unavailable; it is asked again in 5 s', err);
      setTimeout(loadCatalog, 5000);
    })
    .finally(() => { catalogRequest = null; });
  return catalogRequest;
}

function renderProvince() {
  const name = provinceName();
  setText($('[data-testid="province"]'), name);
  document.title = name ? `${text('title')} — ${name}` : text('title');
}

// The clock, and ages that grow every second.
const clockTime = $('[data-clock="time"]');
const clockDate = $('[data-clock="date"]');
function tick() {
  // The next second is booked first: nothing that fails below may stop the clock.
  setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
  const now = new Date();
  setText(clockTime, i18n.clock.format(now));
  clockTime.setAttribute('datetime', now.toISOString());
  const date = i18n.date.format(now);
  setText(clockDate, date.charAt(0).toLocaleUpperCase(i18n.locale) + date.slice(1));
  const ms = now.getTime();
  state.dropExpiredAlerts(ms);
  grid.tick(ms);
  panel.render(ms);
  tiles.tick(ms);
  drilldown.tick(ms);
}

// Connection: automatic reconnect with capped backoff, and a restart loop if it ever closes.
const connectionEl = $('[data-testid="connection"]');
const connectionLabel = $('.connection-label', connectionEl);
let connectionLabelKey = 'connection.disconnected';
/** @param {import('./connection.js').ConnectionState} connectionState @param {string} [labelKey] */
function setConnection(connectionState, labelKey = 'connection.' + connectionState) {
  connectionLabelKey = labelKey;
  connectionEl.dataset.state = connectionState;
  document.body.dataset.connection = connectionState;
  setText(connectionLabel, text(labelKey));
}

const hub = connectHub({
  page: 'wall',
  view: 'wall',
  onState: setConnection,
  handlers: {
    snapshot: (/** @type {WallSnapshot} */ snapshot) => {
      hub.healthy();
      state.applySnapshot(snapshot);
      panel.snapshotArrived();
      loadCatalog();
    },
    alertsUpdated: state.applyAlertUpdates,
    seriesUpdated: state.applySeriesUpdates,
    departmentsUpdated: state.applyUnitUpdates,
  },
});

/** A language switch re-renders texts and numbers in place: no reload, no new connection. */
onLanguage(() => {
  renderProvince();
  tiles.relabel();
  drilldown.relabel();
  setText(connectionLabel, text(connectionLabelKey));
  relabel = true;
  scheduleRender();
});

$('[data-testid="lang"]').addEventListener('click', () => {
  setLanguage(otherLanguage()).catch(err => console.error('wall: language switch failed', err));
});

setLanguage(initialLanguage())
  .catch(err => console.error('wall: texts failed to load', err))
  .finally(() => {
    setConnection('disconnected');
    relabel = true;
    scheduleRender();
    tick();
    mountUser($('.wall-status'))
      .then(user => {
        // Administrators get the admin area's link and "silence" on alert cards; nobody else sees either.
        if (!user?.roles.includes('admin')) return;
        const link = document.createElement('a');
        link.className = 'admin-link';
        link.href = '/admin';
        link.dataset.testid = 'admin-link';
        link.dataset.text = 'admin.link';
        link.textContent = text('admin.link');
        $('.status-row').prepend(link);
        panel.allowSilence(true);
        scheduleRender();
      })
      .catch(err => console.info('wall: who is signed in is unknown', err));
    hub.start();
  });
