// A SmaRTC bot: joins a session, sends a synthetic video (and audio) track, and answers chat.
import { SmaRTCApi } from '@smartc/core';
import { Call } from '@smartc/mesh';
import { createSyntheticMedia } from './syntheticMedia.mjs';

/** Messages starting with this are from a bot: never answered, so two bots cannot talk forever. */
export const BOT_PREFIX = '🤖';

export const HELP_TEXT =
  '/help: this list · /ping: pong · /who: who I see in the call · anything else: I repeat it';

/**
 * The bot's answer to a chat message (`null`: no answer).
 * @param {string} text what was said
 * @param {{ botName: string, participants: ReadonlyArray<{ username: string }> }} context
 * @returns {string | null}
 */
export function answerTo(text, { botName, participants }) {
  const trimmed = text.trim();
  if (!trimmed || trimmed.startsWith(BOT_PREFIX)) return null;
  if (trimmed.startsWith('/')) {
    const command = trimmed.split(/\s+/)[0].toLowerCase();
    switch (command) {
      case '/help':
        return HELP_TEXT;
      case '/ping':
        return 'pong';
      case '/who': {
        const names = participants.map((p) => p.username);
        return names.length ? `I see ${names.length}: ${names.join(', ')}` : 'I see nobody';
      }
      default:
        return `unknown command ${command}, try /help`;
    }
  }
  return `${BOT_PREFIX} ${botName}: you said "${trimmed}"`;
}

/**
 * @typedef {object} BotLogger
 * @property {(...args: unknown[]) => void} info
 * @property {(...args: unknown[]) => void} warn
 */

/** @type {BotLogger} */
const silentLogger = { info() {}, warn() {} };

/**
 * @typedef {object} CreateBotOptions
 * @property {string} serverUrl e.g. `http://localhost:8080`
 * @property {string} sessionId the session (room) to join
 * @property {string} [username] display name (default: the login's username, else `SmaRTC Bot`)
 * @property {string} [token] an access token to join with (else guest, unless `login`)
 * @property {{ username: string, password: string }} [login] signs in first
 * @property {any} webrtc `@roamhq/wrtc`
 * @property {boolean} [audio] send a 440 Hz tone too (default true)
 * @property {{ width?: number, height?: number, fps?: number }} [video]
 * @property {BotLogger} [logger] default: silent
 */

/**
 * Creates and starts a bot; resolves once it joined.
 * @param {CreateBotOptions} options
 * @returns {Promise<{ call: Call, media: ReturnType<typeof createSyntheticMedia>, readonly peerId: string | null,
 *   readonly answered: number, stop(): Promise<void> }>}
 */
export async function createBot(options) {
  const { serverUrl, sessionId, token, login, webrtc, audio = true, video = {} } = options;
  const logger = options.logger ?? silentLogger;
  const username = options.username ?? login?.username ?? 'SmaRTC Bot';

  /** @type {SmaRTCApi | undefined} */
  let api;
  /** @type {(() => string | undefined | Promise<string | undefined>) | undefined} */
  let getToken;
  if (login) {
    api = new SmaRTCApi({ serverUrl });
    await api.auth.login(login.username, login.password);
    logger.info(`signed in as ${login.username}`);
    const signedIn = api;
    getToken = () => signedIn.getAccessToken();
  } else if (token) {
    getToken = () => token;
  }

  const media = createSyntheticMedia({ webrtc, audio, ...video });
  const call = new Call({ serverUrl, username, webrtc, ...(getToken ? { getToken } : {}) });

  // Participants joining and leaving.
  let known = new Map();
  const unsubscribe = call.subscribe((snapshot) => {
    const now = new Map(snapshot.participants.map((p) => [p.peerId, p.username]));
    for (const [peerId, name] of now) if (!known.has(peerId)) logger.info(`+ ${name} joined (${peerId})`);
    for (const [peerId, name] of known) if (!now.has(peerId)) logger.info(`- ${name} left (${peerId})`);
    known = now;
  });

  // Chat.
  let answered = 0;
  const offMessage = call.signaling.on('message', (message) => {
    const self = call.getSnapshot().self;
    if (message.fromPeerId === self.peerId) return; // never answer itself
    const reply = answerTo(message.text, {
      botName: username,
      participants: call.getSnapshot().participants,
    });
    if (reply === null) return;
    call.sendMessage(reply).then(
      () => {
        answered += 1;
        logger.info(`answered ${message.username}: "${message.text}" → "${reply}"`);
      },
      (error) => logger.warn(`could not answer ${message.username}:`, error?.message ?? error),
    );
  });

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      offMessage();
      unsubscribe();
      try {
        await call.leave();
      } catch (error) {
        logger.warn('leave failed:', error?.message ?? error);
      }
      await call.dispose();
      media.stop();
      api?.dispose();
    })();
    return stopping;
  };

  try {
    await call.join(sessionId, { localStream: media.stream });
  } catch (error) {
    await stop();
    throw error;
  }
  logger.info(`joined ${sessionId} as ${username} (peerId ${call.getSnapshot().self.peerId})`);

  return {
    call,
    media,
    get peerId() {
      return call.getSnapshot().self.peerId;
    },
    get answered() {
      return answered;
    },
    stop,
  };
}
