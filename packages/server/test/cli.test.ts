import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpTransportType, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(packageDir, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'smartc-cli-'));
const children: ChildProcess[] = [];

beforeAll(() => {
  // The CLI test runs the built file: `pnpm test` (turbo) builds the package before its tests.
  if (!existsSync(cli))
    throw new Error(`${cli} is missing: run \`pnpm build\` (or \`pnpm test\` from the root) first`);
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = pattern.exec(stdout);
        if (match) return match;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no ${pattern} in output:\n${stdout}\n${stderr}`);
    },
  };
}

describe('smartc-server CLI', () => {
  it('starts in demo mode, serves health and demo login, and exits 0 on SIGTERM', async () => {
    const proc = run(['--port', '0', '--host', '127.0.0.1', '--demo', '--db', join(dir, 'demo.db')]);
    const [, url] = await proc.waitFor(
      /SmaRTC server ready: (http:\/\/localhost:\d+) \(demo mode: sign in as demo \/ Demo123!\)/,
    );
    const base = (url ?? '').replace('localhost', '127.0.0.1');
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'Demo123!' }),
    });
    expect(login.status).toBe(200);
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('SmaRTC server is running');
    const { token } = (await login.json()) as { token: string };

    // A hub client in a call is closed cleanly on shutdown, and the process still exits 0.
    const hub = new HubConnectionBuilder()
      .withUrl(`${base}/signalhub`, {
        accessTokenFactory: () => token,
        transport: HttpTransportType.WebSockets,
      })
      .configureLogging(LogLevel.None)
      .build();
    await hub.start();
    const joined = (await hub.invoke('JoinSession', 'cli-room', 'demo')) as { peerId: string };
    expect(joined.peerId).toMatch(/\S+/);
    const closed = new Promise<Error | undefined>((resolve) => hub.onclose(resolve));
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    await closed;
    expect(hub.state).toBe('Disconnected');
    const { stdout } = proc.output();
    expect(stdout).not.toContain(token);
    expect(stdout).not.toContain('Demo123!"');
  });

  it('refuses to start without SMARTC_JWT_SECRET outside dev/demo, with a clear message', async () => {
    const proc = run(['--port', '0', '--db', join(dir, 'prod.db')]);
    expect(await proc.exited).not.toBe(0);
    expect(proc.output().stderr).toMatch(/SMARTC_JWT_SECRET is required/);
  });

  it('rejects a short secret and unknown flags, and prints --help', async () => {
    const short = run(['--port', '0', '--db', ':memory:'], { SMARTC_JWT_SECRET: 'too-short' });
    expect(await short.exited).toBe(1);
    expect(short.output().stderr).toMatch(/at least 32 characters/);

    const unknown = run(['--bogus']);
    expect(await unknown.exited).toBe(1);
    expect(unknown.output().stderr).toMatch(/bogus/);

    const help = run(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.output().stdout).toMatch(/Usage: smartc-server/);
    expect(help.output().stdout).toContain('--cors-origin');
  });

  it('starts with a secret from the environment and no demo users', async () => {
    const proc = run(['--port', '0', '--host', '127.0.0.1', '--db', ':memory:', '--log-level', 'warn'], {
      SMARTC_JWT_SECRET: 'x'.repeat(40),
    });
    const [, url] = await proc.waitFor(/SmaRTC server ready: (http:\/\/localhost:\d+)\n/);
    const base = (url ?? '').replace('localhost', '127.0.0.1');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'Demo123!' }),
    });
    expect(login.status).toBe(401);
    proc.child.kill('SIGINT');
    expect(await proc.exited).toBe(0);
  });
});
