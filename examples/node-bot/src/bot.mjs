#!/usr/bin/env node
// The bot's command line: node src/bot.mjs --server http://localhost:8080 --session demo-room
import wrtc from '@roamhq/wrtc';
import { parseConfig, USAGE } from './config.mjs';
import { createBot } from './createBot.mjs';

const log = (...args) => console.log(new Date().toISOString().slice(11, 19), ...args);
const logger = { info: log, warn: (...args) => log('warning:', ...args) };

let config;
try {
  config = parseConfig(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (config.help) {
  console.log(USAGE);
  process.exit(0);
}

log(
  `connecting to ${config.serverUrl}, session ${config.sessionId}${config.login ? ` as ${config.login.username}` : ' as a guest'}`,
);
let bot;
try {
  bot = await createBot({ ...config, webrtc: wrtc, logger });
} catch (error) {
  log(`could not join: ${error.code ?? ''} ${error.message}`);
  // @roamhq/wrtc may crash on a natural exit after media use: always exit explicitly.
  process.exit(1);
}
log(
  'sending a 320x240 test pattern at 15 fps',
  config.audio ? 'and a 440 Hz tone' : '',
  '— say /help in the chat',
);

bot.call.subscribe((snapshot) => {
  if (shuttingDown) return; // our own leave() also ends in 'left'
  if (snapshot.status === 'failed') {
    log(`the call failed: ${snapshot.error?.message ?? 'unknown error'}`);
    void shutdown(1);
  } else if (snapshot.status === 'left') {
    log('the session ended');
    void shutdown(0);
  }
});

let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  const force = setTimeout(() => process.exit(code), 5000);
  try {
    await bot.stop();
    log('left, bye');
  } catch (error) {
    log('error while leaving:', error.message);
  }
  clearTimeout(force);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
