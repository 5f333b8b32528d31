// @ts-check
// The alert panel, built for floods: alerts grouped by rule (a count per group, expandable), most severe then oldest
// first, scrolling with "+N more" always in sight; new critical alerts marked (and, when turned on, a tone).
import { i18n, text, applyStaticTexts } from './i18n.js';
import { $, setText, setAttr, fromTemplate, placeInOrder } from './dom.js';
import { sinceText } from './format.js';
import {
  SEVERITY_RANK, compareAlerts, isOpen, alertTitle, alertDescription, whereText, valueText, resolvedText,
  acknowledgedText, ownerText, groupTitle, alertUnit,
} from './alerts.js';
import { alerts, unitName } from './state.js';
import { buildAckForm } from './ack-form.js';
import { beep, unlockSound } from './sound.js';

/** @typedef {import('./alerts.js').Alert} Alert */
/**
 * @typedef {{ row: HTMLElement, form: ReturnType<typeof buildAckForm>, severity: HTMLElement, state: HTMLElement,
 *   silenced: HTMLElement, fresh: HTMLElement, title: HTMLElement, where: HTMLElement, value: HTMLElement,
 *   since: HTMLElement, owner: HTMLElement, ackBy: HTMLElement, resolved: HTMLElement, ack: HTMLButtonElement,
 *   unack: HTMLButtonElement, silence: HTMLAnchorElement }} Card
 * @typedef {{ el: HTMLElement, toggle: HTMLButtonElement, title: HTMLElement, count: HTMLElement,
 *   severity: HTMLElement, units: HTMLElement, list: HTMLElement }} Group
 */

/** Groups of at most this many alerts open by themselves; larger ones show their units until expanded. */
const OPEN_GROUP_SIZE = 3;
/** How long a new critical alert stays marked "new" unless someone takes it first. */
const NEW_MARK_MS = 120_000;
const SOUND_KEY = 'oc.alertSound';

/**
 * @param {{ acknowledge: (fingerprint: string, note: string | null, take: boolean) => Promise<void>,
 *   onUnitCounts: (counts: Map<string, { count: number, severity: string }>) => void }} options
 */
