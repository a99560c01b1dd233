// A lean SignalR JSON-protocol client over WebSockets, for load generation only.
// The official client's own overhead would dominate a one-machine benchmark; this one speaks
// the same wire protocol (negotiate v1, handshake, invocations, completions) with almost none.
import WebSocket from 'ws';

const RECORD_SEPARATOR = '\x1e';
const MessageType = { Invocation: 1, Completion: 3, Ping: 6, Close: 7 };

/** Connects to a SignalR hub over WebSockets and completes the JSON handshake. */
export async function connectHub(baseUrl, hubPath, { token } = {}) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const negotiate = await fetch(`${baseUrl}${hubPath}/negotiate?negotiateVersion=1`, {
    method: 'POST',
    headers,
  });
  if (negotiate.status !== 200)
    throw new Error(`negotiate failed: ${negotiate.status} ${await negotiate.text()}`);
  const { connectionToken } = await negotiate.json();
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${hubPath}?id=${connectionToken}`, { headers });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const client = new LeanHubClient(ws);
  await client.handshake();
  return client;
}

export class LeanHubClient {
  #ws;
  #nextId = 0;
  #pending = new Map();
  #handlers = new Map();
  #handshakeDone;

  constructor(ws) {
    this.#ws = ws;
    ws.on('message', (data) => this.#onPayload(data.toString()));
    ws.on('close', () => {
      for (const { reject } of this.#pending.values()) reject(new Error('connection closed'));
      this.#pending.clear();
    });
  }

  handshake() {
    return new Promise((resolve, reject) => {
      this.#handshakeDone = { resolve, reject };
      this.#ws.send(`{"protocol":"json","version":1}${RECORD_SEPARATOR}`);
    });
  }

  on(target, handler) {
    this.#handlers.set(target.toLowerCase(), handler);
  }

  /** Fire-and-forget invocation (no completion), as `HubConnection.send` does. */
  send(target, ...args) {
    this.#ws.send(
      JSON.stringify({ type: MessageType.Invocation, target, arguments: args }) + RECORD_SEPARATOR,
    );
  }

  invoke(target, ...args) {
    const invocationId = String(this.#nextId++);
    return new Promise((resolve, reject) => {
      this.#pending.set(invocationId, { resolve, reject });
      this.#ws.send(
        JSON.stringify({ type: MessageType.Invocation, invocationId, target, arguments: args }) +
          RECORD_SEPARATOR,
      );
    });
  }

  close() {
    this.#ws.close(1000);
  }

  #onPayload(payload) {
    for (const record of payload.split(RECORD_SEPARATOR)) {
      if (!record) continue;
      const message = JSON.parse(record);
      if (this.#handshakeDone) {
        const { resolve, reject } = this.#handshakeDone;
        this.#handshakeDone = undefined;
        if (message.error) reject(new Error(message.error));
        else resolve();
        continue;
      }
      this.#dispatch(message);
    }
  }

  #dispatch(message) {
    if (message.type === MessageType.Invocation) {
      this.#handlers.get(message.target.toLowerCase())?.(...message.arguments);
    } else if (message.type === MessageType.Completion) {
      const pending = this.#pending.get(message.invocationId);
      this.#pending.delete(message.invocationId);
      if (message.error) pending?.reject(new Error(message.error));
      else pending?.resolve(message.result);
    } else if (message.type === MessageType.Close) {
      this.#ws.close(1000);
    }
  }
}
