// @ts-check
// The signed-in person: shown in the header with a sign-out button; the server records them on acknowledgements.
import { applyStaticTexts, onLanguage } from './i18n.js';

/** @typedef {import('./contract').CurrentUser} CurrentUser */

export const signInUrl = () => '/login?returnUrl=' + encodeURIComponent(location.pathname + location.search);

/** @returns {Promise<CurrentUser | null>} */
async function loadUser() {
  const response = await fetch('/auth/me', { credentials: 'same-origin' });
  if (response.status === 401) {
    location.assign(signInUrl());
    return null;
  }
  return response.ok ? response.json() : null;
}

/**
 * Adds "name · sign out" to `container` once the person is known.
 * @param {Element} container @returns {Promise<CurrentUser | null>}
 */
export async function mountUser(container) {
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
  onLanguage(() => applyStaticTexts(box));
  container.append(box);
  return user;
}
