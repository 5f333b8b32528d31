// @ts-check
// The page's connection to /hubs/wall, kept up forever.
import { signInUrl } from './session.js';

/** @typedef {'connected' | 'reconnecting' | 'disconnected'} ConnectionState */

const retryDelay = (/** @type {number} */ attempt) => Math.min(1000 * 2 ** attempt, 10000);

/**
 * SignalR's automatic reconnect with capped backoff, and a restart loop (same backoff) if the connection ever closes.
 * `onState(state, labelKey)` reports connected / reconnecting / disconnected; `onConnected()` runs after every
 * (re)connection; handlers are guarded so one bad payload never breaks the page. Call `healthy()` once the server has
 * proved the connection good (a snapshot arrived) so the next outage starts its backoff afresh.
 * @param {{ page: string, view: 'wall' | 'leader', handlers: Record<string, (payload: any) => void>,
 *   onState: (state: ConnectionState, labelKey?: string) => void, onConnected?: () => (void | Promise<void>) }} options
 */
export function connectHub({ page, view, handlers, onState, onConnected = () => {} }) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`/hubs/wall?view=${view}`)
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
    timer = window.setTimeout(start, retryDelay(attempt));
    attempt++;
  };

  async function start() {
    timer = 0;
    if (connection.state !== signalR.HubConnectionState.Disconnected) return;
    onState('reconnecting', attempt === 0 ? 'connection.connecting' : 'connection.reconnecting');
    try {
      await connection.start();
    } catch (err) {
      const message = String(err?.message ?? err);
      // A session that ended (or was taken away) sends the page to the sign-in form instead of retrying forever.
      if (/\b401\b/.test(message)) {
        location.assign(signInUrl());
        return;
      }
      if (/\b403\b/.test(message)) {
        onState('disconnected', 'connection.forbidden');
        return;
      }
      console.info(`${page}: connection failed, retrying`, message);
      onState('disconnected');
      scheduleStart();
      return;
    }
    onState('connected');
    try {
      await onConnected();
    } catch (err) {
      console.error(`${page}: after connecting`, err);
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

/**
 * A hub error as a person reads it: the server's message without SignalR's wrapping.
 * @param {unknown} err
 */
export const hubErrorText = err => String(/** @type {any} */ (err)?.message ?? err).replace(/^.*HubException: /, '');