export function createAlertPanel({ acknowledge, onUnitCounts }) {
  const panel = $('[data-testid="alerts"]');
  const scroller = $('.alert-scroll', panel);
  const list = $('.alert-groups', panel);
  const empty = $('[data-testid="alerts-empty"]', panel);
  const count = $('[data-alert-count]', panel);
  const summary = $('[data-summary="alerts"]');
  const more = /** @type {HTMLButtonElement} */ ($('[data-testid="alerts-more"]', panel));
  const soundToggle = /** @type {HTMLButtonElement} */ ($('[data-testid="alert-sound"]', panel));
  const status = $('[data-testid="alerts-status"]', panel);

  /** @type {Map<string, Card>} */
  const cards = new Map();
  /** rule -> group */
  /** @type {Map<string, Group>} */
  const groups = new Map();
  /** rule -> expanded, as the operator chose */
  /** @type {Map<string, boolean>} */
  const chosen = new Map();
  /** fingerprint -> when it was first seen firing critical on this page (0: not new, as it was open at load) */
  /** @type {Map<string, number>} */
  const newSince = new Map();
  /** Critical alerts already marked or announced once: taken and given back, they do not sound again. */
  const announced = new Set();
  /** Until the first snapshot has been rendered, open alerts are what the page found, not new ones. */
  let seeded = false;
  let snapshotSeen = false;
  let soundOn = readSound();
  /** The signed-in person is an administrator: cards offer "silence". */
  let canSilence = false;

  function readSound() {
    try { return localStorage.getItem(SOUND_KEY) === 'on'; } catch { return false; }
  }

  soundToggle.addEventListener('click', () => {
    soundOn = !soundOn;
    try { localStorage.setItem(SOUND_KEY, soundOn ? 'on' : 'off'); } catch { /* storage unavailable */ }
    if (soundOn) unlockSound();
    renderSoundToggle();
  });

  function renderSoundToggle() {
    setAttr(soundToggle, 'aria-pressed', String(soundOn));
    setText(soundToggle, text(soundOn ? 'alerts.soundOn' : 'alerts.soundOff'));
  }

  more.addEventListener('click', () => scroller.scrollBy({ top: scroller.clientHeight * 0.8, behavior: 'smooth' }));
  scroller.addEventListener('scroll', () => renderMore(), { passive: true });
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => renderMore()).observe(scroller);

  /** @param {string} fp @returns {Card} */
  function cardFor(fp) {
    let card = cards.get(fp);
    if (card) return card;
    const row = fromTemplate('alert-template');
    row.dataset.fingerprint = fp;
    const form = buildAckForm(note => acknowledge(fp, note, form.dataset.take === 'true'));
    row.append(form);
    const q = (/** @type {string} */ s) => $(s, row);
    card = {
      row, form,
      severity: q('.alert-severity'), state: q('.alert-state'), silenced: q('.alert-silenced'), fresh: q('.alert-new'),
      title: q('.alert-title'), where: q('.alert-where'), value: q('.alert-value'), since: q('.alert-since'),
      owner: q('.alert-owner'), ackBy: q('.alert-ack-by'), resolved: q('.alert-resolved'),
      ack: /** @type {HTMLButtonElement} */ (q('[data-testid="ack"]')),
      unack: /** @type {HTMLButtonElement} */ (q('[data-testid="unack"]')),
      silence: /** @type {HTMLAnchorElement} */ (q('[data-testid="silence"]')),
    };
    card.ack.addEventListener('click', () => { form.dataset.take = 'true'; form.open('ack.confirm'); });
    card.unack.addEventListener('click', () => { form.dataset.take = 'false'; form.open('ack.giveBackConfirm'); });
    applyStaticTexts(row);
    cards.set(fp, card);
    return card;
  }

  /** @param {string} rule @returns {Group} */
  function groupFor(rule) {
    let group = groups.get(rule);
    if (group) return group;
    const el = fromTemplate('alert-group-template');
    el.dataset.rule = rule;
    group = {
      el,
      toggle: /** @type {HTMLButtonElement} */ ($('.group-head', el)),
      title: $('.group-title', el),
      count: $('.group-count', el),
      severity: $('.group-severity', el),
      units: $('.group-units', el),
      list: $('.group-alerts', el),
    };
    group.toggle.addEventListener('click', () => {
      chosen.set(rule, el.dataset.expanded !== 'true');
      render(Date.now());
    });
    groups.set(rule, group);
    return group;
  }

  /**
   * Marks critical alerts that began firing while this page was open and says them to screen readers; one tone for
   * however many arrived at once, when sound is on. @param {number} now
   */
  function markNew(now) {
    /** @type {Alert[]} */
    const arrived = [];
    for (const a of alerts.values()) {
      if (a.severity !== 'critical' || a.state !== 'firing' || announced.has(a.fingerprint)) continue;
      announced.add(a.fingerprint);
      newSince.set(a.fingerprint, seeded ? now : 0);
      if (seeded) arrived.push(a);
    }
    for (const [fp, since] of newSince) {
      const a = alerts.get(fp);
      if (!a || a.state !== 'firing') newSince.delete(fp);
      else if (since !== 0 && now - since > NEW_MARK_MS) newSince.set(fp, 0);
    }
    for (const fp of announced) if (!alerts.has(fp)) announced.delete(fp);
    if (arrived.length > 0) {
      setText(status, text('alerts.arrived', { n: arrived.length, title: alertTitle(arrived[0]) }));
      if (soundOn) beep(true);
    }
    if (snapshotSeen) seeded = true;
  }

  /** @param {Alert} a @param {number} now */
  function renderCard(a, now) {
    const card = cardFor(a.fingerprint);
    setAttr(card.row, 'data-state', a.state);
    setAttr(card.row, 'data-severity', a.severity);
    setAttr(card.row, 'data-silenced', String(!!a.silenced));
    const isNew = (newSince.get(a.fingerprint) ?? 0) > 0;
    setAttr(card.row, 'data-new', String(isNew));
    card.fresh.hidden = !isNew;
    setText(card.fresh, text('alert.new'));
    setText(card.severity, text('severity.' + a.severity));
    setText(card.state, text('state.' + a.state));
    card.silenced.hidden = !a.silenced;
    setText(card.silenced, text('alert.silenced'));
    setText(card.title, alertTitle(a));
    card.title.title = alertDescription(a);
    setText(card.where, whereText(a, unitName));
    const resolved = a.state === 'resolved';
    card.value.hidden = resolved;
    setText(card.value, resolved ? '' : valueText(a));
    card.resolved.hidden = !resolved;
    setText(card.resolved, resolved ? resolvedText(a) : '');
    setText(card.since, sinceText(a.sinceMs, now));
    setText(card.owner, ownerText(a, unitName));
    const acked = acknowledgedText(a);
    card.ackBy.hidden = !acked;
    setText(card.ackBy, acked);
    card.ack.hidden = a.state !== 'firing';
    card.unack.hidden = a.state !== 'acknowledged';
    setText(card.ack, text('ack.button'));
    setText(card.unack, text('ack.giveBack'));
    // Administrators silence an open alert from its card: the admin area's form, matchers filled in from the alert.
    card.silence.hidden = !canSilence || resolved || !!a.silenced;
    if (canSilence) {
      setAttr(card.silence, 'href', '/admin#silences?' + new URLSearchParams({ alertname: a.ruleName, department: alertUnit(a) }).toString());
      setText(card.silence, text('alert.silence'));
      setAttr(card.silence, 'title', text('alert.silenceTitle'));
    }
    const canAct = (card.form.dataset.take === 'true' && a.state === 'firing') || (card.form.dataset.take === 'false' && a.state === 'acknowledged');
    if (!card.form.hidden && !canAct) card.form.close();
    return card;
  }

  /** Someone is typing a note in the panel. */
  const typing = () => panel.contains(document.activeElement) && document.activeElement instanceof HTMLInputElement;

  /** Everything: ages tick, groups re-sort; once a second and on each alert change (a flood is hundreds, not more). @param {number} now */
  function render(now) {
    markNew(now);
    /** @type {Map<string, Alert[]>} */
    const byRule = new Map();
    for (const a of [...alerts.values()].sort(compareAlerts)) {
      const members = byRule.get(a.ruleName);
      if (members) members.push(a); else byRule.set(a.ruleName, [a]);
    }
    for (const [fp, card] of cards) {
      if (!alerts.has(fp)) {
        card.row.remove();
        cards.delete(fp);
        newSince.delete(fp);
      }
    }
    for (const [rule, group] of groups) {
      if (!byRule.has(rule)) {
        group.el.remove();
        groups.delete(rule);
      }
    }
    const ordered = [...byRule.entries()].sort(([, a], [, b]) => compareAlerts(a[0], b[0]));
    /** @type {HTMLElement[]} */
    const rows = [];
    for (const [rule, members] of ordered) {
      const group = groupFor(rule);
      const open = members.filter(isOpen);
      const expanded = members.length === 1 || (chosen.get(rule) ?? members.length <= OPEN_GROUP_SIZE);
      setAttr(group.el, 'data-single', String(members.length === 1));
      setAttr(group.el, 'data-expanded', String(expanded));
      setAttr(group.toggle, 'aria-expanded', String(expanded));
      setAttr(group.el, 'data-severity', members[0].severity);
      setAttr(group.el, 'data-new', String(members.some(a => (newSince.get(a.fingerprint) ?? 0) > 0)));
      setText(group.title, groupTitle(members));
      setText(group.count, i18n.integer.format(members.length));
      group.count.title = text('alerts.groupCount', { n: members.length, open: open.length });
      setText(group.severity, text('severity.' + members[0].severity));
      setText(group.units, [...new Set(members.map(a => whereText(a, unitName)))].join(', '));
      const cardRows = members.map(a => renderCard(a, now).row);
      // Moving a row with a focused note would drop the focus mid-sentence: the order waits until the form closes.
      if (!typing()) placeInOrder(group.list, cardRows);
      else for (const row of cardRows) if (!row.parentNode) group.list.append(row);
      rows.push(group.el);
    }
    if (!typing()) placeInOrder(list, rows);
    else for (const row of rows) if (!row.parentNode) list.append(row);

    const active = [...alerts.values()].filter(isOpen);
    setText(count, i18n.integer.format(active.length));
    setText(summary, i18n.integer.format(active.length));
    empty.hidden = active.length > 0;
    renderSoundToggle();
    renderMore();

    /** @type {Map<string, { count: number, severity: string }>} */
    const perUnit = new Map();
    for (const a of active) {
      const unit = alertUnit(a);
      const c = perUnit.get(unit) ?? { count: 0, severity: 'info' };
      c.count++;
      if ((SEVERITY_RANK[a.severity] ?? 0) > (SEVERITY_RANK[c.severity] ?? 0)) c.severity = a.severity;
      perUnit.set(unit, c);
    }
    onUnitCounts(perUnit);
  }

  /** "+N more" counts the alerts below the visible part of the list, so none is out of sight unannounced. */
  function renderMore() {
    const bottom = scroller.getBoundingClientRect().bottom - 2;
    let below = 0;
    for (const group of groups.values()) {
      const expanded = group.el.dataset.expanded === 'true';
      if (!expanded) {
        if (group.el.getBoundingClientRect().top >= bottom) below += Number(group.list.children.length);
        continue;
      }
      for (const row of group.list.children) {
        if (row.getBoundingClientRect().top >= bottom) below++;
      }
    }
    more.hidden = below === 0;
    setAttr(more, 'data-count', String(below));
    setText(more, text('alerts.more', below));
  }

  /** The first snapshot arrived: what it holds was open before this page, not new. */
  const snapshotArrived = () => { snapshotSeen = true; };

  /** Cards offer "silence" (administrators only). @param {boolean} allowed */
  function allowSilence(allowed) {
    canSilence = allowed;
  }

  return { render, snapshotArrived, allowSilence };
}
