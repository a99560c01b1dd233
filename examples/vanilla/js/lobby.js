// The lobby: who you are (account or guest), then create a call or join one (from a link or an id).
// It only reads the forms and reports what the person asked for; app.js does it.
import { t } from './i18n.js';
import { parseCallId } from './link.js';

const $ = (id) => document.getElementById(id);

/**
 * Wires the lobby's forms to `actions` ({ signIn, guest, create, join, retry, invalid }) and returns
 * `render(state)`, state being { identity, inviteId, invited, guestsAllowed, busy, mediaRetry }.
 */
export function createLobby(actions) {
  const fields = {
    username: $('username'),
    password: $('password'),
    guestName: $('guest-name'),
    callName: $('call-name'),
    joinId: $('join-id'),
  };
  let identity = null;

  /**
   * Submits `form` to `handler(submitter)` (no page reload). An empty `required` field is marked, focused and
   * reported as the app text `message` instead.
   */
  function onSubmit(form, { required = [], message }, handler) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      for (const field of Object.values(fields)) field.removeAttribute('aria-invalid');
      const empty = required.find((field) => field.value.trim() === '');
      if (!empty) return handler(event.submitter);
      empty.setAttribute('aria-invalid', 'true');
      empty.focus();
      actions.invalid(message);
    });
  }

  const credentials = { required: [fields.username, fields.password], message: 'credentialsRequired' };
  onSubmit($('sign-in-form'), credentials, (submitter) =>
    actions.signIn(fields.username.value.trim(), fields.password.value, {
      register: submitter?.value === 'register',
    }),
  );
  onSubmit($('guest-form'), { required: [fields.guestName], message: 'nameRequired' }, () =>
    actions.guest(fields.guestName.value.trim()),
  );
  onSubmit($('create-form'), {}, () =>
    actions.create(fields.callName.value.trim() || t('callNameDefault', { name: identity?.username ?? '' })),
  );
  onSubmit($('join-form'), { required: [fields.joinId], message: 'invalidLink' }, () => {
    const callId = parseCallId(fields.joinId.value);
    if (callId) return actions.join(callId);
    fields.joinId.setAttribute('aria-invalid', 'true');
    actions.invalid('invalidLink');
  });
  $('join-invite').addEventListener('click', () => actions.join());
  $('retry-join').addEventListener('click', () => actions.retry({ media: true }));
  $('join-without-media').addEventListener('click', () => actions.retry({ media: false }));

  return {
    /** Prefills the guest name (remembered from last time). */
    setGuestName(name) {
      if (!fields.guestName.value) fields.guestName.value = name;
    },
    render(state) {
      identity = state.identity;
      $('lobby').hidden = false;
      $('invite-card').hidden = !state.inviteId;
      $('invite-id').textContent = state.inviteId ?? '';
      const title = $('invite-title');
      title.dataset.i18n = state.invited ? 'invitedTitle' : 'lastCallTitle';
      title.textContent = t(title.dataset.i18n);
      $('identity').hidden = identity !== null;
      $('guest-form').querySelector('button').disabled = !state.guestsAllowed;
      fields.guestName.disabled = !state.guestsAllowed;
      $('guests-disabled').hidden = state.guestsAllowed;
      // Demo mode always lets guests in: without guests, this is no demo server.
      $('demo-accounts').hidden = !state.guestsAllowed;
      $('start').hidden = identity === null;
      $('join-invite').hidden = identity === null;
      // Guests start ad-hoc rooms, which have no name.
      $('call-name-field').hidden = identity?.kind !== 'user';
      $('media-retry').hidden = !state.mediaRetry;
      $('joining').hidden = !state.busy;
      for (const form of $('lobby').querySelectorAll('form, #invite-card, #media-retry'))
        form.toggleAttribute('inert', state.busy);
    },
    /** Puts the focus where the next step starts. */
    focusNextStep(state) {
      if (state.mediaRetry) $('retry-join').focus();
      else if (state.identity && state.inviteId) $('join-invite').focus();
      else if (state.identity) $('create-form').querySelector('button').focus();
    },
  };
}
