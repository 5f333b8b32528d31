// @ts-check
// Leader view: the alerts sent to leaders in the last 24 h (GET /api/v1/alerts/leader, kept by the server, merged
// with the live hub message `leaderNotice`), newest first; resolved ones greyed with when and how they ended.
// Each shows what, where, since when and who owns it, and can be acknowledged. A beep and a browser
// notification (when permitted) announce every notice; Web Push (leader-push.js) reaches the phone with the page
// closed. Above the list, the province's headline indicators (leader-indicators.js).
import { text, setLanguage, initialLanguage, onLanguage, otherLanguage, applyStaticTexts } from './i18n.js';
import { durationText, formatDateTime } from './format.js';
import { alertFrom, alertTitle, alertDescription, isNewer, alertUnit } from './alerts.js';
import { buildAckForm } from './ack-form.js';
import { connectHub } from './connection.js';
import { mountUser } from './session.js';
import { beep, unlockSound } from './sound.js';
import { $, fromTemplate, setText, setAttr } from './dom.js';
import { createIndicators } from './leader-indicators.js';
import { registerWorker, subscribe, isSubscribed } from './leader-push.js';

/** @typedef {import('./contract').LeaderLogEntry} LeaderLogEntry */

/** How far back the list reaches. */
const RECENT_HOURS = 24;

/** fingerprint -> { alert, kind, receivedMs } */
const notices = new Map();
/** fingerprint -> view */
const views = new Map();
/** department id -> display name, from the snapshot and department updates */
const departmentNames = new Map();
const departmentName = id => departmentNames.get(id) ?? id ?? '';

function onDepartments(statuses) {
  for (const d of statuses ?? []) {
    if (d?.id) departmentNames.set(String(d.id), d.name || String(d.id));
  }
}

const list = $('.leader-list');
const empty = $('[data-testid="leader-empty"]');
const connectionEl = $('[data-testid="connection"]');
const connectionLabel = $('.connection-label', connectionEl);
const notifyButton = $('[data-testid="notify-enable"]');
const notifyStatus = $('[data-testid="notify-status"]');
// Refreshed from the hub (the node's memory), called only once the connection below exists.
const indicators = createIndicators($('[data-testid="indicators"]'), () => hub.connection.invoke('Refresh'));

const lower = v => String(v ?? '').toLowerCase();

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

function render(fp) {
  const n = notices.get(fp);
  let view = views.get(fp);
  if (!n) {
    view?.row.remove();
    views.delete(fp);
    return;
  }
  if (!view) {
    const row = fromTemplate('leader-alert-template');
    row.dataset.fingerprint = fp;
    const form = buildAckForm(note => acknowledge(fp, note));
    row.append(form);
    applyStaticTexts(row);
    view = {
      row,
      form,
      kind: row.querySelector('.la-kind'),
      severity: row.querySelector('.la-severity'),
      state: row.querySelector('.la-state'),
      silenced: row.querySelector('.la-silenced'),
      title: row.querySelector('.la-title'),
      description: row.querySelector('.la-description'),
      department: row.querySelector('.la-department'),
      since: row.querySelector('.la-since'),
      owner: row.querySelector('.la-owner'),
      ackBy: row.querySelector('.la-ack-by'),
      ended: row.querySelector('.la-ended'),
      ack: row.querySelector('.ack-button'),
    };
    view.ack.addEventListener('click', () => form.open('ack.confirm'));
    views.set(fp, view);
  }
  const a = n.alert;
  setAttr(view.row, 'data-kind', n.kind);
  setAttr(view.row, 'data-state', a.state);
  setAttr(view.row, 'data-severity', a.severity);
  setAttr(view.row, 'data-silenced', String(a.silenced));
  setText(view.kind, text('kind.' + n.kind));
  setText(view.severity, text('severity.' + a.severity));
  setText(view.state, text('state.' + a.state));
  view.silenced.hidden = !a.silenced;
  setText(view.silenced, text('alert.silenced'));
  setText(view.title, alertTitle(a));
  setText(view.description, alertDescription(a));
  setText(view.department, departmentName(alertUnit(a)));
  setText(view.since, `${formatDateTime(a.sinceMs)} (${durationText(Date.now() - a.sinceMs, 'age')})`);
  setText(view.owner, departmentName(a.owner));
  const acked = ackText(a);
  view.ackBy.hidden = !acked;
  setText(view.ackBy, acked);
  const ended = a.state === 'resolved' ? endedText(a) : '';
  view.ended.hidden = !ended;
  setText(view.ended, ended);
  view.ack.hidden = a.state !== 'firing';
  setText(view.ack, text('ack.button'));
  if (a.state !== 'firing' && !view.form.hidden) view.form.close();
  applyStaticTexts(view.row);
}

