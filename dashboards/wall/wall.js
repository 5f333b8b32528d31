// Operator wall: live department and series state pushed over SignalR (/hubs/wall).
// Plain script, no framework: state lives in Maps, the DOM is patched node by node once per animation frame.
(() => {
  'use strict';

  // Texts and formats come from common.js (i18n/<lang>.json); they change when the language is switched.
  const { i18n, text } = OC;
  const FRESHNESS = ['fresh', 'late', 'silent'];

  // ---------------------------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------------------------

  /** id -> { id, name, lastSeenMs, pointsReceived, seriesCount, freshness, known } */
  let departments = new Map();
  /** key -> { key, measurement, department, tags, fields: Map(name -> field), lastTime, pointsReceived } */
  const series = new Map();

  // ISO-8601 instants carry up to 7 (or 9) fractional digits; Date.parse keeps milliseconds only,
  // so the rest is kept apart to order two values within the same millisecond.
  const ISO_FRACTION = /\.(\d+)/;
  function stampOf(iso) {
    if (typeof iso !== 'string') return { ms: Number.NEGATIVE_INFINITY, sub: 0 };
    const match = ISO_FRACTION.exec(iso);
    let sub = 0;
    let text = iso;
    if (match) {
      const digits = match[1];
      sub = Number((digits.slice(3) + '000000').slice(0, 6)); // nanoseconds within the millisecond
      text = iso.replace(ISO_FRACTION, '.' + (digits + '000').slice(0, 3));
    }
    const ms = Date.parse(text);
    return { ms: Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms, sub };
  }
  const compareStamps = (a, b) => (a.ms - b.ms) || (a.sub - b.sub);

  function normalizeFreshness(value) {
    if (typeof value === 'number') return FRESHNESS[value] ?? 'unknown';
    if (typeof value !== 'string') return 'unknown';
    const lower = value.toLowerCase();
    return FRESHNESS.includes(lower) ? lower : 'unknown';
  }

  function toNumber(value) {
    return typeof value === 'number' ? value : Number(value);
  }

  function departmentFrom(status) {
    const lastSeen = status.lastSeen ? Date.parse(status.lastSeen) : Number.NaN;
    return {
      id: String(status.id),
      name: status.name || String(status.id),
      lastSeenMs: Number.isNaN(lastSeen) ? null : lastSeen,
      pointsReceived: toNumber(status.pointsReceived ?? 0),
      seriesCount: toNumber(status.seriesCount ?? 0),
      freshness: normalizeFreshness(status.freshness),
      known: true,
    };
  }

  /** A card for a department that sent series but whose status has not arrived yet. */
  function placeholderDepartment(id) {
    return { id, name: id, lastSeenMs: null, pointsReceived: null, seriesCount: null, freshness: 'unknown', known: false };
  }

  function fieldFrom(f, previous) {
    return {
      name: String(f.name),
      value: f.value,
      time: f.time,
      stamp: stampOf(f.time),
      windows: f.windows ?? previous?.windows ?? null,
    };
  }

  function seriesFrom(entry, previous) {
    const s = {
      key: String(entry.key),
      measurement: String(entry.measurement ?? ''),
      department: String(entry.department ?? entry.tags?.department ?? ''),
      tags: entry.tags ?? {},
      fields: new Map(),
      lastTime: entry.lastTime ?? null,
      pointsReceived: entry.pointsReceived ?? previous?.pointsReceived ?? null,
    };
    for (const f of entry.fields ?? []) {
      const old = previous?.fields.get(f.name);
      const next = fieldFrom(f, old);
      // Never go back in time: keep what we have when it is newer than what arrived.
      s.fields.set(next.name, old && compareStamps(old.stamp, next.stamp) > 0 ? old : next);
    }
    return s;
  }

  function ensureDepartment(id) {
    if (!departments.has(id)) {
      departments.set(id, placeholderDepartment(id));
      dirtyDepartments.add(id);
    }
  }

  /** A new connection's full picture: replaces everything, so nothing stale survives a reconnect. */
  function applySnapshot(snapshot) {
    const incoming = new Map();
    for (const entry of snapshot?.series ?? []) {
      incoming.set(String(entry.key), entry);
    }
    for (const key of series.keys()) {
      if (!incoming.has(key)) {
        series.delete(key);
        dirtySeries.add(key);
      }
    }
    for (const [key, entry] of incoming) {
      // Fields the snapshot does not carry are dropped; fields it carries never go back in time.
      series.set(key, seriesFrom(entry, series.get(key)));
      dirtySeries.add(key);
    }
    headlines.resetSeries(series);

    const previousIds = [...departments.keys()];
    departments = new Map();
    for (const status of snapshot?.departments ?? []) {
      const d = departmentFrom(status);
      departments.set(d.id, d);
    }
    for (const s of series.values()) ensureDepartment(s.department);
    for (const id of previousIds) dirtyDepartments.add(id);
    for (const id of departments.keys()) dirtyDepartments.add(id);
    scheduleRender();
  }

  function applySeriesUpdates(updates) {
    for (const update of updates ?? []) {
      const key = String(update.key);
      const previous = series.get(key);
      const next = seriesFrom(update, previous);
      if (previous) {
        // An update carries only the fields that changed: keep the others.
        for (const [name, field] of previous.fields) {
          if (!next.fields.has(name)) next.fields.set(name, field);
        }
        if (previous.lastTime && compareStamps(stampOf(previous.lastTime), stampOf(next.lastTime)) > 0) {
          next.lastTime = previous.lastTime;
        }
      }
      series.set(key, next);
      ensureDepartment(next.department);
      dirtySeries.add(key);
      headlines.seriesChanged(next);
    }
    scheduleRender();
  }

  function applyDepartmentUpdates(statuses) {
    for (const status of statuses ?? []) {
      const d = departmentFrom(status);
      departments.set(d.id, d);
      dirtyDepartments.add(d.id);
    }
    scheduleRender();
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering: only what changed, at most once per frame.
  // ---------------------------------------------------------------------------------------------

  const grid = document.querySelector('[data-testid="departments"]');
  const emptyNote = document.querySelector('[data-testid="empty"]');
  const departmentTemplate = document.getElementById('department-template');
  const seriesTemplate = document.getElementById('series-template');
  const summaryCounts = new Map(FRESHNESS.map(f => [f, document.querySelector(`[data-summary="${f}"]`)]));

  /** id -> { card, name, badge, lastSeen, points, seriesCount, list, rendered: {...} } */
  const departmentViews = new Map();
  /** key -> { row, department, fieldsList, fields: Map(name -> { item, value, raw }) } */
  const seriesViews = new Map();

  const dirtyDepartments = new Set();
  const dirtySeries = new Set();
  let frame = 0;

  const headlines = OC.createHeadlines({
    container: document.querySelector('[data-testid="tiles"]'),
    template: document.getElementById('tile-template'),
    requestRender: () => scheduleRender(),
  });

  /**
   * The metric catalog says which indicators are headlines (tiles), their names, units and good direction.
   * Asked again on every (re)connection, so a changed catalog shows after a server restart; a server without
   * one (404) shows no tiles.
   */
  let catalogRequest = null;
  function loadCatalog() {
    if (catalogRequest) return catalogRequest;
    catalogRequest = fetch('/api/v1/catalog', { headers: { Accept: 'application/json' } })
      .then(async response => {
        if (response.status === 404) {
          await response.text(); // read to the end, so the request finishes instead of being aborted
          return null;
        }
        if (!response.ok) throw new Error(`GET /api/v1/catalog: HTTP ${response.status}`);
        return response.json();
      })
      .then(catalog => {
        if (catalog === null) {
          headlines.setCatalog(null);
          return;
        }
        if (headlines.setCatalog(catalog)) {
          headlines.resetSeries(series);
          return headlines.seedHistory();
        }
      })
      .catch(err => console.warn('wall: the metric catalog is unavailable; headline tiles wait for the next connection', err))
      .finally(() => { catalogRequest = null; });
    return catalogRequest;
  }

  function scheduleRender() {
    if (frame === 0) frame = requestAnimationFrame(render);
  }

  function render() {
    frame = 0;
    // The summary counts and the grid's fit change only with departments: a burst of values measures no layout.
    const departmentsChanged = dirtyDepartments.size > 0;
    for (const id of dirtyDepartments) renderDepartment(id);
    dirtyDepartments.clear();
    for (const key of dirtySeries) renderSeries(key);
    dirtySeries.clear();
    const alertsChanged = dirtyAlerts.size > 0;
    for (const fp of dirtyAlerts) renderAlert(fp);
    dirtyAlerts.clear();
    if (alertOrderDirty) {
      alertOrderDirty = false;
      orderAlerts();
    }
    if (alertsChanged) renderAlertTotals();
    headlines.render();
    if (departmentsChanged) renderSummary();
  }

  function setText(el, value) {
    if (el.textContent !== value) el.textContent = value;
  }

  function setAttr(el, name, value) {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  const departmentOrder = (a, b) => i18n.collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  /** Places a card so cards stay ordered by department name. */
  function placeCard(view, d) {
    let before = null;
    for (const other of grid.children) {
      if (other === view.card) continue;
      const od = departments.get(other.dataset.department);
      if (od && departmentOrder(d, od) < 0) {
        before = other;
        break;
      }
    }
    if (view.card.parentNode !== grid || view.card.nextElementSibling !== before) {
      grid.insertBefore(view.card, before);
    }
  }

  function renderDepartment(id) {
    const d = departments.get(id);
    let view = departmentViews.get(id);
    if (!d) {
      if (view) {
        view.card.remove();
        departmentViews.delete(id);
      }
      return;
    }
    if (!view) {
      const card = departmentTemplate.content.firstElementChild.cloneNode(true);
      card.dataset.department = id;
      view = {
        card,
        lang: null,
        alertBadge: card.querySelector('.alert-badge'),
        name: card.querySelector('.department-name'),
        badge: card.querySelector('.freshness-badge'),
        lastSeen: card.querySelector('[data-fact="lastSeen"]'),
        points: card.querySelector('[data-fact="pointsReceived"]'),
        seriesCount: card.querySelector('[data-fact="seriesCount"]'),
        list: card.querySelector('.series-list'),
        renderedName: null,
      };
      departmentViews.set(id, view);
    }
    if (view.renderedName !== d.name || !view.card.isConnected) {
      view.renderedName = d.name;
      setText(view.name, d.name);
      view.card.title = d.id;
      placeCard(view, d);
    }
    if (view.lang !== i18n.lang) {
      view.lang = i18n.lang;
      for (const label of view.card.querySelectorAll('[data-fact-label]')) {
        label.textContent = text('fact.' + label.dataset.factLabel);
      }
      renderDepartmentAlerts(view, id);
    } else if (departmentAlerts.has(id) || !view.alertBadge.hidden) {
      renderDepartmentAlerts(view, id);
    }
    setAttr(view.card, 'data-freshness', d.freshness);
    setAttr(view.badge, 'data-freshness', d.freshness);
    setText(view.badge, text('freshness.' + d.freshness));
    setText(view.points, d.pointsReceived == null ? '–' : i18n.integer.format(d.pointsReceived));
    setText(view.seriesCount, d.seriesCount == null ? '–' : i18n.integer.format(d.seriesCount));
    renderLastSeen(view, d, Date.now());
  }

  function renderLastSeen(view, d, now) {
    setText(view.lastSeen, d.lastSeenMs == null ? text('lastSeen.never') : relativeTime(now - d.lastSeenMs));
  }

  const relativeTime = ageMs => OC.durationText(ageMs, 'relative');
  const formatValue = OC.formatValue;

  function tagsText(s) {
    return Object.keys(s.tags)
      .filter(k => k !== 'department')
      .sort()
      .map(k => `${k}=${s.tags[k]}`)
      .join(' · ');
  }

  /** Inserts child into parent before the first sibling whose key sorts after it. */
  function insertSorted(parent, child, keyOf, key) {
    let before = null;
    for (const other of parent.children) {
      if (other !== child && keyOf(other) > key) {
        before = other;
        break;
      }
    }
    parent.insertBefore(child, before);
  }

  function removeSeriesView(key) {
    const view = seriesViews.get(key);
    if (view) {
      view.row.remove();
      seriesViews.delete(key);
    }
  }

  function renderSeries(key) {
    const s = series.get(key);
    let view = seriesViews.get(key);
    if (!s) {
      removeSeriesView(key);
      return;
    }
    if (view && view.department !== s.department) {
      removeSeriesView(key);
      view = undefined;
    }
    let departmentView = departmentViews.get(s.department);
    if (!departmentView) {
      renderDepartment(s.department);
      departmentView = departmentViews.get(s.department);
      if (!departmentView) return;
    }
    if (!view) {
      const row = seriesTemplate.content.firstElementChild.cloneNode(true);
      row.dataset.seriesKey = key;
      row.querySelector('.series-measurement').textContent = s.measurement;
      row.querySelector('.series-tags').textContent = tagsText(s);
      view = { row, department: s.department, fieldsList: row.querySelector('.series-fields'), fields: new Map() };
      seriesViews.set(key, view);
      insertSorted(departmentView.list, row, el => el.dataset.seriesKey, key);
    } else if (view.row.parentNode !== departmentView.list) {
      // The department card was rebuilt (dropped and re-added by a snapshot).
      insertSorted(departmentView.list, view.row, el => el.dataset.seriesKey, key);
    }

    for (const [name, field] of s.fields) {
      let fv = view.fields.get(name);
      if (!fv) {
        const item = document.createElement('li');
        item.className = 'series-field';
        item.dataset.fieldName = name;
        const label = document.createElement('span');
        label.className = 'field-name';
        label.textContent = name;
        const value = document.createElement('span');
        value.className = 'field-value';
        value.dataset.testid = 'field';
        value.dataset.field = name;
        item.append(label, ' = ', value);
        insertSorted(view.fieldsList, item, el => el.dataset.fieldName, name);
        fv = { item, value, raw: undefined, flashedAt: 0 };
        view.fields.set(name, fv);
      }
      const raw = String(field.value);
      if (fv.raw !== raw) {
        const changed = fv.raw !== undefined;
        fv.raw = raw;
        fv.value.dataset.value = raw;
        fv.value.textContent = formatValue(field.value);
        if (changed) flash(fv);
      }
    }
    for (const [name, fv] of view.fields) {
      if (!s.fields.has(name)) {
        fv.item.remove();
        view.fields.delete(name);
      }
    }
  }

  const FLASH_MS = 900;
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');
  /** Highlights a value that changed; at most once per highlight, so fast series do not keep the wall repainting. */
  function flash(fv) {
    const now = performance.now();
    if (now - fv.flashedAt < FLASH_MS || reduceMotion.matches || document.hidden || typeof fv.value.animate !== 'function') return;
    fv.flashedAt = now;
    fv.value.animate([{ backgroundColor: 'rgba(76, 195, 255, 0.45)' }, { backgroundColor: 'rgba(76, 195, 255, 0)' }], { duration: FLASH_MS, easing: 'ease-out' });
  }

  function renderSummary() {
    const counts = { fresh: 0, late: 0, silent: 0 };
    for (const d of departments.values()) {
      if (d.freshness in counts) counts[d.freshness]++;
    }
    for (const [f, el] of summaryCounts) {
      if (el) setText(el, i18n.integer.format(counts[f]));
    }
    emptyNote.hidden = departments.size > 0;
    const density = departments.size > 30 ? 'dense' : departments.size > 12 ? 'compact' : 'normal';
    setAttr(grid, 'data-density', density);
    setAttr(wallMain, 'data-density', density);
    // Measuring the layout is what costs: only when the number of cards or the density changed (and on resize).
    const inputs = `${grid.children.length}/${density}`;
    if (inputs !== fitInputs) {
      fitInputs = inputs;
      fitGrid();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fit: with many departments every card must be on screen at once. Columns and rows are chosen
  // from the department count and the grid area's size, so the cards fill the area without scrolling.
  // ---------------------------------------------------------------------------------------------

  const wallMain = document.querySelector('.wall-main');
  const gridArea = document.querySelector('.wall-grid-area');
  /** The card a density would like (in rem), and the smallest it accepts before its text shrinks. */
  const CARD_SIZE = {
    compact: { idealW: 14, idealH: 7.5, minW: 10, minH: 5.5 },
    dense: { idealW: 11.5, idealH: 5.2, minW: 8.5, minH: 4.5 }, // minH: a two-line name, the badges and the facts
  };
  let fitted = '';
  let fitInputs = '';

  function fitGrid() {
    const count = grid.children.length;
    const size = CARD_SIZE[grid.dataset.density];
    const rect = gridArea.getBoundingClientRect();
    if (!size || count === 0 || rect.width <= 0 || rect.height <= 0) {
      if (fitted !== '') {
        fitted = '';
        grid.removeAttribute('data-fit');
        for (const name of ['--fit-cols', '--fit-rows', '--fit-scale']) grid.style.removeProperty(name);
      }
      return;
    }
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const gap = parseFloat(getComputedStyle(grid).rowGap) || 0;
    const width = rect.width / rem;
    const height = rect.height / rem;
    const g = gap / rem;
    let best = null;
    for (let cols = 1; cols <= count; cols++) {
      const rows = Math.ceil(count / cols);
      if (cols > 1 && Math.ceil(count / (cols - 1)) === rows) continue; // same rows, narrower cards
      const cellW = (width - (cols - 1) * g) / cols;
      const cellH = (height - (rows - 1) * g) / rows;
      // How large a card can be drawn relative to its ideal size: the smaller of the two ratios.
      const scale = Math.min(cellW / size.idealW, cellH / size.idealH);
      if (!best || scale > best.scale) best = { cols, rows, scale, cellW, cellH };
    }
    // Text shrinks only when the cells are smaller than the card's minimum.
    const shrink = Math.min(1, best.cellW / size.minW, best.cellH / size.minH);
    const scale = Math.max(0.6, shrink).toFixed(3);
    const key = `${best.cols}x${best.rows}@${scale}`;
    if (key === fitted) return;
    fitted = key;
    grid.dataset.fit = key;
    grid.style.setProperty('--fit-cols', String(best.cols));
    grid.style.setProperty('--fit-rows', String(best.rows));
    grid.style.setProperty('--fit-scale', scale);
  }

  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(() => fitGrid()).observe(gridArea);
  } else {
    addEventListener('resize', fitGrid);
  }


  // ---------------------------------------------------------------------------------------------
  // Alerts: the panel (most severe, then newest first) and a count on each department's card.
  // ---------------------------------------------------------------------------------------------

  /** How long a resolved alert stays (faded) on the wall. */
  const RESOLVED_KEEP_MS = 60_000;

  /** fingerprint -> normalized AlertView (plus resolvedAtMs) */
  let alerts = new Map();
  /** fingerprint -> { row, severity, state, silenced, age, title, department, value, ackBy, ack, form } */
  const alertViews = new Map();
  const dirtyAlerts = new Set();
  let alertOrderDirty = false;
  /** department id -> { count, severity } of its active alerts, as rendered */
  let departmentAlerts = new Map();

  const alertList = document.querySelector('.alert-list');
  const alertsEmpty = document.querySelector('[data-testid="alerts-empty"]');
  const alertCount = document.querySelector('[data-alert-count]');
  const alertSummary = document.querySelector('[data-summary="alerts"]');
  const alertTemplate = document.getElementById('alert-template');

  function alertFrom(view, previous) {
    const a = OC.normalizeAlert(view);
    if (a.state === 'resolved') {
      const ended = Date.parse(a.endsAt ?? '');
      a.resolvedAtMs = previous?.state === 'resolved' ? previous.resolvedAtMs : Date.now();
      if (previous?.state !== 'resolved' && !previous && !Number.isNaN(ended)) a.resolvedAtMs = ended;
    }
    return a;
  }

  const expired = (a, now) => a.state === 'resolved' && now - a.resolvedAtMs > RESOLVED_KEEP_MS;

  function applyAlertSnapshot(list) {
    const next = new Map();
    const now = Date.now();
    for (const view of list ?? []) {
      const a = alertFrom(view, null);
      if (!expired(a, now)) next.set(a.fingerprint, a);
    }
    for (const fp of alerts.keys()) dirtyAlerts.add(fp);
    for (const fp of next.keys()) dirtyAlerts.add(fp);
    alerts = next;
    alertOrderDirty = true;
    scheduleRender();
  }

  function applyAlertUpdates(list) {
    for (const view of list ?? []) {
      const fp = String(view.fingerprint);
      const previous = alerts.get(fp);
      const a = alertFrom(view, previous);
      // Newest state per alert: an older update that arrives late does not win.
      if (previous && previous.updatedMs > a.updatedMs) continue;
      alerts.set(fp, a);
      dirtyAlerts.add(fp);
    }
    alertOrderDirty = true;
    scheduleRender();
  }

  function acknowledge(fingerprint, note) {
    return connection.invoke('Acknowledge', fingerprint, note).then(view => {
      if (view) applyAlertUpdates([view]);
    });
  }

  function renderAlert(fp) {
    const a = alerts.get(fp);
    let view = alertViews.get(fp);
    if (!a) {
      if (view) {
        view.row.remove();
        alertViews.delete(fp);
      }
      return;
    }
    if (!view) {
      const row = alertTemplate.content.firstElementChild.cloneNode(true);
      row.dataset.fingerprint = fp;
      const form = OC.buildAckForm(note => acknowledge(fp, note));
      row.append(form);
      view = {
        row,
        form,
        severity: row.querySelector('.alert-severity'),
        state: row.querySelector('.alert-state'),
        silenced: row.querySelector('.alert-silenced'),
        age: row.querySelector('.alert-age'),
        title: row.querySelector('.alert-title'),
        department: row.querySelector('.alert-department'),
        value: row.querySelector('.alert-value'),
        ackBy: row.querySelector('.alert-ack-by'),
        ack: row.querySelector('.ack-button'),
      };
      view.ack.addEventListener('click', () => form.open());
      alertViews.set(fp, view);
      alertOrderDirty = true;
    }
    setAttr(view.row, 'data-state', a.state);
    setAttr(view.row, 'data-severity', a.severity);
    setAttr(view.row, 'data-silenced', String(a.silenced));
    setText(view.severity, text('severity.' + a.severity));
    setText(view.state, text('state.' + a.state));
    view.silenced.hidden = !a.silenced;
    setText(view.silenced, text('alert.silenced'));
    setText(view.title, OC.alertTitle(a));
    view.title.title = OC.alertDescription(a);
    const dep = a.labels.department ?? a.owner ?? '';
    setText(view.department, departments.get(dep)?.name ?? dep);
    setText(view.value, a.value == null ? '' : `${a.labels.field ?? ''} = ${OC.formatValue(a.value)}`);
    const acked = a.state === 'acknowledged' && a.acknowledgedBy;
    view.ackBy.hidden = !acked;
    setText(view.ackBy, acked ? text('alert.ackBy', { name: a.acknowledgedBy }) + (a.note ? ` — ${a.note}` : '') : '');
    view.ack.hidden = a.state !== 'firing';
    setText(view.ack, text('ack.button'));
    if (a.state !== 'firing' && !view.form.hidden) view.form.close();
    OC.applyStaticTexts(view.form);
    setText(view.age, OC.durationText(Date.now() - a.sinceMs, 'age'));
  }

  function orderAlerts() {
    const sorted = [...alerts.values()].sort(OC.compareAlerts);
    let i = 0;
    for (const a of sorted) {
      const row = alertViews.get(a.fingerprint)?.row;
      if (!row) continue;
      const at = alertList.children[i];
      if (at !== row) alertList.insertBefore(row, at ?? null);
      i++;
    }
  }

  function renderAlertTotals() {
    const counts = new Map();
    let active = 0;
    for (const a of alerts.values()) {
      if (!OC.ACTIVE_STATES.has(a.state)) continue;
      active++;
      const dep = a.labels.department ?? a.owner ?? '';
      const c = counts.get(dep) ?? { count: 0, severity: 'info' };
      c.count++;
      if ((OC.SEVERITY_RANK[a.severity] ?? 0) > (OC.SEVERITY_RANK[c.severity] ?? 0)) c.severity = a.severity;
      counts.set(dep, c);
    }
    const previous = departmentAlerts;
    departmentAlerts = counts;
    for (const id of new Set([...previous.keys(), ...counts.keys()])) {
      const view = departmentViews.get(id);
      if (view) renderDepartmentAlerts(view, id);
    }
    setText(alertCount, i18n.integer.format(active));
    setText(alertSummary, i18n.integer.format(active));
    alertsEmpty.hidden = alerts.size > 0;
  }

  function renderDepartmentAlerts(view, id) {
    const c = departmentAlerts.get(id);
    view.alertBadge.hidden = !c;
    setAttr(view.alertBadge, 'data-count', String(c?.count ?? 0));
    setAttr(view.alertBadge, 'data-severity', c?.severity ?? '');
    setAttr(view.card, 'data-alert-severity', c?.severity ?? '');
    setText(view.alertBadge, c ? text('alerts.badge', c.count) : '');
  }

  /** Ages every second; resolved alerts leave the wall after a while. */
  function tickAlerts(now) {
    for (const [fp, a] of alerts) {
      if (expired(a, now)) {
        alerts.delete(fp);
        dirtyAlerts.add(fp);
        continue;
      }
      const view = alertViews.get(fp);
      if (view) setText(view.age, OC.durationText(now - a.sinceMs, 'age'));
    }
    if (dirtyAlerts.size > 0) scheduleRender();
  }

  // ---------------------------------------------------------------------------------------------
  // Clock, and relative "last seen" times that age every second.
  // ---------------------------------------------------------------------------------------------

  const clockTime = document.querySelector('[data-clock="time"]');
  const clockDate = document.querySelector('[data-clock="date"]');

  function tick() {
    // The next second is booked first: nothing that fails below may stop the clock.
    setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    const now = new Date();
    setText(clockTime, i18n.clock.format(now));
    clockTime.dateTime = now.toISOString();
    const date = i18n.date.format(now);
    setText(clockDate, date.charAt(0).toLocaleUpperCase(i18n.locale) + date.slice(1));
    const ms = now.getTime();
    for (const [id, view] of departmentViews) {
      const d = departments.get(id);
      if (d) renderLastSeen(view, d, ms);
    }
    tickAlerts(ms);
    headlines.tick(ms);
  }

  // ---------------------------------------------------------------------------------------------
  // Connection: automatic reconnect with capped backoff, and a restart loop if it ever closes.
  // ---------------------------------------------------------------------------------------------

  const connectionEl = document.querySelector('[data-testid="connection"]');
  const connectionLabel = connectionEl.querySelector('.connection-label');

  let connectionLabelKey = 'connection.disconnected';
  function setConnection(state, labelKey = 'connection.' + state) {
    connectionLabelKey = labelKey;
    connectionEl.dataset.state = state;
    document.body.dataset.connection = state;
    setText(connectionLabel, text(labelKey));
  }

  const hub = OC.connectHub({
    page: 'wall',
    onState: setConnection,
    handlers: {
      snapshot: snapshot => {
        hub.healthy();
        applySnapshot(snapshot);
        loadCatalog();
        applyAlertSnapshot(snapshot?.alerts);
      },
      alertsUpdated: applyAlertUpdates,
      seriesUpdated: applySeriesUpdates,
      departmentsUpdated: applyDepartmentUpdates,
    },
  });
  const connection = hub.connection;

  // ---------------------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------------------

  /** A language switch re-renders texts and numbers in place: no reload, no new connection. */
  OC.onLanguage(() => {
    document.title = text('title');
    headlines.relabel();
    setText(connectionLabel, text(connectionLabelKey));
    for (const id of departments.keys()) dirtyDepartments.add(id);
    for (const [key, view] of seriesViews) {
      for (const fv of view.fields.values()) fv.raw = undefined; // re-formatted, not flashed
      dirtySeries.add(key);
    }
    for (const fp of alerts.keys()) dirtyAlerts.add(fp);
    scheduleRender();
  });

  document.querySelector('[data-testid="lang"]').addEventListener('click', () => {
    OC.setLanguage(i18n.lang === 'vi' ? 'en' : 'vi').then(() => tickOnce(), err => console.error('wall: language switch failed', err));
  });

  let ticking = false;
  function tickOnce() {
    if (ticking) return;
    ticking = true;
    tick();
  }

  OC.setLanguage(OC.initialLanguage())
    .catch(err => console.error('wall: texts failed to load', err))
    .finally(() => {
      setConnection('disconnected');
      renderSummary();
      tickOnce();
      OC.mountUser(document.querySelector('.wall-status')).catch(err => console.warn('wall: who is signed in is unknown', err));
      hub.start();
    });
})();
