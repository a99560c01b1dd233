// The call screen for one joined SmaRTC.Call: every part renders from the call's snapshot (subscribe +
// getSnapshot). It also says what happens to the call: reconnecting, recovered, warnings, and its end.
import { clearNotice, showAlert, showNotice } from './banners.js';
import { createChat } from './chat.js';
import { createControls } from './controls.js';
import { createGrid } from './grid.js';
import { onLocaleChange, t, translator } from './i18n.js';
import { callLink } from './link.js';

const { PlaybackController } = globalThis.SmaRTC;
const $ = (id) => document.getElementById(id);
const RECOVERED_NOTICE_MS = 5000;
const WARNING_NOTICE_MS = 8000;
const COPIED_MS = 2500;

/** The message a new warning of the snapshot deserves, or null. */
function warningMessage(warning) {
  if (warning.reason === 'media-fallback') return translator.error('call', warning.error, 'mediaFallback');
  if (warning.reason === 'media-error') return translator.error('call', warning.error);
  return { key: `warning.${warning.reason}` };
}

/**
 * Shows `call` (joined to `callId`) until you leave or it ends; `onEnded(message)` is then called with
 * null (you left) or what to tell: the call ended, or the connection to the server was lost for good.
 */
export function openCallView(call, { callId, onEnded }) {
  const controller = new AbortController();
  const { signal } = controller;
  const playback = new PlaybackController();
  const grid = createGrid($('grid'), playback);
  const chat = createChat(call, { signal, onError: showAlert });
  const controls = createControls(call, { signal, onError: showAlert, onLeave: () => close(null) });
  const seenWarnings = new Set();
  let status = call.getSnapshot().status;
  let closed = false;

  const link = $('invite-link');
  const copy = $('copy-link');
  link.value = callLink(callId);
  copy.addEventListener(
    'click',
    async () => {
      try {
        await navigator.clipboard.writeText(link.value);
        copy.textContent = t('copied');
      } catch {
        link.select(); // the person copies it by hand
        copy.textContent = t('copyFailed');
      }
      setTimeout(() => {
        copy.textContent = t('copyLink');
      }, COPIED_MS);
    },
    { signal },
  );

  const audio = $('enable-audio');
  playback.on('playback-blocked-changed', (blocked) => {
    audio.hidden = !blocked;
  });
  audio.addEventListener('click', () => playback.startAudio(), { signal });

  function followStatus(snapshot) {
    const previous = status;
    status = snapshot.status;
    if (status === 'reconnecting' && previous !== 'reconnecting') showNotice({ key: 'reconnecting' });
    if (status === 'joined' && previous === 'reconnecting')
      showNotice({ key: 'reconnected' }, { timeoutMs: RECOVERED_NOTICE_MS });
    if (status === 'failed') close(translator.error('call', snapshot.error));
    else if (status === 'left') close({ key: 'callEnded' });
  }

  function followWarnings(snapshot) {
    for (const warning of snapshot.warnings) {
      if (seenWarnings.has(warning)) continue;
      seenWarnings.add(warning);
      const message = warningMessage(warning);
      if ('key' in message) showNotice(message, { timeoutMs: WARNING_NOTICE_MS });
      else showAlert(message);
    }
  }

  function render(snapshot) {
    grid.render(snapshot);
    controls.render(snapshot);
    chat.render(snapshot);
    $('waiting').hidden = snapshot.participants.length > 0;
    followWarnings(snapshot);
    followStatus(snapshot);
  }

  async function close(message) {
    if (closed) return;
    closed = true;
    controller.abort();
    unsubscribe();
    offLocale();
    window.removeEventListener('pagehide', onPageHide);
    grid.dispose();
    chat.dispose();
    playback.dispose();
    clearNotice();
    $('call').hidden = true;
    audio.hidden = true;
    await call.dispose();
    onEnded(message);
  }

  // Leaving the page leaves the call at once, rather than when the server notices.
  const onPageHide = () => void call.dispose();
  window.addEventListener('pagehide', onPageHide);

  $('lobby').hidden = true;
  $('call').hidden = false;
  const unsubscribe = call.subscribe(render);
  const offLocale = onLocaleChange(() => render(call.getSnapshot()));
  render(call.getSnapshot());
  $('call-title').focus();
  return { leave: () => close(null) };
}
