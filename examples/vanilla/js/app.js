// The SmaRTC demo app: sign in or pick a guest name, create a call or open its link, talk.
// Built on the script-tag SDK only (the global SmaRTC of /sdk/smartc.global.js), no build step.
import { clearAlert, showAlert } from './banners.js';
import { openCallView } from './callView.js';
import { getLocale, onLocaleChange, setLocale, t, translateDocument, translator } from './i18n.js';
import { callIdFromLocation, setLocationCall } from './link.js';
import { createLobby } from './lobby.js';
import {
  accountIdentity,
  api,
  createCall,
  guestIdentity,
  guestsAllowed,
  isGuestsDisabled,
  isMediaError,
  isSignInLost,
  joinCall,
  rememberedGuestName,
  signIn,
  signOut,
} from './session.js';

const { SmaRTCSimpleError } = globalThis.SmaRTC;
const $ = (id) => document.getElementById(id);

const linkedCall = callIdFromLocation();
const state = {
  /** `{ kind: 'user' | 'guest', username }` once known. */
  identity: accountIdentity(),
  /** The call of the address (`?call=`), or the last one: what "Join the call" joins. */
  inviteId: linkedCall,
  /** Whether `inviteId` came with the link that opened the page (else it is your last call). */
  invited: linkedCall !== null,
  guestsAllowed: true,
  busy: false,
  /** The last join failed on the camera or microphone: offer to retry, or to join without them. */
  mediaRetry: false,
  inCall: false,
};
/** The join under way, or the last one that failed: what "Try again" retries. */
let pendingJoin = null;

const lobby = createLobby({
  signIn: (username, password, options) =>
    run(async () => {
      state.identity = await signIn(username, password, options);
      $('password').value = '';
    }),
  guest: (name) => {
    state.identity = guestIdentity(name);
    done();
  },
  create: (name) =>
    run(async () => enterCall(await createCall(state.identity, name), { operation: 'startCall' })),
  join: (callId = state.inviteId) => run(() => enterCall(callId, { operation: 'joinCall' })),
  retry: ({ media }) => run(() => enterCall(pendingJoin.callId, { ...pendingJoin, media })),
  invalid: (key) => showAlert({ key }),
});

async function enterCall(callId, { operation, media = true }) {
  pendingJoin = { callId, operation };
  const call = await joinCall(state.identity, callId, { media, operation });
  pendingJoin = null;
  state.inviteId = callId;
  setLocationCall(callId);
  state.mediaRetry = false;
  state.inCall = true;
  openCallView(call, { callId, onEnded: leftCall });
}

function leftCall(message) {
  state.inCall = false;
  state.invited = false;
  if (message) showAlert(message);
  done();
}

/** Runs a lobby action: one at a time, errors shown (translated by the SDK's catalogue). */
async function run(task) {
  clearAlert();
  state.busy = true;
  render();
  try {
    await task();
  } catch (error) {
    failed(error);
  } finally {
    state.busy = false;
    done();
  }
}

function failed(error) {
  if (!(error instanceof SmaRTCSimpleError)) {
    console.error(error); // a bug of the app: say something all the same
    showAlert(translator.error('call', error, 'genericError'));
    return;
  }
  showAlert(error);
  state.mediaRetry = isMediaError(error);
  if (isGuestsDisabled(error)) {
    state.guestsAllowed = false;
    state.identity = null;
  }
  if (isSignInLost(error)) {
    void signOut().catch(() => {});
    state.identity = null;
  }
}

/** Renders, then moves the focus to the next step. */
function done() {
  render();
  if (!state.inCall) lobby.focusNextStep(state);
}

function render() {
  const { identity } = state;
  const whoami = $('whoami');
  whoami.hidden = identity === null;
  if (identity)
    whoami.textContent = t(identity.kind === 'user' ? 'signedInAs' : 'guestAs', { name: identity.username });
  const signOutButton = $('sign-out');
  signOutButton.hidden = identity === null || state.inCall;
  signOutButton.dataset.i18n = identity?.kind === 'guest' ? 'changeName' : 'signOut';
  signOutButton.textContent = t(signOutButton.dataset.i18n);
  const lang = $('lang');
  lang.textContent = t('otherLanguage');
  lang.lang = getLocale() === 'fr' ? 'en' : 'fr';
  if (!state.inCall) lobby.render(state);
}

$('sign-out').addEventListener('click', async () => {
  if (state.identity?.kind === 'user') await signOut().catch(() => {});
  state.identity = null;
  state.mediaRetry = false;
  clearAlert();
  render();
  $(state.guestsAllowed ? 'guest-name' : 'username').focus();
});
$('lang').addEventListener('click', () => setLocale(getLocale() === 'fr' ? 'en' : 'fr'));
onLocaleChange(render);
// The sign-in expired (or was cleared in another tab): back to the sign-in form, unless in a call.
api.on('auth-changed', (user) => {
  if (user || state.identity?.kind !== 'user' || state.inCall) return;
  state.identity = null;
  render();
});

translateDocument();
lobby.setGuestName(rememberedGuestName());
render();
guestsAllowed().then((allowed) => {
  state.guestsAllowed = allowed;
  render();
});
