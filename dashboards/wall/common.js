// Shared by the wall (index.html) and the leader view (leader.html): texts from i18n/<lang>.json,
// number and date formats of the current language, the signed-in person, and alert helpers.
(() => {
  'use strict';

  const LANGUAGES = ['vi', 'en'];
  const DEFAULT_LANGUAGE = 'vi';
  const LANGUAGE_KEY = 'oc.language';

  const cache = new Map();
  let fallback = {};
  let texts = {};
  const listeners = [];

  const i18n = {
    lang: DEFAULT_LANGUAGE,
    locale: 'vi-VN',
    integer: null,
    number: null,
    small: null,
    clock: null,
    date: null,
    dateTime: null,
    collator: null,
  };

  async function load(lang) {
    if (!cache.has(lang)) {
      const response = await fetch(`i18n/${lang}.json`, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`i18n/${lang}.json: HTTP ${response.status}`);
      cache.set(lang, await response.json());
    }
    return cache.get(lang);
  }

  function storedLanguage() {
    const requested = new URLSearchParams(location.search).get('lang');
    if (requested && LANGUAGES.includes(requested)) return requested;
    try {
      const stored = localStorage.getItem(LANGUAGE_KEY);
      if (stored && LANGUAGES.includes(stored)) return stored;
    } catch { /* storage unavailable */ }
    return DEFAULT_LANGUAGE;
  }

  function text(key, values) {
    let s = texts[key] ?? fallback[key] ?? key;
    if (values !== undefined) {
      const map = typeof values === 'object' ? values : { n: values };
      s = s.replace(/\{(\w+)\}/g, (m, name) => {
        if (!(name in map)) return m;
        const v = map[name];
        return typeof v === 'number' ? i18n.integer.format(v) : String(v);
      });
    }
    return s;
  }

  function applyStaticTexts(root = document) {
    for (const el of root.querySelectorAll('[data-text]')) {
      const value = text(el.dataset.text);
      if (el.textContent !== value) el.textContent = value;
    }
    for (const el of root.querySelectorAll('[data-text-placeholder]')) {
      el.placeholder = text(el.dataset.textPlaceholder);
    }
    for (const el of root.querySelectorAll('[data-text-title]')) {
      el.title = text(el.dataset.textTitle);
    }
  }

  async function setLanguage(lang) {
    if (!LANGUAGES.includes(lang)) lang = DEFAULT_LANGUAGE;
    fallback = await load(DEFAULT_LANGUAGE);
    texts = await load(lang);
    i18n.lang = lang;
    configureFormats(texts.locale || 'vi-VN');
    try { localStorage.setItem(LANGUAGE_KEY, lang); } catch { /* storage unavailable */ }
    document.documentElement.lang = lang;
    document.documentElement.dataset.lang = lang;
    applyStaticTexts();
    for (const listener of listeners) listener(lang);
  }

  function configureFormats(locale) {
    i18n.locale = locale;
    i18n.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    i18n.number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    i18n.small = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
    i18n.clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    i18n.date = new Intl.DateTimeFormat(locale, { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' });
    i18n.dateTime = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', hourCycle: 'h23' });
    i18n.collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  }
  configureFormats('vi-VN');

  function toNumber(value) {
    return typeof value === 'number' ? value : Number(value);
  }

  function formatValue(value) {
    const n = toNumber(value);
    if (value === null || value === undefined || !Number.isFinite(n)) return value == null ? '–' : String(value);
    return n !== 0 && Math.abs(n) < 0.01 ? i18n.small.format(n) : i18n.number.format(n);
  }

  function durationText(ageMs, prefix) {
    const seconds = Math.max(0, Math.floor(ageMs / 1000));
    if (seconds < 1) return text(prefix + '.now');
    if (seconds < 60) return text(prefix + '.seconds', seconds);
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return text(prefix + '.minutes', minutes);
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return text(prefix + '.hours', hours);
    return text(prefix + '.days', Math.floor(hours / 24));
  }

  // ---------------------------------------------------------------------------------------------
  // Alerts
  // ---------------------------------------------------------------------------------------------

  const SEVERITY_RANK = { critical: 3, warning: 2, info: 1 };
  const ACTIVE_STATES = new Set(['pending', 'firing', 'acknowledged']);

  const lower = v => (typeof v === 'string' ? v.toLowerCase() : String(v ?? '').toLowerCase());

  function normalizeAlert(a) {
    const since = Date.parse(a.firingSince ?? a.startsAt ?? a.updatedAt ?? '');
    const updated = Date.parse(a.updatedAt ?? '');
    return {
      ...a,
      fingerprint: String(a.fingerprint),
      severity: lower(a.severity),
      state: lower(a.state),
      labels: a.labels ?? {},
      sinceMs: Number.isNaN(since) ? Date.now() : since,
      updatedMs: Number.isNaN(updated) ? 0 : updated,
      silenced: !!a.silenced,
    };
  }

  /** Most severe first, then newest first. */
  function compareAlerts(a, b) {
    return ((SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0))
      || (b.sinceMs - a.sinceMs)
      || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0);
  }

  const alertTitle = a => (i18n.lang === 'en' ? a.titleEn || a.titleVi : a.titleVi || a.titleEn) || a.ruleName || a.fingerprint;
  const alertDescription = a => (i18n.lang === 'en' ? a.descriptionEn || a.descriptionVi : a.descriptionVi || a.descriptionEn) || '';

  // ---------------------------------------------------------------------------------------------
  // The signed-in person: shown in the header with a sign-out button; the server records them on acknowledgements.
  // ---------------------------------------------------------------------------------------------

  const signInUrl = () => '/login?returnUrl=' + encodeURIComponent(location.pathname + location.search);

  async function loadUser() {
    const response = await fetch('/auth/me', { credentials: 'same-origin' });
    if (response.status === 401) {
      location.assign(signInUrl());
      return null;
    }
    return response.ok ? response.json() : null;
  }

  /** Adds "name · sign out" to `container` once the person is known. */
  async function mountUser(container) {
    const user = await loadUser();
    if (!user || !container) return user;
    const box = document.createElement('div');
    box.className = 'signed-in';
    box.innerHTML = `<span class="user-name" data-testid="user"></span>
      <button type="button" class="sign-out" data-testid="sign-out" data-text="auth.signOut"></button>`;
    box.querySelector('.user-name').textContent = user.displayName;
    box.querySelector('.sign-out').addEventListener('click', async () => {
      await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin' });
      location.assign(signInUrl());
    });
    applyStaticTexts(box);
    listeners.push(() => applyStaticTexts(box));
    container.append(box);
    return user;
  }

  /**
   * An inline acknowledge form inside `container`: note, confirm, cancel. `submit(note)` returns a promise; errors
   * are shown in the form.
   */
  function buildAckForm(submit) {
    const form = document.createElement('form');
    form.className = 'ack-form';
    form.hidden = true;
    form.innerHTML = `
      <input class="ack-note" data-testid="ack-note" name="note" autocomplete="off" data-text-placeholder="ack.note">
      <button type="submit" class="ack-confirm" data-testid="ack-confirm" data-text="ack.confirm"></button>
      <button type="button" class="ack-cancel" data-testid="ack-cancel" data-text="ack.cancel"></button>
      <p class="ack-error" role="alert" hidden></p>`;
    const note = form.querySelector('.ack-note');
    const error = form.querySelector('.ack-error');
    const confirm = form.querySelector('.ack-confirm');
    applyStaticTexts(form);

    form.open = () => {
      applyStaticTexts(form);
      error.hidden = true;
      form.hidden = false;
      note.focus();
    };
    form.close = () => {
      form.hidden = true;
      note.value = '';
    };
    form.querySelector('.ack-cancel').addEventListener('click', () => form.close());
    form.addEventListener('submit', async event => {
      event.preventDefault();
      confirm.disabled = true;
      try {
        await submit(note.value.trim() || null);
        form.close();
      } catch (err) {
        const message = String(err?.message ?? err).replace(/^.*HubException: /, '');
        error.textContent = text('ack.failed', { error: message });
        error.hidden = false;
      } finally {
        confirm.disabled = false;
      }
    });
    return form;
  }

  const retryDelay = attempt => Math.min(1000 * 2 ** attempt, 10000);

  /**
   * The page's connection to /hubs/wall, kept up forever: SignalR's automatic reconnect with capped backoff, and a
   * restart loop (same backoff) if the connection ever closes. `onState(state, labelKey)` reports
   * connected / reconnecting / disconnected; `onConnected()` runs after every (re)connection; handlers are guarded so
   * one bad payload never breaks the page. Returns { connection, start, healthy }: call `healthy()` once the server
   * has proved the connection good (say, a snapshot arrived) so the next outage starts its backoff afresh.
   */
  function connectHub({ page, handlers, onState, onConnected = () => {} }) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/wall')
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => retryDelay(ctx.previousRetryCount) /* never give up */ })
      .configureLogging(signalR.LogLevel.Warning)
      .build();

    for (const [name, handler] of Object.entries(handlers)) {
      connection.on(name, payload => {
        try {
          handler(payload);
        } catch (err) {
          console.error(`${page}: failed to apply ${name}`, err, payload);
        }
      });
    }

    let attempt = 0;
    let timer = 0;
    const scheduleStart = () => {
      if (timer !== 0) return;
      timer = setTimeout(start, retryDelay(attempt));
      attempt++;
    };

    async function start() {
      timer = 0;
      if (connection.state !== signalR.HubConnectionState.Disconnected) return;
      onState('reconnecting', attempt === 0 ? 'connection.connecting' : 'connection.reconnecting');
      try {
        await connection.start();
        onState('connected');
        await onConnected();
      } catch (err) {
        // A session that ended (or was taken away) sends the page to the sign-in form instead of retrying forever.
        if (/\b401\b/.test(String(err?.message ?? err))) {
          location.assign(signInUrl());
          return;
        }
        if (/\b403\b/.test(String(err?.message ?? err))) {
          onState('disconnected', 'connection.forbidden');
          return;
        }
        console.warn(`${page}: connection failed, retrying`, err);
        onState('disconnected');
        scheduleStart();
      }
    }

    connection.onreconnecting(() => onState('reconnecting'));
    connection.onreconnected(async () => {
      onState('connected'); // the server sends a fresh snapshot
      await onConnected();
    });
    connection.onclose(() => {
      onState('disconnected');
      scheduleStart();
    });

    return { connection, start, healthy: () => { attempt = 0; } };
  }

  window.OC = {
    i18n,
    text,
    setLanguage,
    initialLanguage: storedLanguage,
    onLanguage: listener => listeners.push(listener),
    applyStaticTexts,
    formatValue,
    toNumber,
    durationText,
    SEVERITY_RANK,
    ACTIVE_STATES,
    normalizeAlert,
    compareAlerts,
    alertTitle,
    alertDescription,
    mountUser,
    buildAckForm,
    connectHub,
  };
})();
