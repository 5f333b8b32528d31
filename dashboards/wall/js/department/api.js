// @ts-check
// The department page's calls to /api/v1/departments/{id}/…: JSON in, a readable error out.
import { signInUrl } from '../session.js';

/** The department of this page: /department/{id}. */
export const departmentId = () => decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');

/** @param {string} path */
export const apiUrl = path => `/api/v1/departments/${encodeURIComponent(departmentId())}${path}`;

/** An answer that is not 2xx, with the server's own words when it gave some. */
export class ApiFailure extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @param {Response} response */
async function failure(response) {
  if (response.status === 401) location.assign(signInUrl());
  let message = `HTTP ${response.status}`;
  try {
    /** @type {import('../contract').ApiError} */
    const body = await response.json();
    if (body?.error) message = body.error;
  } catch { /* no JSON body */ }
  return new ApiFailure(response.status, message);
}

/**
 * GET a JSON document of this department.
 * @template T @param {string} path @returns {Promise<T>}
 */
export async function getJson(path) {
  const response = await fetch(apiUrl(path), { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw await failure(response);
  return response.json();
}

/**
 * POSTs a file as the request body (no form encoding): the server reads the bytes as CSV or Excel.
 * @template T @param {string} path @param {File} file @returns {Promise<T>}
 */
export async function postFile(path, file) {
  const response = await fetch(apiUrl(path), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}