/** Who took the alert and when, also once it ended. @param {import('./alerts.js').Alert} a */
function ackText(a) {
  if (!a.acknowledgedBy) return '';
  const name = a.acknowledgedByName || a.acknowledgedBy;
  const at = Date.parse(a.acknowledgedAt ?? '');
  const taken = Number.isNaN(at) ? text('alert.ackByNoTime', { name }) : text('alert.ackBy', { name, time: formatDateTime(at) });
  return taken + (a.note ? ` — ${a.note}` : '');
}

/** How ended alerts are said, by the server's resolution. */
const RESOLUTIONS = /** @type {Record<string, string>} */ ({
  'rule removed': 'leader.resolution.ruleRemoved',
  'rule no longer applies': 'leader.resolution.ruleNoLongerApplies',
});

/** When and how a resolved alert ended: its values cleared, or its rule went away. @param {import('./alerts.js').Alert} a */
function endedText(a) {
  const how = a.resolution ? (RESOLUTIONS[a.resolution] ? text(RESOLUTIONS[a.resolution]) : a.resolution) : '';
  if (a.endedMs == null) return how ? text('alert.endedHowNoTime', { how }) : text('alert.recoveredNoTime');
  const time = formatDateTime(a.endedMs);
  return how ? text('alert.endedHow', { how, time }) : text('alert.recovered', { time });
}

function order() {
  // Open alerts first (what still needs someone), then the ended ones; newest notice first within each.
  const ended = (/** @type {{ alert: { state: string } }} */ n) => (n.alert.state === 'resolved' ? 1 : 0);
  const sorted = [...notices.entries()].sort(([, x], [, y]) => ended(x) - ended(y) || y.receivedMs - x.receivedMs);
  sorted.forEach(([fp], i) => {
    const row = views.get(fp)?.row;
    if (row && list.children[i] !== row) list.insertBefore(row, list.children[i] ?? null);
  });
  empty.hidden = notices.size > 0;
}

