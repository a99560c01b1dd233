import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import wrtc from '@roamhq/wrtc';
import { Call } from '@smartc/mesh';
import { startServer } from '@smartc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.mjs';

describe('parseConfig', () => {
  it('has defaults', () => {
    expect(parseConfig([], {})).toEqual({
      serverUrl: 'http://localhost:8080',
      sessionId: 'demo-room',
      username: 'SmaRTC Bot',
      login: undefined,
      audio: true,
      help: false,
    });
  });
  it('reads the environment, and flags win', () => {
    const env = {
      SMARTC_SERVER: 'http://env:1',
      SMARTC_SESSION: 'env-room',
      SMARTC_USER: 'u',
      SMARTC_PASSWORD: 'p',
    };
    expect(parseConfig([], env)).toMatchObject({
      serverUrl: 'http://env:1',
      sessionId: 'env-room',
      username: 'u',
      login: { username: 'u', password: 'p' },
    });
    expect(
      parseConfig(['--server', 'http://flag:2', '--session', 'r', '--name', 'Robo', '--no-audio'], env),
    ).toMatchObject({ serverUrl: 'http://flag:2', sessionId: 'r', username: 'Robo', audio: false });
  });
  it('rejects unknown flags and a user without a password', () => {
    expect(() => parseConfig(['--nope'], {})).toThrow();
    expect(() => parseConfig(['--user', 'u'], {})).toThrow(/password/);
  });
});

describe('bot.mjs', () => {
  let server;
  let child;
  let call;

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await call?.dispose();
    await server?.close();
  });

  it('joins, is seen by others, and leaves cleanly with exit code 0 on SIGINT', async () => {
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dbPath: ':memory:',
      dev: true,
      allowGuests: true,
      adhocRooms: true,
      logLevel: 'silent',
      rateLimits: false,
    });
    const script = fileURLToPath(new URL('../src/bot.mjs', import.meta.url));
    child = spawn(
      process.execPath,
      [script, '--server', server.url, '--session', 'cli-room', '--name', 'Cli Bot'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

    await expect.poll(() => output, { timeout: 15_000 }).toMatch(/joined cli-room as Cli Bot \(peerId /);

    call = new Call({ serverUrl: server.url, username: 'carol', webrtc: wrtc });
    await call.join('cli-room', { localStream: null });
    await expect
      .poll(() => call.getSnapshot().participants.map((p) => p.username), { timeout: 10_000 })
      .toEqual(['Cli Bot']);
    await expect.poll(() => output, { timeout: 10_000 }).toMatch(/\+ carol joined/);

    child.kill('SIGINT');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(output).toMatch(/left, bye/);
    expect(output).not.toMatch(/session ended/);
    await expect.poll(() => call.getSnapshot().participants.length, { timeout: 10_000 }).toBe(0);
  });

  it('exits with code 2 and the usage on a bad flag', async () => {
    const script = fileURLToPath(new URL('../src/bot.mjs', import.meta.url));
    child = spawn(process.execPath, [script, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(output).toMatch(/Usage: node src\/bot.mjs/);
  });
});
