import { ApiRoutes, ErrorCode } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import { startTestServer } from './helpers.js';

describe('start page and browser assets', () => {
  it('serves the start page with links to docs and health, its script and the SignalR browser client', async () => {
    const t = await startTestServer();
    const page = await t.request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.text).toContain('SmaRTC server is running');
    expect(page.text).toContain('href="/docs"');
    expect(page.text).toContain('href="/health"');
    expect(page.text).toContain('src="/vendor/signalr.min.js"');

    const script = await t.request('GET', '/start.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.text).toContain("invoke('JoinSession'");
    expect((await t.request('GET', '/start.css')).status).toBe(200);

    const signalr = await t.request('GET', '/vendor/signalr.min.js');
    expect(signalr.status).toBe(200);
    expect(signalr.text).toContain('HubConnectionBuilder');
  });

  it('explains that the SDK bundle is not built yet (404 JSON) when it is missing', async () => {
    const t = await startTestServer();
    const sdk = await t.request('GET', ApiRoutes.sdkGlobal);
    if (sdk.status === 200) {
      expect(sdk.headers.get('content-type')).toMatch(/^text\/javascript/);
    } else {
      expect(sdk.status).toBe(404);
      expect(sdk.body).toMatchObject({
        error: { code: ErrorCode.NOT_FOUND, message: expect.stringMatching(/not built/) },
      });
    }
  });
});

describe('unexpected failures', () => {
  it('answer 500 SERVER_ERROR without internals', async () => {
    const t = await startTestServer();
    await t.server.storage.close();
    const reply = await t.request('POST', ApiRoutes.login, {
      body: { username: 'anyone', password: 'whatever1' },
    });
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({
      error: { code: ErrorCode.SERVER_ERROR, message: 'Something went wrong on the server' },
    });
  });
});
