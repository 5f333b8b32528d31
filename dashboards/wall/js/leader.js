// @ts-check
// Leader view: only alerts routed to leaders (hub message `leaderNotice`, sent to people with the leader role), newest first.
// Each shows what, where, since when and who owns it, and can be acknowledged. A beep and a browser
// notification (when permitted) announce every notice.
import { text, setLanguage, initialLanguage, onLanguage, otherLanguage, applyStaticTexts } from './i18n.js';
import { durationText, dateTimeText } from './format.js';
import { alertFrom, alertTitle, alertDescription, acknowledgedText, isNewer, alertUnit } from './alerts.js';
import { buildAckForm } from './ack-form.js';
import { connectHub } from './connection.js';
import { mountUser } from './session.js';
import { beep, unlockSound } from './sound.js';
import { $, fromTemplate, setText, setAttr } from './dom.js';

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
  setText(view.since, `${dateTimeText(a.sinceMs, { always: true })} (${durationText(Date.now() - a.sinceMs, 'age')})`);
  setText(view.owner, departmentName(a.owner));
  const acked = acknowledgedText(a);
  view.ackBy.hidden = !acked;
  setText(view.ackBy, acked);
  view.ack.hidden = a.state !== 'firing';
  setText(view.ack, text('ack.button'));
  if (a.state !== 'firing' && !view.form.hidden) view.form.close();
  applyStaticTexts(view.row);
}

function order() {
  const sorted = [...notices.entries()].sort(([, x], [, y]) => y.receivedMs - x.receivedMs);
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
}

/**
 * After a reload or reconnect: alerts the server already routed to leaders (leadersNotifiedAt set) and still open
 * come back on the list, quietly, so a leader's phone never shows less than what was sent to it.
 */
function restoreRouted(alerts) {
  for (const raw of alerts ?? []) {
    if (!raw?.leadersNotifiedAt || notices.has(String(raw.fingerprint))) continue;
    const alert = alertFrom(raw);
    if (alert.state === 'resolved') continue;
    notices.set(alert.fingerprint, { alert, kind: 'firing', receivedMs: Date.parse(raw.leadersNotifiedAt) || Date.now() });
  }
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

function updateNotifyButton() {
  notifyButton.hidden = !('Notification' in window) || Notification.permission !== 'default';
}

notifyButton.addEventListener('click', async () => {
  unlockSound(); // a user gesture: later beeps may play
  try { await Notification.requestPermission(); } catch { /* not supported */ }
  updateNotifyButton();
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
      restoreRouted(snapshot?.alerts);
      onAlerts(snapshot?.alerts);
      renderAll();
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
  setText(connectionLabel, text(connectionLabelKey));
  renderAll();
});
$('[data-testid="lang"]').addEventListener('click', () => {
  setLanguage(otherLanguage()).catch(err => console.error('leader: language switch failed', err));
});
setInterval(renderAll, 30_000); // ages ("5 phút")

setLanguage(initialLanguage())
  .catch(err => console.error('leader: texts failed to load', err))
  .finally(() => {
    setConnection('disconnected');
    updateNotifyButton();
    order();
    mountUser($('.leader-controls')).catch(err => console.warn('leader: who is signed in is unknown', err));
    hub.start();
  });
