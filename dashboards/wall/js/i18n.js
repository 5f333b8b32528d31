// @ts-check
// Texts from i18n/<lang>.json and the number and date formats of the current language. A language switch re-renders
// in place: listeners registered with onLanguage() run after the texts are loaded.

const LANGUAGES = ['vi', 'en'];
const DEFAULT_LANGUAGE = 'vi';
const LANGUAGE_KEY = 'oc.language';
/** The province's time zone: clock times on every screen are the control room's, whatever the browser says. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** @type {Map<string, Record<string, string>>} */
const cache = new Map();
/** @type {Record<string, string>} */
let fallback = {};
/** @type {Record<string, string>} */
let texts = {};
/** @type {((lang: string) => void)[]} */
const listeners = [];

/** The current language and its formats. */
export const i18n = {
  lang: DEFAULT_LANGUAGE,
  locale: 'vi-VN',
  integer: new Intl.NumberFormat('vi-VN'),
  number: new Intl.NumberFormat('vi-VN'),
  small: new Intl.NumberFormat('vi-VN'),
  /** 04:51:07 */
  clock: new Intl.DateTimeFormat('vi-VN'),
  /** 04:51 */
  time: new Intl.DateTimeFormat('vi-VN'),
  /** Thứ Tư, 02/12/2026 */
  date: new Intl.DateTimeFormat('vi-VN'),
  /** 02/12/2026 */
  day: new Intl.DateTimeFormat('vi-VN'),
  /** 02/12 */
  dayMonth: new Intl.DateTimeFormat('vi-VN'),
  plural: new Intl.PluralRules('vi-VN'),
  collator: new Intl.Collator('vi-VN'),
};

/** @param {string} lang */
async function load(lang) {
  if (!cache.has(lang)) {
    const response = await fetch(`/i18n/${lang}.json`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`i18n/${lang}.json: HTTP ${response.status}`);
    cache.set(lang, await response.json());
  }
  return cache.get(lang);
}

/** The language asked for in the address (?lang=en), else the one chosen last, else Vietnamese. */
export function initialLanguage() {
  const requested = new URLSearchParams(location.search).get('lang');
  if (requested && LANGUAGES.includes(requested)) return requested;
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (stored && LANGUAGES.includes(stored)) return stored;
  } catch { /* storage unavailable */ }
  return DEFAULT_LANGUAGE;
}

/**
 * The text of `key` with {name} placeholders filled; numbers are formatted. A number `n` (or values.n) picks the
 * plural form `key.one` / `key.other` when the texts have them ("1 alert", "2 alerts").
 * @param {string} key
 * @param {number | Record<string, string | number>} [values]
 */
export function text(key, values) {
  const map = values === undefined ? {} : typeof values === 'object' ? values : { n: values };
  let chosen = key;
  if (typeof map.n === 'number') {
    const form = `${key}.${i18n.plural.select(map.n)}`;
    // The language's own texts first: a Vietnamese plural form must not win over an English text without one.
    if (form in texts) chosen = form;
    else if (`${key}.other` in texts) chosen = `${key}.other`;
    else if (!(key in texts) && form in fallback) chosen = form;
  }
  const s = texts[chosen] ?? fallback[chosen] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, name) => {
    if (!(name in map)) return m;
    const v = map[name];
    return typeof v === 'number' ? i18n.integer.format(v) : String(v);
  });
}

/**
 * Fills [data-text], [data-text-placeholder] and [data-text-title] elements under `root`.
 * @param {ParentNode} [root]
 */
export function applyStaticTexts(root = document) {
  for (const el of root.querySelectorAll('[data-text]')) {
    const value = text(/** @type {HTMLElement} */ (el).dataset.text);
    if (el.textContent !== value) el.textContent = value;
  }
  for (const el of root.querySelectorAll('[data-text-placeholder]')) {
    /** @type {HTMLInputElement} */ (el).placeholder = text(/** @type {HTMLElement} */ (el).dataset.textPlaceholder);
  }
  for (const el of root.querySelectorAll('[data-text-title]')) {
    /** @type {HTMLElement} */ (el).title = text(/** @type {HTMLElement} */ (el).dataset.textTitle);
  }
}

/** @param {(lang: string) => void} listener */
export function onLanguage(listener) {
  listeners.push(listener);
}

/** @param {string} lang */
export async function setLanguage(lang) {
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

/** The other language: what the language button switches to. */
export const otherLanguage = () => (i18n.lang === 'vi' ? 'en' : 'vi');

/** @param {string} locale */
function configureFormats(locale) {
  const zone = { timeZone: TIME_ZONE };
  i18n.locale = locale;
  i18n.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  i18n.number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  i18n.small = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  i18n.clock = new Intl.DateTimeFormat(locale, { ...zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  i18n.time = new Intl.DateTimeFormat(locale, { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  i18n.date = new Intl.DateTimeFormat(locale, { ...zone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' });
  i18n.day = new Intl.DateTimeFormat(locale, { ...zone, day: '2-digit', month: '2-digit', year: 'numeric' });
  i18n.dayMonth = new Intl.DateTimeFormat(locale, { ...zone, day: '2-digit', month: '2-digit' });
  i18n.plural = new Intl.PluralRules(locale);
  i18n.collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
}
configureFormats('vi-VN');
