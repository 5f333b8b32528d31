// @ts-check
// A short tone for a new alert. Browsers play sound only after the person touched the page once, so the first
// pointer press (or the button that turns sound on) unlocks it.

/** @type {AudioContext | null} */
let audio = null;

/** The page's audio, resumed; null where the browser has none. */
export function unlockSound() {
  const Ctx = window.AudioContext || /** @type {any} */ (window).webkitAudioContext;
  if (!Ctx) return null;
  audio ??= new Ctx();
  if (audio.state === 'suspended') audio.resume().catch(() => {});
  return audio;
}

/** Two high tones for a critical alert, one lower tone otherwise. @param {boolean} critical */
export function beep(critical) {
  try {
    const ctx = unlockSound();
    if (!ctx) return;
    const now = ctx.currentTime;
    for (const [offset, freq] of critical ? [[0, 880], [0.25, 880]] : [[0, 660]]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, now + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, now + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.18);
      osc.connect(gain).connect(ctx.destination);
      osc.start(now + offset);
      osc.stop(now + offset + 0.2);
    }
  } catch (err) {
    console.info('sound failed', err);
  }
}

document.addEventListener('pointerdown', () => unlockSound(), { once: true });
