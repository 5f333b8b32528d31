// @ts-check
// How numbers, durations and instants read on every screen, in the current language.
import { i18n, text } from './i18n.js';

/** @param {unknown} value */
export const toNumber = value => (typeof value === 'number' ? value : Number(value));

/**
 * A number as people of the current language write it (vi 80,7 / en 80.7); small values keep 3 digits.
 * @param {unknown} value
 */
export function formatValue(value) {
  if (value === null || value === undefined) return '–';
  const n = toNumber(value);
  if (!Number.isFinite(n)) return String(value);
  return n !== 0 && Math.abs(n) < 0.01 ? i18n.small.format(n) : i18n.number.format(n);
}

/**
 * "34 giây", "5 phút", "2 giờ" (prefix `age`) or "34 giây trước" (prefix `relative`).
 * @param {number} ageMs @param {'age' | 'relative'} prefix
 */
export function durationText(ageMs, prefix) {
  const seconds = Math.max(0, Math.floor(ageMs / 1000));
  if (seconds < 1) return text(prefix + '.now');
  if (seconds < 60) return text(prefix + '.seconds', seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return text(prefix + '.minutes', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return text(prefix + '.hours', hours);
  return text(prefix + '.days', Math.floor(hours / 24));
}

/**
 * "04:51, 02/12/2026" as Vietnamese write it (in the province's time zone); today's instants just "04:51".
 * @param {number} ms @param {{ always?: boolean }} [options] always: the date even for today
 */
export function dateTimeText(ms, { always = false } = {}) {
  const at = new Date(ms);
  const time = i18n.time.format(at);
  const day = i18n.day.format(at);
  return !always && day === i18n.day.format(new Date()) ? time : `${time}, ${day}`;
}

/**
 * "04:51, 02/12/2026" always with the date, in the province's time zone: for lists that reach past today.
 * @param {number} ms
 */
export const formatDateTime = ms => dateTimeText(ms, { always: true });

/**
 * "từ 04:51 (5 phút)": a start as a clock time and an age.
 * @param {number} sinceMs @param {number} now
 */
export const sinceText = (sinceMs, now) => text('alert.sinceAt', { time: dateTimeText(sinceMs), age: durationText(now - sinceMs, 'age') });

/**
 * Tags (or labels) as a person reads them, "link wan · desk mot-cua", leaving out those named in `skip`.
 * @param {Record<string, string> | undefined} tags @param {Set<string>} skip
 */
export const tagsText = (tags, skip) => Object.keys(tags ?? {}).filter(k => !skip.has(k)).sort().map(k => `${k} ${tags[k]}`).join(' · ');

/** The unit tag alone: what a series' rows and chart lines leave out, since the unit is said already. */
export const UNIT_TAG = new Set(['department']);

/**
 * A catalog text in the current language ({ vi, en }), or a plain string.
 * @param {unknown} value
 */
export function localized(value) {
  if (value && typeof value === 'object') {
    const texts = /** @type {Record<string, string>} */ (value);
    return texts[i18n.lang] ?? texts.vi ?? texts.en ?? '';
  }
  return String(value ?? '');
}

// ISO-8601 instants carry up to 7 (or 9) fractional digits; Date.parse keeps milliseconds only, so the rest is kept
// apart to order two values within the same millisecond.
const ISO_FRACTION = /\.(\d+)/;

/** @typedef {{ ms: number, sub: number }} Stamp */

/** @param {unknown} iso @returns {Stamp} */
export function stampOf(iso) {
  if (typeof iso !== 'string') return { ms: Number.NEGATIVE_INFINITY, sub: 0 };
  const match = ISO_FRACTION.exec(iso);
  let sub = 0;
  let plain = iso;
  if (match) {
    const digits = match[1];
    sub = Number((digits.slice(3) + '000000').slice(0, 6)); // nanoseconds within the millisecond
    plain = iso.replace(ISO_FRACTION, '.' + (digits + '000').slice(0, 3));
  }
  const ms = Date.parse(plain);
  return { ms: Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms, sub };
}

/** @param {Stamp} a @param {Stamp} b */
export const compareStamps = (a, b) => (a.ms - b.ms) || (a.sub - b.sub);
