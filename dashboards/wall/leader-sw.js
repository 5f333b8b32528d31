// The leader view's service worker (scope /leader): shows the center's Web Push notices as notifications, and a
// click opens (or focuses) the leader view on that alert. It has no fetch handler: nothing is cached, so the
// view and its API always come from the server, never stale.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('push', event => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { title: event.data ? event.data.text() : '' };
  }
  const title = payload.title || 'Cảnh báo gửi lãnh đạo';
  event.waitUntil(self.registration.showNotification(title, {
    body: payload.body || '',
    tag: payload.tag || undefined,
    renotify: Boolean(payload.tag),
    requireInteraction: payload.kind !== 'resolved',
    icon: '/icons/leader-192.png',
    badge: '/icons/leader-192.png',
    lang: 'vi',
    data: { url: payload.url || '/leader.html', fingerprint: payload.tag || '' },
  }));
});

self.addEventListener('notificationclick', event => {
  event.notification.close();
  const { url, fingerprint } = event.notification.data || {};
  const target = new URL(url || '/leader.html', self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = windows.find(w => new URL(w.url).pathname === '/leader.html');
    if (open) {
      await open.focus();
      open.postMessage({ type: 'open-alert', fingerprint });
      return;
    }
    await self.clients.openWindow(target);
  })());
});
