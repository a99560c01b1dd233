import { isSmaRTCError, SmaRTCApi, webStorageTokenStorage } from '@smartc/core';
import { SmaRTCProvider } from '@smartc/react';
import { type FormEvent, useState } from 'react';
import { CallScreen } from './CallScreen.js';

// Same origin: Vite (dev and preview) forwards /api and /signalhub to the SmaRTC server.
const api = new SmaRTCApi({ tokenStorage: webStorageTokenStorage(sessionStorage, 'smartc-example-react') });
const JOIN_MEDIA = { media: { audio: true, video: true }, fallbackToAudioOnly: true };

/** Keeps `?call=<id>` in the address bar: that link is the invitation. */
function showCallInUrl(callId: string | null) {
  const url = new URL(location.href);
  if (callId) url.searchParams.set('call', callId);
  else url.searchParams.delete('call');
  history.replaceState(null, '', url);
}

export function App() {
  const [name, setName] = useState(() => api.user?.username ?? null);
  const [callId, setCallId] = useState(() => new URLSearchParams(location.search).get('call'));
  const enter = (id: string | null) => {
    showCallInUrl(id);
    setCallId(id);
  };
  if (!name) return <SignIn onSignedIn={setName} />;
  if (!callId) return <Lobby name={name} onCall={enter} />;
  return (
    <SmaRTCProvider
      key={callId}
      options={{ serverUrl: location.origin, username: name, getToken: () => api.getAccessToken() }}
      sessionId={callId}
      joinOptions={JOIN_MEDIA}
    >
      <CallScreen callId={callId} onLeave={() => enter(null)} />
    </SmaRTCProvider>
  );
}

function SignIn({ onSignedIn }: { onSignedIn: (name: string) => void }) {
  const [error, setError] = useState('');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username')).trim();
    if (!form.get('password')) return onSignedIn(username); // a guest, under that name
    try {
      const { user } = await api.auth.login(username, String(form.get('password')));
      onSignedIn(user.username);
    } catch (e) {
      setError(isSmaRTCError(e) ? e.message : String(e));
    }
  };
  return (
    <main>
      <h1>SmaRTC · React</h1>
      <form onSubmit={submit}>
        <input name="username" placeholder="Name (demo, alice, bob…)" aria-label="Name" required />
        <input name="password" type="password" placeholder="Password (empty: guest)" aria-label="Password" />
        <button type="submit">Enter</button>
      </form>
      <p>
        Demo accounts: demo / Demo123!, alice / Alice123!, bob / Bob123!. Leave the password empty to join as
        a guest.
      </p>
      {error && <p role="alert">{error}</p>}
    </main>
  );
}

function Lobby({ name, onCall }: { name: string; onCall: (callId: string) => void }) {
  const [error, setError] = useState('');
  const start = async () => {
    try {
      // accounts create a session; guests open an ad-hoc room (when the server allows them, as in demo mode)
      const id = api.isLoggedIn
        ? (await api.sessions.create({ name: `${name}'s call` })).id
        : `room-${crypto.randomUUID().slice(0, 8)}`;
      onCall(id);
    } catch (e) {
      setError(isSmaRTCError(e) ? e.message : String(e));
    }
  };
  const join = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onCall(String(new FormData(event.currentTarget).get('callId')).trim());
  };
  return (
    <main>
      <h1>Hello {name}</h1>
      <div className="bar">
        <button type="button" onClick={start}>
          Start a call
        </button>
      </div>
      <form onSubmit={join}>
        <input name="callId" placeholder="Call id" aria-label="Call id" required />
        <button type="submit">Join</button>
      </form>
      {error && <p role="alert">{error}</p>}
    </main>
  );
}
