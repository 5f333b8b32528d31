// The wall's contract with the server: every JSON shape it receives over the hub (/hubs/wall) and the HTTP API,
// written once from the C# records. Types only; modules use them from JSDoc:
//   /** @typedef {import('./contract').AlertView} AlertView */
//
// Serialization, for the hub and the HTTP API alike (OperationsCenterHostingExtensions.ConfigureJson, applied to both
// ConfigureHttpJsonOptions and AddSignalR().AddJsonProtocol): System.Text.Json, property names camelCase, enums as
// camelCase strings (JsonStringEnumConverter(JsonNamingPolicy.CamelCase)), nulls written (never omitted), dictionary
// keys (tags, labels) left exactly as sent, DateTimeOffset as an ISO 8601 string with offset, long/int/double as
// JSON numbers.

// ---------------------------------------------------------------------------------------------------------------
// Scalars and enums

/** A DateTimeOffset on the wire: ISO 8601 with offset, e.g. "2025-01-31T08:15:00.123+00:00". */
export type IsoTime = string;

/** Tags of a series or labels of an alert (C# ImmutableDictionary<string, string>; keys not renamed). */
export type StringMap = Record<string, string>;

/** C# OperationsCenter.Grains.Alerts.AlertSeverity. */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** C# OperationsCenter.Grains.Alerts.AlertState. */
export type AlertState = 'pending' | 'firing' | 'acknowledged' | 'resolved';

/** C# OperationsCenter.Grains.Alerts.NoticeKind: why a leader notice goes out. */
export type NoticeKind = 'firing' | 'escalated' | 'repeat' | 'resolved';

/** C# OperationsCenter.Grains.Alerts.RuleKind: what an alert rule watches for. */
export type RuleKind = 'threshold' | 'window' | 'rate' | 'ratio' | 'deadman' | 'deadline';

/** C# OperationsCenter.Grains.Alerts.ThresholdOperator: which side of the threshold breaks a rule. */
export type ThresholdOperator = 'above' | 'below';

/** C# OperationsCenter.Grains.Departments.Freshness: how recently a department reported. */
export type Freshness = 'fresh' | 'late' | 'silent';

/** C# OperationsCenter.Catalog.DepartmentKind. */
export type DepartmentKind = 'agency' | 'commune' | 'ward';

/** C# OperationsCenter.Catalog.MetricDirection: which way a metric gets better. */
export type MetricDirection = 'up' | 'down';

/** C# OperationsCenter.Catalog.MetricAggregate: how units' latest values combine into the province's figure. */
export type MetricAggregate = 'sum' | 'avg' | 'min' | 'max';

/** Roles a signed-in person may hold (C# OperationsCenter.Server.Security.Roles). */
export type Role = 'operator' | 'leader' | 'admin';

// ---------------------------------------------------------------------------------------------------------------
// Departments and series

/** A department as the wall shows it. C# OperationsCenter.Grains.Departments.DepartmentStatus. */
export interface DepartmentStatus {
  /** Department id (ASCII, the `department` tag). */
  id: string;
  /** Display name. */
  name: string;
  /** When its last point arrived; null if never. */
  lastSeen: IsoTime | null;
  /** Points received since its grain activated. */
  pointsReceived: number;
  /** Distinct series it has reported. */
  seriesCount: number;
  freshness: Freshness;
}

/** Aggregates of one field over a rolling window ending now. C# OperationsCenter.Grains.Series.WindowStats. */
export interface WindowStats {
  /** Window name: "1m", "5m", "15m" or "1h". */
  window: string;
  /** Points in the window (0 when the field was silent). */
  count: number;
  sum: number;
  /** Null when the window is empty (as are max, last and avg). */
  min: number | null;
  max: number | null;
  last: number | null;
  avg: number | null;
}

/** A numeric field's latest value and its rolling windows. C# OperationsCenter.Grains.Series.FieldSnapshot. */
export interface FieldSnapshot {
  /** Field key. */
  name: string;
  /** Latest value. */
  value: number;
  /** Timestamp of that value. */
  time: IsoTime;
  windows: WindowStats[];
}

/**
 * Everything a series grain holds, with its rolling windows, as GET /api/v1/series lists it (one grain call per series:
 * the screens do not ask for it, the hub's snapshot carries `SeriesUpdate`s). C# OperationsCenter.Grains.Series.SeriesSnapshot.
 */