function renderAll() {
  for (const fp of notices.keys()) render(fp);
  order();
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

function onNotice(notice) {
  if (!notice?.alert) return;
  const alert = alertFrom(notice.alert);
  const kind = lower(notice.kind) || 'firing';
  notices.set(alert.fingerprint, { alert, kind, receivedMs: Date.now() });
  render(alert.fingerprint);
  order();
  announce(kind, alert);
}

/** Newer states of alerts already on the list (an acknowledgement from the wall, a resolution). */
function onAlerts(alerts) {
  for (const raw of alerts ?? []) {
    const n = notices.get(String(raw.fingerprint));
    if (!n) continue;
    const alert = alertFrom(raw);
    if (!isNewer(n.alert, alert)) continue;
    n.alert = alert;
    render(alert.fingerprint);
  }
  order(); // a resolution moves the alert below the open ones
}

/**
 * What the server kept of the alerts sent to leaders in the last 24 h, including those sent and resolved before
 * the page was opened; asked on every (re)connection and merged with what the hub brought meanwhile.
 */
async function loadRecent() {
  let entries;
  try {
    const response = await fetch(`/api/v1/alerts/leader?hours=${RECENT_HOURS}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) throw new Error(`GET /api/v1/alerts/leader: HTTP ${response.status}`);
    entries = /** @type {LeaderLogEntry[]} */ (await response.json());
  } catch (err) {
    console.warn('leader: the recent alerts could not be read', err);
    return;
  }
  for (const entry of entries) {
    if (!entry?.alert) continue;
    const alert = alertFrom(entry.alert);
    const receivedMs = Date.parse(entry.notifiedAt) || Date.now();
    const known = notices.get(alert.fingerprint);
    if (!known) {
      notices.set(alert.fingerprint, { alert, kind: lower(entry.kind) || 'firing', receivedMs });
      continue;
    }
    if (isNewer(known.alert, alert)) known.alert = alert;
    if (receivedMs > known.receivedMs) Object.assign(known, { kind: lower(entry.kind) || known.kind, receivedMs });
  }
  renderAll();
  focusLinked();
}

/** The alert a notification opened (#alert=<fingerprint>): scrolled to and marked. */
function focusLinked(fingerprint = new URLSearchParams(location.hash.slice(1)).get('alert')) {
  if (!fingerprint) return;
  for (const [fp, view] of views) view.row.toggleAttribute('data-focused', fp === fingerprint);
  views.get(fingerprint)?.row.scrollIntoView({ block: 'center' });
}

function acknowledge(fingerprint, note) {
  return connection.invoke('Acknowledge', fingerprint, note).then(view => {
    if (view) onAlerts([view]);
  });
}

// ---------------------------------------------------------------------------------------------
// Sound and notifications
// ---------------------------------------------------------------------------------------------

function announce(kind, alert) {
  // Counted for the tests: every notice is announced once.
  const counted = /** @type {any} */ (window);
  counted.__leaderNotices = (counted.__leaderNotices ?? 0) + 1;
  beep(alert.severity === 'critical' && kind !== 'resolved');
  if ('Notification' in window && Notification.permission === 'granted') {
    try {
      new Notification(`${text('kind.' + kind)}: ${alertTitle(alert)}`, /** @type {NotificationOptions} */ ({
        body: `${departmentName(alertUnit(alert))} · ${alertDescription(alert)}`,
        tag: alert.fingerprint,
        renotify: true,
      }));
    } catch (err) {
      console.warn('leader: notification failed', err);
    }
  }
}

/** "Nhận thông báo" shows until this browser is subscribed to Web Push (or, without Web Push, until permitted). */
async function updateNotifyButton() {
  const canPush = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  const subscribed = canPush && Notification.permission === 'granted' && await isSubscribed().catch(() => false);
  notifyButton.hidden = canPush ? subscribed || Notification.permission === 'denied' : !('Notification' in window) || Notification.permission !== 'default';
  notifyStatus.hidden = !subscribed;
  setText(notifyStatus, text('leader.notifyOn'));
}

notifyButton.addEventListener('click', async () => {
  unlockSound(); // a user gesture: later beeps may play
  notifyButton.dataset.state = 'working';
  try {
    await subscribe();
    notifyButton.dataset.state = 'subscribed';
  } catch (err) {
    console.warn('leader: push subscription failed', err);
    notifyButton.dataset.state = 'failed';
    notifyStatus.hidden = false;
    setText(notifyStatus, text('leader.notifyFailed'));
    return;
  }
  await updateNotifyButton();
});

// ---------------------------------------------------------------------------------------------
// Connection: reconnect with backoff; the server puts a leader's connection in the leaders' group by role.
// ---------------------------------------------------------------------------------------------

let connectionLabelKey = 'connection.disconnected';
function setConnection(state, labelKey = 'connection.' + state) {
  connectionLabelKey = labelKey;
  connectionEl.dataset.state = state;
  if (state !== 'connected') connectionEl.dataset.joined = 'false';
  setText(connectionLabel, text(labelKey));
}

const hub = connectHub({
  page: 'leader',
  view: 'leader',
  onState: setConnection,
  onConnected: join,
  handlers: {
    leaderNotice: onNotice,
    alertsUpdated: onAlerts,
    snapshot: snapshot => {
      hub.healthy();
      onDepartments(snapshot?.departments);
      onAlerts(snapshot?.alerts);
      renderAll();
      indicators.setSeries(snapshot?.series);
      loadRecent();
    },
    departmentsUpdated: onDepartments,
  },
});
const connection = hub.connection;

/** The server puts a leader's connection in the leaders' group as it connects (by role): mark it for the page. */
async function join() {
  connectionEl.dataset.joined = 'true';
}

// ---------------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------------

onLanguage(() => {
  document.title = text('leader.title');
  indicators.render();
  setText(connectionLabel, text(connectionLabelKey));
  renderAll();
});
$('[data-testid="lang"]').addEventListener('click', () => {
  setLanguage(otherLanguage()).catch(err => console.error('leader: language switch failed', err));
});
setInterval(renderAll, 30_000); // ages ("5 phút")
addEventListener('hashchange', () => focusLinked());
// A notification clicked while the view is open: the service worker focuses it and names the alert.
navigator.serviceWorker?.addEventListener('message', event => {
  if (event.data?.type === 'open-alert' && event.data.fingerprint) {
    history.replaceState(null, '', `#alert=${encodeURIComponent(event.data.fingerprint)}`);
    focusLinked(event.data.fingerprint);
  }
});

setLanguage(initialLanguage())
  .catch(err => console.error('leader: texts failed to load', err))
  .finally(() => {
    setConnection('disconnected');
    registerWorker().then(() => updateNotifyButton());
    order();
    indicators.loadCatalog();
    mountUser($('.leader-controls')).catch(err => console.warn('leader: who is signed in is unknown', err));
    hub.start();
  });
