// @ts-check
// The leader view reachable with the page closed: its service worker (leader-sw.js, scope /leader) shows Web Push
// notices, and "Nhận thông báo" subscribes this browser for the signed-in leader (POST /api/v1/push/subscriptions).

const SCOPE = '/leader';

/** The service worker's registration, or null where the browser has none. */
export async function registerWorker() {
  if (!('serviceWorker' in navigator)) return null;
  try {
    return await navigator.serviceWorker.register('/leader-sw.js', { scope: SCOPE });
  } catch (err) {
    console.warn('leader: the service worker could not register', err);
    return null;
  }
}

/** @param {string} base64url */
function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, c => c.charCodeAt(0));
}

/**
 * Stores a subscription (as PushSubscription.toJSON() gives it) for the signed-in person.
 * @param {PushSubscriptionJSON} subscription
 */
export async function saveSubscription(subscription) {
  const response = await fetch('/api/v1/push/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(subscription),
  });
  if (!response.ok) throw new Error(`POST /api/v1/push/subscriptions: HTTP ${response.status}`);
}

/** True when this browser already has a push subscription for the view. */
export async function isSubscribed() {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return false;
  const registration = await navigator.serviceWorker.getRegistration(SCOPE);
  return Boolean(await registration?.pushManager.getSubscription());
}

/**
 * Asks for the notifications permission, subscribes this browser with the center's VAPID key and stores the
 * subscription on the server (again each time: the server keeps one per person and browser).
 */
export async function subscribe() {
  if (!('Notification' in window) || (await Notification.requestPermission()) !== 'granted') throw new Error('notifications not permitted');
  const registration = await registerWorker();
  if (!registration || !('pushManager' in registration)) throw new Error('this browser has no Web Push');
  await navigator.serviceWorker.ready;
  const keyResponse = await fetch('/api/v1/push/key', { headers: { Accept: 'application/json' } });
  if (!keyResponse.ok) throw new Error(`GET /api/v1/push/key: HTTP ${keyResponse.status}`);
  const { publicKey } = await keyResponse.json();
  const subscription = await registration.pushManager.getSubscription()
    ?? await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
  await saveSubscription(subscription.toJSON());
}
