// The sign-in page: texts from i18n/<lang>.json (served before sign-in), POST /auth/login, then back to where the person was going.
(() => {
  'use strict';

  const LANGUAGE_KEY = 'oc.language';
  const params = new URLSearchParams(location.search);
  // Only a path on this site: never send someone elsewhere after they sign in. Browsers drop tabs and line breaks
  // from URLs and read a backslash as a slash, so any of those (or "//" at the start) refuses the path.
  const wanted = params.get('returnUrl') || '';
  const returnUrl = /^\/(?!\/)[^\\\u0000-\u001f\u007f]*$/.test(wanted) ? wanted : '/';
  const form = document.querySelector('.login-form');
  const error = document.querySelector('.login-error');
  let texts = {};
  let lang = 'vi';
  try { lang = localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi'; } catch { /* storage unavailable */ }

  const t = key => texts['login.' + key] ?? texts[key] ?? key;

  async function setLanguage(next) {
    const response = await fetch(`/i18n/${next}.json`);
    texts = await response.json();
    lang = next;
    document.documentElement.lang = next;
    try { localStorage.setItem(LANGUAGE_KEY, next); } catch { /* storage unavailable */ }
    for (const el of document.querySelectorAll('[data-login]')) el.textContent = t(el.dataset.login);
    oidcLink.textContent = oidcName ? t('oidc').replace('{provider}', oidcName) : '';
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  const oidcLink = document.querySelector('.login-oidc');
  let oidcName = '';
  fetch('/auth/providers').then(r => r.json()).then(p => {
    if (!p.oidc) return;
    oidcName = p.oidc.displayName;
    oidcLink.href = `${p.oidc.url}?returnUrl=${encodeURIComponent(returnUrl)}`;
    oidcLink.textContent = t('oidc').replace('{provider}', oidcName);
    oidcLink.hidden = false;
  }).catch(() => { /* password sign-in still works */ });

  // Department staff have no wall: unless they were going somewhere, their own page is where they land.
  async function landing() {
    if (returnUrl !== '/') return returnUrl;
    try {
      const me = await (await fetch('/auth/me', { credentials: 'same-origin' })).json();
      const roles = me.roles || [];
      const wall = roles.some(r => r === 'operator' || r === 'leader');
      return !wall && roles.some(r => r.startsWith('department:')) ? '/department' : '/';
    } catch {
      return '/';
    }
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    const name = form.elements.name.value.trim();
    const password = form.elements.password.value;
    if (!name || !password) {
      showError(t('missing'));
      return;
    }
    form.querySelector('button').disabled = true;
    try {
      const response = await fetch('/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, password }),
        credentials: 'same-origin',
      });
      if (response.status === 204) {
        location.assign(await landing());
        return;
      }
      showError(response.status === 429 ? t('throttled') : response.status === 401 ? t('wrong') : t('failed'));
      form.elements.password.select();
    } catch {
      showError(t('failed'));
    } finally {
      form.querySelector('button').disabled = false;
    }
  });

  document.querySelector('.login-lang').addEventListener('click', () => setLanguage(lang === 'vi' ? 'en' : 'vi'));
  setLanguage(lang)
    .then(() => { if (params.get('error') === 'provider') showError(t('provider')); })
    .catch(() => showError('texts failed to load'));
})();