export interface SeriesSnapshot {
  /** Canonical series key (measurement and sorted tags, line protocol escaped). */
  key: string;
  measurement: string;
  /** Owning department id. */
  department: string;
  /** All tags, including `department`. */
  tags: StringMap;
  /** Every numeric field of the series. */
  fields: FieldSnapshot[];
  /** Timestamp of the newest point. */
  lastTime: IsoTime;
  pointsReceived: number;
}

/** The latest value of a numeric field. C# OperationsCenter.Grains.Series.FieldLatest. */
export interface FieldLatest {
  /** Field key. */
  name: string;
  value: number;
  time: IsoTime;
}

/**
 * A series whose latest values changed: one element of the hub's `seriesUpdated` batch.
 * C# OperationsCenter.Grains.Series.SeriesUpdate.
 *
 * `fields` holds EVERY numeric field the series has (its latest value each), not only the fields that changed: the
 * series grain (grains/OperationsCenter.Grains/Series/SeriesGrain.cs, Apply) publishes, whenever any field's latest
 * value moved, `_fields.Values.Select(f => new FieldLatest(...))` over all of its fields ("Send every field so a
 * client that missed an update still converges on the full latest state"). A client may therefore replace its copy
 * of the series' latest values with this one. It carries no windows (those come only from GET /api/v1/series); the hub
 * snapshot's `series` has this shape too, so a page applies both the same way.
 * Within one push interval only the newest update per series is kept (WallPublisher), so a batch has at most one
 * element per key. Sent to wall pages only: a connection opened with `?view=leader` (WallMessages.ViewParameter /
 * LeaderView) is left out of the "wall" group that gets it.
 */
export interface SeriesUpdate {
  /** Canonical series key (measurement and sorted tags, line protocol escaped). */
  key: string;
  measurement: string;
  /** Owning department id. */
  department: string;
  /** All tags, including `department`. */
  tags: StringMap;
  /** Latest value of every numeric field of the series (not only the changed ones). */
  fields: FieldLatest[];
  /** Timestamp of the newest point. */
  lastTime: IsoTime;
}

// ---------------------------------------------------------------------------------------------------------------
// Alerts

/**
 * What an alert's value is measured against, as its rule said when the value was taken (a rule edit shows after the
 * next signal). C# OperationsCenter.Grains.Alerts.AlertMeasure, property `measure` of AlertView.
 * - threshold, window, rate, ratio: the rule's comparison (operator, threshold, clear);
 * - deadman: the value is minutes silent; operator 'above', threshold the silence limit in minutes, clear null;
 * - deadline: only the kind; operator, threshold and clear null.
 */
export interface AlertMeasure {
  kind: RuleKind;
  operator: ThresholdOperator | null;
  /** Breaking point in the value's unit (strict for comparisons); null for deadline rules. */
  threshold: number | null;
  /** The point a firing alert resolves at; null for deadman and deadline rules. */
  clear: number | null;
}

/**
 * An alert as operators, leaders and the API see it. C# OperationsCenter.Grains.Alerts.AlertView.
 * Arrives in the hub snapshot, in `alertsUpdated`, in `leaderNotice`, from the hub methods Acknowledge/Unacknowledge
 * and from GET /api/v1/alerts. Of two views of one alert (same fingerprint), the higher `revision` is newer.
 */
export interface AlertView {
  fingerprint: string;
  ruleName: string;
  severity: AlertSeverity;
  state: AlertState;
  /** The department that owns the alert. */
  owner: string;
  labels: StringMap;
  titleVi: string;
  titleEn: string;
  descriptionVi: string;
  descriptionEn: string;
  /** The value that broke (or last evaluated) the rule; null when there is none (e.g. deadman). */
  value: number | null;
  startsAt: IsoTime;
  firingSince: IsoTime | null;
  endsAt: IsoTime | null;
  /** Actor (sign-in name) of whoever took it. */
  acknowledgedBy: string | null;
  /** Display name of whoever took it (`acknowledgedBy` is their sign-in name). */
  acknowledgedByName: string | null;
  acknowledgedAt: IsoTime | null;
  note: string | null;
  updatedAt: IsoTime;
  /** An active silence mutes its notifications; the alert stays visible, marked. */
  silenced: boolean;
  /** When leaders were last told about it; null if never. */
  leadersNotifiedAt: IsoTime | null;
  /** How a resolved alert ended when not by its value clearing (e.g. "rule removed"); null otherwise. */
  resolution: string | null;
  /** Counts the alert's changes: of two views of one alert, the higher revision is newer. */
  revision: number;
  /** What `value` is measured against; null for alerts stored before it was kept. */
  measure: AlertMeasure | null;
}

