import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode } from '@smartc/protocol';
import { Type } from 'typebox';
import type { App } from '../appContext.js';
import { publicDir, signalrBrowserBundle } from '../assets.js';
import { SmaRTCServerError } from '../errors.js';
import { EmptyObjectSchema, errorResponses } from '../http/schemas.js';
import { PAGE_CSP, SECURITY_HEADERS } from './pageHeaders.js';

const TextSchema = Type.String();
const hidden = {
  hide: true,
  querystring: EmptyObjectSchema,
  response: { 200: TextSchema, ...errorResponses(404) },
};

/**
 * The built-in start page (health, sign-in, sessions, hub check) at `path` (`/`, or `/start` when a web app
 * is served at `/`), its script and style, and the SignalR browser client it uses.
 */
export function registerStartPageRoutes(app: App, path: string): void {
  const dir = publicDir();
  const pages = [
    { url: path, file: 'index.html', type: 'text/html; charset=utf-8' },
    { url: '/start.js', file: 'start.js', type: 'text/javascript; charset=utf-8' },
    { url: '/start.css', file: 'start.css', type: 'text/css; charset=utf-8' },
  ];
  for (const page of pages) {
    app.get(page.url, { schema: hidden }, async (_request, reply) => {
      const body = await readFile(join(dir, page.file), 'utf8');
      return reply
        .type(page.type)
        .headers({
          ...SECURITY_HEADERS,
          'Cache-Control': 'no-cache',
          ...(page.file.endsWith('.html') ? { 'Content-Security-Policy': PAGE_CSP } : {}),
        })
        .send(body);
    });
  }

  app.get(
    '/favicon.ico',
    { schema: { hide: true, querystring: EmptyObjectSchema, response: { 204: Type.Null() } } },
    async (_request, reply) => reply.status(204).header('Cache-Control', 'public, max-age=86400').send(null),
  );

  app.get('/vendor/signalr.min.js', { schema: hidden }, async (_request, reply) => {
    const file = signalrBrowserBundle();
    if (!file) throw new SmaRTCServerError(ErrorCode.NOT_FOUND, '@microsoft/signalr is not installed');
    return reply
      .type('text/javascript; charset=utf-8')
      .headers({ ...SECURITY_HEADERS, 'Cache-Control': 'public, max-age=3600' })
      .send(await readFile(file, 'utf8'));
  });
}
