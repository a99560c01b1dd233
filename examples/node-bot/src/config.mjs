// The bot's configuration, from command-line flags and environment variables (flags win).
import { parseArgs } from 'node:util';

export const USAGE = `Usage: node src/bot.mjs [options]

  --server <url>       SmaRTC server (env SMARTC_SERVER, default http://localhost:8080)
  --session <id>       session to join (env SMARTC_SESSION, default demo-room)
  --name <name>        display name as a guest (env SMARTC_BOT_NAME, default "SmaRTC Bot")
  --user <username>    sign in with this account (env SMARTC_USER) ...
  --password <pw>      ... and this password (env SMARTC_PASSWORD)
  --no-audio           send video only (no 440 Hz tone)
  -h, --help           this help

Without --user the bot joins as a guest: the server must allow guests and ad-hoc rooms (smartc-server --demo).`;

/**
 * @typedef {object} BotConfig
 * @property {string} serverUrl
 * @property {string} sessionId
 * @property {string} username
 * @property {{ username: string, password: string } | undefined} login
 * @property {boolean} audio
 * @property {boolean} help
 */

/**
 * @param {string[]} argv the arguments after the script
 * @param {Record<string, string | undefined>} env
 * @returns {BotConfig} throws on unknown flags or a user without a password
 */
export function parseConfig(argv, env = {}) {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: 'string' },
      session: { type: 'string' },
      name: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      'no-audio': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const user = values.user ?? env.SMARTC_USER;
  const password = values.password ?? env.SMARTC_PASSWORD;
  if (user && !password) throw new Error('--user needs --password (or SMARTC_PASSWORD)');
  const name = values.name ?? env.SMARTC_BOT_NAME;
  return {
    serverUrl: values.server ?? env.SMARTC_SERVER ?? 'http://localhost:8080',
    sessionId: values.session ?? env.SMARTC_SESSION ?? 'demo-room',
    username: name ?? user ?? 'SmaRTC Bot',
    login: user && password ? { username: user, password } : undefined,
    audio: !values['no-audio'],
    help: !!values.help,
  };
}