/** The hub's `leaderNotice` message (leaders' connections only). C# OperationsCenter.Grains.Alerts.AlertNotice. */
export interface AlertNotice {
  /** Why it goes out. */
  kind: NoticeKind;
  /** The alert as it is now. */
  alert: AlertView;
  /** True when leaders get it (critical at once, others once escalated). */
  toLeaders: boolean;
}

/** One alert sent to leaders, as GET /api/v1/alerts/leader lists it. C# OperationsCenter.Server.Leaders.LeaderLogEntry. */
export interface LeaderLogEntry {
  /** The last notice leaders got about it. */
  kind: NoticeKind;
  /** The alert as it is now (or as it ended). */
  alert: AlertView;
  /** When leaders got that notice. */
  notifiedAt: IsoTime;
}

/** The page's push payload (C# OperationsCenter.Server.Leaders.WebPush.PushPayload), shown by leader-sw.js. */
export interface PushPayload {
  title: string;
  /** Where and since when, in Vietnamese. */
  body: string;
  /** The leader view on that alert (/leader.html#alert=<fingerprint>). */
  url: string;
  /** The alert's fingerprint. */
  tag: string;
  kind: NoticeKind;
  state: AlertState;
}

// ---------------------------------------------------------------------------------------------------------------
// Hub /hubs/wall

/**
 * The hub's `snapshot` message, once per connection, and the answer of the hub method `Refresh`.
 * C# OperationsCenter.Server.Hubs.WallSnapshot. Read from the connected node's memory (its wall read model, fed by the
 * same batches it pushes), not from the grains. Each part has the shape of its push, so a page merges the snapshot
 * with the code that merges the pushes.
 */
export interface WallSnapshot {
  /** Every department's latest status, ordered by id (as `departmentsUpdated`). */
  departments: DepartmentStatus[];
  /**
   * The series the page shows, latest values only (as `seriesUpdated`): on a wall page every series one of whose fields
   * is a catalog metric (every series when no catalog is configured), and `seriesUpdated` carries only these too; on
   * the leader view (`?view=leader`) only the series of its headline indicators (catalog metrics with `headline`).
   */
  series: SeriesUpdate[];
  /** Open alerts (pending, firing, acknowledged), most severe and newest first (as `alertsUpdated`); resolved ones are left out. */
  alerts: AlertView[];
  generatedAt: IsoTime;
}

/**
 * Messages the hub sends, by name (C# OperationsCenter.Server.Hubs.WallMessages), with their single argument.
 * The batches are sent only when not empty (Push/WallHubObserver).
 */
export interface WallHubMessages {
  snapshot: WallSnapshot;
  seriesUpdated: SeriesUpdate[];
  departmentsUpdated: DepartmentStatus[];
  alertsUpdated: AlertView[];
  leaderNotice: AlertNotice;
}

/** Name of a message the hub sends. */
export type WallHubMessageName = keyof WallHubMessages;

/**
 * Methods the wall invokes on the hub (C# OperationsCenter.Server.Hubs.WallHub), as `connection.invoke(name, ...args)`.
 * Acknowledge and Unacknowledge need the operator or leader role; errors arrive as a rejected promise carrying the HubException message
 * (not firing / not acknowledged, storage unavailable, note too long: at most 2000 characters, sign-in withdrawn).
 */
