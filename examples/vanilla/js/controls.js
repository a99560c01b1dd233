// The call's buttons: microphone, camera (released when off), screen share, leave. Toggles carry
// aria-pressed (pressed = muted, camera off, sharing) and are disabled while their action runs.
import { translator } from './i18n.js';

const { ErrorCode } = globalThis.SmaRTC;
const $ = (id) => document.getElementById(id);

/** Wires the controls to `call` (until `signal` aborts); `onError` gets translated failures. */
export function createControls(call, { signal, onError, onLeave }) {
  const mic = $('toggle-mic');
  const camera = $('toggle-camera');
  const screen = $('toggle-screen');
  const canShareScreen = typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  const busy = new Set();
  let snapshot = call.getSnapshot();

  /** Runs `action` for `button` once at a time; failures are translated for `operation`. */
  function bind(button, operation, action) {
    button.addEventListener(
      'click',
      async () => {
        if (busy.has(button)) return;
        busy.add(button);
        render(snapshot);
        try {
          await action(call.getSnapshot());
        } catch (error) {
          // Closing the browser's screen picker is a choice, not an error.
          if (!(button === screen && error?.code === ErrorCode.MEDIA_PERMISSION_DENIED))
            onError(translator.error(operation, error));
        } finally {
          busy.delete(button);
          render(call.getSnapshot());
        }
      },
      { signal },
    );
  }

  bind(mic, 'toggleMicrophone', (s) => call.setMicrophoneEnabled(!s.self.media.audio));
  bind(camera, 'toggleCamera', (s) => call.setCameraEnabled(!s.self.media.video, { release: true }));
  bind(screen, 'screenShare', (s) =>
    s.self.screenSharing ? call.stopScreenShare() : call.startScreenShare(),
  );
  $('leave').addEventListener('click', onLeave, { signal });

  function render(next) {
    snapshot = next;
    const { self } = next;
    // Joined without camera and microphone: there is nothing to turn on.
    const noMedia = self.stream === null;
    mic.setAttribute('aria-pressed', String(!self.media.audio));
    camera.setAttribute('aria-pressed', String(!self.media.video));
    screen.setAttribute('aria-pressed', String(self.screenSharing));
    mic.disabled = noMedia || busy.has(mic);
    camera.disabled = noMedia || busy.has(camera);
    screen.disabled = busy.has(screen);
    screen.hidden = !canShareScreen;
  }

  return { render };
}
