// SmaRTC start page: sign in, list/create sessions, join one over the signaling hub.
// Plain browser JavaScript on purpose (no build step); all text goes through textContent.
(() => {
  const $ = (id) => document.getElementById(id);
  const state = {
    token: sessionStorage.getItem('smartc.token'),
    user: null,
    hub: null,
    sessionId: null,
    transport: null,
  };

  function showError(message) {
    const el = $('error');
    el.textContent = message || '';
    el.hidden = !message;
  }

  function logEvent(text) {
    const li = document.createElement('li');
    li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
    $('events').prepend(li);
  }

  async function api(path, options = {}) {
    const headers = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    const response = await fetch(path, {
      method: options.method || 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 204) return null;
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(body?.error?.message || `HTTP ${response.status}`);
      error.code = body?.error?.code;
      throw error;
    }
    return body;
  }

  async function checkHealth() {
    const el = $('health');
    try {
      const health = await api('/health');
      el.textContent = `Healthy · version ${health.version} · up ${health.uptimeSeconds} s`;
      el.className = 'status ok';
    } catch (error) {
      el.textContent = `Unhealthy: ${error.message}`;
      el.className = 'status down';
    }
  }

  async function loadMe() {
    if (!state.token) return;
    try {
      state.user = await api('/api/auth/me');
      $('whoami').textContent = `Signed in as ${state.user.username} (${state.user.role}).`;
      await listSessions();
    } catch {
      state.token = null;
      sessionStorage.removeItem('smartc.token');
    }
  }

  async function listSessions() {
    const list = $('sessions');
    const sessions = await api('/api/session');
    list.replaceChildren();
    if (sessions.length === 0) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.textContent = 'No sessions yet: create one.';
      list.append(li);
    }
    for (const session of sessions) {
      const li = document.createElement('li');
      const label = document.createElement('span');
      const who = session.creator ? ` by ${session.creator.username}` : ' (ad-hoc room)';
      label.textContent = `${session.name}${who} · ${session.participants.length}/${session.maxParticipants}`;
      const join = document.createElement('button');
      join.type = 'button';
      join.textContent = 'Join';
      join.addEventListener('click', () => joinSession(session.id).catch((e) => showError(e.message)));
      li.append(label, join);
      list.append(li);
    }
  }

  function setHubFacts(facts) {
    for (const [key, value] of Object.entries(facts)) $(`hub-${key}`).textContent = value;
  }

  async function joinSession(sessionId) {
    showError('');
    if (!state.token) throw new Error('Sign in first');
    await api(`/api/session/${encodeURIComponent(sessionId)}/join`, { method: 'POST' });
    await leave();
    const chosen = $('transport').value;
    const options = { accessTokenFactory: () => state.token };
    if (chosen) options.transport = signalR.HttpTransportType[chosen];
    state.transport = chosen || null;
    const hub = new signalR.HubConnectionBuilder()
      .withUrl('/signalhub', options)
      .withAutomaticReconnect()
      .configureLogging({
        log(_level, message) {
          const match = /Selecting transport '(\w+)'/.exec(message);
          if (match) state.transport = match[1];
        },
      })
      .build();
    hub.on('UserJoined', (e) => logEvent(`UserJoined ${e.username} (${e.peerId})`));
    hub.on('UserLeft', (e) => logEvent(`UserLeft ${e.username} (${e.peerId}, ${e.reason})`));
    hub.on('SessionEnded', () => {
      logEvent('SessionEnded');
      leave();
    });
    hub.onreconnecting(() => setHubFacts({ state: 'reconnecting' }));
    hub.onreconnected(() => setHubFacts({ state: 'connected', transport: state.transport || '?' }));
    hub.onclose(() => setHubFacts({ state: 'disconnected' }));
    state.hub = hub;
    setHubFacts({ state: 'connecting…' });
    await hub.start();
    const result = await hub.invoke('JoinSession', sessionId, state.user.username);
    state.sessionId = sessionId;
    setHubFacts({
      state: 'connected',
      transport: state.transport || '?',
      session: sessionId,
      peer: result.peerId,
      peers: result.peers.length === 0 ? 'nobody else yet' : result.peers.map((p) => p.username).join(', '),
    });
    logEvent(`JoinSession → peerId ${result.peerId}`);
    $('leave').disabled = false;
  }

  async function leave() {
    const hub = state.hub;
    state.hub = null;
    $('leave').disabled = true;
    if (!hub) return;
    try {
      if (state.sessionId) await hub.invoke('LeaveSession', state.sessionId);
    } catch {
      // The connection may already be gone.
    }
    await hub.stop();
    state.sessionId = null;
    setHubFacts({ state: 'disconnected', transport: '–', session: '–', peer: '–', peers: '–' });
  }

  $('signin').addEventListener('submit', async (event) => {
    event.preventDefault();
    showError('');
    const form = new FormData(event.target);
    try {
      const login = await api('/api/auth/login', {
        method: 'POST',
        body: { username: form.get('username'), password: form.get('password') },
      });
      state.token = login.token;
      sessionStorage.setItem('smartc.token', login.token);
      await loadMe();
    } catch (error) {
      showError(error.message);
    }
  });

  $('create').addEventListener('submit', async (event) => {
    event.preventDefault();
    showError('');
    try {
      const name = new FormData(event.target).get('name');
      await api('/api/session', { method: 'POST', body: { name } });
      event.target.reset();
      await listSessions();
    } catch (error) {
      showError(error.message);
    }
  });

  $('refresh').addEventListener('click', () => listSessions().catch((e) => showError(e.message)));
  $('leave').addEventListener('click', () => leave().catch((e) => showError(e.message)));

  checkHealth();
  loadMe();
})();