export interface WallHubMethods {
  /** The snapshot again, from memory (the leader view refreshes its indicators with it: it gets no series pushes). */
  Refresh(): Promise<WallSnapshot>;
  /** Takes a firing alert; the signed-in person is recorded. */
  Acknowledge(fingerprint: string, note: string | null): Promise<AlertView>;
  /** Gives an acknowledged alert back. */
  Unacknowledge(fingerprint: string, note: string | null): Promise<AlertView>;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP API

/** Body of every API error (400, 401, 404, 503). C# OperationsCenter.Server.Api.ApiError. */
export interface ApiError {
  error: string;
}

/** GET /auth/me: who is signed in. C# OperationsCenter.Server.Security.CurrentUser. */
export interface CurrentUser {
  /** Sign-in name (the actor recorded on acknowledgements). */
  name: string;
  /** Name to show; the sign-in name when none is configured. */
  displayName: string;
  /** Role claims, e.g. ["operator"]. */
  roles: (Role | string)[];
}

/** A text in Vietnamese and English. C# OperationsCenter.Catalog.LocalizedText. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** The province the catalog describes. C# OperationsCenter.Catalog.CatalogProvince. */
export interface CatalogProvince {
  /** ASCII id, e.g. "lai-chau". */
  id: string;
  name: LocalizedText;
}

/** A unit that reports to the center. C# OperationsCenter.Catalog.CatalogDepartment. */
export interface CatalogDepartment {
  id: string;
  /** Vietnamese name, with diacritics. */
  name: string;
  kind: DepartmentKind;
}

/** Watch and alarm levels of a metric (being added to the server with CatalogMetric.levels / unitLevels). */
export interface MetricLevels {
  watch: number;
  alarm: number;
}

/**
 * A metric the center tracks: one field of one measurement. C# OperationsCenter.Catalog.CatalogMetric (its `start`
 * is [JsonIgnore]d and never sent).
 */
export interface CatalogMetric {
  /** "measurement.field". */
  id: string;
  measurement: string;
  field: string;
  name: LocalizedText;
  unit: LocalizedText;
  /** Which direction is better. */
  good: MetricDirection;
  /** True for a province-wide indicator on the wall's headline row. */
  headline: boolean;
  /** How units' values combine into the province's. */
  aggregate: MetricAggregate;
  /** Levels for the province-wide figure; null when the catalog gives none . */
  levels?: MetricLevels | null;
  /** Levels for one unit's value; null when the catalog gives none . */
  unitLevels?: MetricLevels | null;
  /** Card position on the wall; null when none. */
  card?: number | null;
  /** A short label for a unit card ("Quá hạn"); null when the name serves. */
  short?: LocalizedText | null;
  /** Names of a metric's values that are states ("1" → "thông", "0" → "mất"); null when its values are amounts. */
  states?: Record<string, LocalizedText> | null;
}

/**
 * GET /api/v1/catalog (404 ApiError when no catalog is configured). An anonymous object in
 * src/OperationsCenter.Server/Catalog/CatalogApi.cs: the catalog's province and metrics, and the departments the
 * overview shows (the configured directory's, with the catalog's kind where it knows the unit).
 */
export interface Catalog {
  province: CatalogProvince;
  departments: CatalogDepartment[];
  metrics: CatalogMetric[];
}

/** Query of GET /api/v1/alerts (all optional; enum values case-insensitive, 400 ApiError when unknown). */
export interface AlertsQuery {
  state?: AlertState;
  /** Department (unit) where the alert happened. */
  department?: string;
  /** Department that owns the alert. */
  owner?: string;
  severity?: AlertSeverity;
}

/** GET /api/v1/alerts: C# IReadOnlyList<AlertView> (src/OperationsCenter.Server/Alerts/AlertsApi.cs). */
export type AlertsResponse = AlertView[];

/** Aggregates GET /api/v1/series/history accepts as `agg` (HistoryApi.Aggregates; case-insensitive). */
export type HistoryAggregate = 'mean' | 'median' | 'min' | 'max' | 'sum' | 'count' | 'first' | 'last' | 'spread' | 'stddev';

/**
 * Query of GET /api/v1/series/history (src/OperationsCenter.Server/Api/HistoryApi.cs). 400 ApiError when invalid,
 * 503 ApiError when InfluxDB is unreachable.
 */
export interface HistoryQuery {
  /** Required; the center's own measurements (alert_history, audit) are refused. */
  measurement: string;
  /** Required. */
  field: string;
  department?: string;
  /** Start (ISO 8601); default `to` minus one hour. Must be before `to`. */
  from?: IsoTime;
  /** End, exclusive (ISO 8601); default now. */
  to?: IsoTime;
  /**
   * Interval to aggregate per, /^[1-9][0-9]{0,6}(s|m|h|d|w)$/ e.g. "30s", "5m", "1h", giving at most 10000
   * intervals; absent: raw points (at most 10000 per series).
   */
  every?: string;
  /** Aggregate per interval, with `every` only; default "mean". */
  agg?: HistoryAggregate;
}

/** A value at a time; value null where InfluxDB had none. C# OperationsCenter.Server.Api.HistoryPoint. */
export interface HistoryPoint {
  time: IsoTime;
  value: number | null;
}

/**
 * One series of a history answer (grouped by every tag). C# OperationsCenter.Server.Api.HistorySeries.
 */
export interface HistorySeries {
  /** The series' tags (department and the rest). */
  tags: StringMap;
  points: HistoryPoint[];
}

/** GET /api/v1/series/history: one entry per series matching the query. */
export type HistoryResponse = HistorySeries[];

/**
 * Query of GET /api/v1/alerts/history (src/OperationsCenter.Server/Alerts/AlertHistoryApi.cs), all optional.
 * 400 ApiError when from is not before to, 503 ApiError when InfluxDB is unreachable.
 */
export interface AlertHistoryQuery {
  fingerprint?: string;
  /** The unit where the alert happened. */
  department?: string;
  /** The department that owns the alert. */
  owner?: string;
  /** Rule name. */
  rule?: string;
  /** Start (ISO 8601); default `to` minus 7 days. */
  from?: IsoTime;
  /** End, exclusive (ISO 8601); default now plus one minute. */
  to?: IsoTime;
}

/**
 * One recorded alert transition, newest first, at most 10000. C# OperationsCenter.Server.Alerts.AlertHistoryEntry.
 * Read back from InfluxDB tags, so state and severity are plain strings (written lowercase by SpoolAlertHistory:
 * the AlertState / AlertSeverity names) and missing texts are "".
 */
export interface AlertHistoryEntry {
  time: IsoTime;
  fingerprint: string;
  rule: string;
  /** The state it moved to: an AlertState, or "" when not recorded. */
  state: AlertState | '';
  severity: AlertSeverity | '';
  /** The unit where the alert happened ("" for alerts recorded before units were kept). */
  department: string;
  /** The department that owns the alert. */
  owner: string;
  /** Who moved it ("system" for its condition). */
  actor: string;
  note: string | null;
  value: number | null;
}

/** GET /api/v1/alerts/history. */
export type AlertHistoryResponse = AlertHistoryEntry[];

// ---------------------------------------------------------------------------------------------------------------
// A department's own page (/department/{id}): GET /api/v1/departments/{id}/…, its staff (department:<id>) and admins.

/** The last request that stored points. C# OperationsCenter.Server.Departments.LastReceipt. */
export interface LastReceipt {
  at: IsoTime;
  /** Points (lines) it stored. */
  points: number;
  /** Lines of it refused. */
  refused: number;
}

/** A line refused in the last 7 days. C# OperationsCenter.Server.Departments.RefusedLine. */
export interface RefusedLine {
  at: IsoTime;
  /** How it came: line, json, mqtt or csv (a CSV or Excel report). */
  source: string;
  /** What is wrong and what to fix. */
  reason: string;
  /** The line as sent (its first 500 characters). */
  line: string;
}

/** The catalog's metrics of one measurement: one report template. C# OperationsCenter.Server.Departments.MetricGroup. */
export interface MetricGroup {
  measurement: string;
  metrics: CatalogMetric[];
}

/** GET /api/v1/departments/{id}. C# OperationsCenter.Server.Departments.DepartmentPage. */
export interface DepartmentPage {
  id: string;
  name: string;
  status: DepartmentStatus;
  /** Null before the first request since the center started (status.lastSeen still says when data last came). */
  lastReceived: LastReceipt | null;
  series: SeriesSnapshot[];
  /** Newest first. */
  refused: RefusedLine[];
  /** Open alerts on the department's units. */
  alerts: AlertView[];
  groups: MetricGroup[];
}

/** GET /api/v1/departments/{id}/points-per-day?days=N. C# OperationsCenter.Server.Departments.DayCount. */
export interface DayCount {
  /** yyyy-MM-dd, a day in Asia/Ho_Chi_Minh. */
  day: string;
  points: number;
}

/** One row of a checked report. C# OperationsCenter.Server.Departments.Reports.ReportRowCheck. */
export interface ReportRowCheck {
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  row: number;
  metric: string;
  /** The catalog's name and unit of the metric; null when it is unknown. */
  name: LocalizedText | null;
  unit: LocalizedText | null;
  value: string;
  number: number | null;
  time: string;
  at: IsoTime | null;
  tags: StringMap;
  /** Null for a row that will be stored. */
  error: string | null;
  /**
   * Which check failed, for the page's own words: department, metricEmpty, metricUnknown, unit, valueEmpty,
   * valueNotNumber, timeEmpty, timeOffset, future, fraction, or line (line protocol refused it: `error` says why).
   */
  errorCode?: string | null;
}

/** POST /api/v1/departments/{id}/reports/preview?file=name (the file as the body). C# …Reports.ReportPreview. */
export interface ReportPreview {
  file: string;
  good: number;
  bad: number;
  rows: ReportRowCheck[];
}

/** POST /api/v1/departments/{id}/reports (the file as the body). C# …Reports.ReportOutcome. */
export interface ReportOutcome {
  /** Rows stored. */
  accepted: number;
  /** Refused rows, `index` being the row number (the JSON feed's error shape). */
  errors: { index: number, message: string }[];
}

// Admin area (/admin): rules, silences, keys, people, audit. Administrators only.

/** One problem of a rule file. C# OperationsCenter.Server.Alerts.Rules.RuleLoadError. */
export interface RuleLoadError {
  /** "rules/name.yaml". */
  file: string;
  rule: string | null;
  ruleIndex: number | null;
  /** Dotted for nested fields ("match.tags"); null for the whole file or rule. */
  field: string | null;
  problem: string;
  /** 1-based line, when known. */
  line: number | null;
  /** The whole problem as one line. */
  message: string;
}

/** 400 from PUT /api/v1/rules/files/{name} and POST /api/v1/rules/dry-run. C# OperationsCenter.Server.Alerts.RuleFileRejection. */
export interface RuleFileRejection {
  error: string;
  problems: string[];
  details: RuleLoadError[] | null;
}

/** Which series a rule applies to. C# OperationsCenter.Grains.Alerts.SeriesMatcher. */
export interface SeriesMatcher {
  measurement: string;
  field: string;
  tags: StringMap;
}

/** A rule in force, as GET /api/v1/rules lists it (the parts the admin screen reads). C# OperationsCenter.Grains.Alerts.AlertRule. */
export interface AlertRule {
  name: string;
  kind: RuleKind;
  match: SeriesMatcher;
  severity: AlertSeverity;
  owner: string;
}

/** GET /api/v1/rules. */
export interface RulesResponse {
  directory: string;
  loadedAt: IsoTime | null;
  checkedAt: IsoTime | null;
  /** The last load's errors (the rules in force are the last good set). */
  errors: string[];
  rules: AlertRule[];
}

/** One series or unit a rule finds breached now. C# OperationsCenter.Server.Admin.DryRunHit. */
export interface DryRunHit {
  department: string | null;
  labels: StringMap;
  value: number | null;
  measure: AlertMeasure | null;
  titleVi: string;
  titleEn: string;
}

/** One rule of a dry run. C# OperationsCenter.Server.Admin.DryRunRule. */
export interface DryRunRule {
  name: string;
  kind: RuleKind;
  severity: AlertSeverity;
  owner: string;
  /** Seconds a breach must last before it fires. */
  for: number;
  /** Series or units judged. */
  evaluated: number;
  breached: DryRunHit[];
}

/** POST /api/v1/rules/dry-run?file=. C# OperationsCenter.Server.Admin.DryRunResult. */
export interface DryRunResult {
  file: string;
  at: IsoTime;
  series: number;
  rules: DryRunRule[];
}

/** A silence. C# OperationsCenter.Grains.Silences.Silence. */
export interface Silence {
  id: string;
  matchers: StringMap;
  startsAt: IsoTime;
  endsAt: IsoTime;
  createdBy: string;
  comment: string;
  createdAt: IsoTime;
  /** Who ended it early. */
  deletedBy: string | null;
}

/** GET /api/v1/silences items. C# OperationsCenter.Server.Silences.SilenceView. */
export interface SilenceView {
  silence: Silence;
  status: 'pending' | 'active' | 'expired';
}

/** GET /api/v1/keys items. C# OperationsCenter.Server.Admin.KeyView. */
export interface KeyView {
  department: string;
  /** First 12 hex digits of the key's SHA-256. */
  hashPrefix: string;
  /** The entry in the settings file; null when configured elsewhere. */
  entryName: string | null;
  revocable: boolean;
}

/** POST /api/v1/keys: the key, shown this once. C# OperationsCenter.Server.Admin.IssuedKeyView. */
export interface IssuedKeyView {
  key: string;
  department: string;
  entryName: string;
  hashPrefix: string;
}

/** GET /api/v1/people items. C# OperationsCenter.Server.Admin.PersonView. */
export interface PersonView {
  name: string;
  displayName: string;
  roles: (Role | string)[];
  /** Their entry is the settings file's alone, so the screen may change or remove it. */
  editable: boolean;
}

/** GET /api/v1/audit items. C# OperationsCenter.Server.Audit.AuditEntry. */
export interface AuditEntry {
  time: IsoTime;
  /** rule.put, rule.delete, silence.create, silence.expire, key.issue, key.revoke, person.add, person.roles, person.remove. */
  action: string;
  actor: string;
  target: string;
  detail: string | null;
}
