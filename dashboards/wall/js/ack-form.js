// @ts-check
// The inline form that takes (or gives back) an alert: an optional note, confirm, cancel.
import { text, applyStaticTexts } from './i18n.js';
import { hubErrorText } from './connection.js';

/**
 * A hidden form; `open(confirmKey)` shows it with that button text, `submit(note)` returns a promise whose failure is
 * shown in the form.
 * @param {(note: string | null) => Promise<void>} submit
 * @returns {HTMLFormElement & { open: (confirmKey: string) => void, close: () => void }}
 */
export function buildAckForm(submit) {
  const form = /** @type {HTMLFormElement & { open: (confirmKey: string) => void, close: () => void }} */ (document.createElement('form'));
  form.className = 'ack-form';
  form.hidden = true;
  form.innerHTML = `
    <input class="ack-note" data-testid="ack-note" name="note" autocomplete="off" maxlength="2000" data-text-placeholder="ack.note">
    <button type="submit" class="ack-confirm" data-testid="ack-confirm"></button>
    <button type="button" class="ack-cancel" data-testid="ack-cancel" data-text="ack.cancel"></button>
    <p class="ack-error" role="alert" hidden></p>`;
  const note = /** @type {HTMLInputElement} */ (form.querySelector('.ack-note'));
  const error = /** @type {HTMLElement} */ (form.querySelector('.ack-error'));
  const confirm = /** @type {HTMLButtonElement} */ (form.querySelector('.ack-confirm'));
  let confirmKey = 'ack.confirm';

  form.open = key => {
    confirmKey = key;
    applyStaticTexts(form);
    confirm.textContent = text(confirmKey);
    error.hidden = true;
    form.hidden = false;
    note.focus();
  };
  form.close = () => {
    form.hidden = true;
    note.value = '';
  };
  form.querySelector('.ack-cancel').addEventListener('click', () => form.close());
  form.addEventListener('keydown', event => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      form.close();
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    confirm.disabled = true;
    try {
      await submit(note.value.trim() || null);
      form.close();
    } catch (err) {
      error.textContent = text('ack.failed', { error: hubErrorText(err) });
      error.hidden = false;
    } finally {
      confirm.disabled = false;
    }
  });
  return form;
}
