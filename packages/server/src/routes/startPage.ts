import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiRoutes, ErrorCode } from '@smartc/protocol';
import { Type } from 'typebox';
import type { App } from '../appContext.js';
import { publicDir, sdkGlobalBundle, signalrBrowserBundle } from '../assets.js';
import { SmaRTCServerError } from '../errors.js';
import { EmptyObjectSchema, errorResponses } from '../http/schemas.js';

const PAGES: ReadonlyArray<{ url: string; file: string; type: string }> = [
  { url: '/', file: 'index.html', type: 'text/html; charset=utf-8' },
  { url: '/start.js', file: 'start.js', type: 'text/javascript; charset=utf-8' },
  { url: '/start.css', file: 'start.css', type: 'text/css; charset=utf-8' },
];

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const TextSchema = Type.String();

/** The start page (`/`), its script and style, the SignalR browser client and the SDK bundle. */
export function registerStartPageRoutes(app: App): void {
  const dir = publicDir();
  for (const page of PAGES) {
    app.get(
      page.url,
      {
        schema: {
          hide: true,
          querystring: EmptyObjectSchema,
          response: { 200: TextSchema, ...errorResponses(404) },
        },
      },
      async (_request, reply) => {
        const body = await readFile(join(dir, page.file), 'utf8');
        return reply
          .type(page.type)
          .headers({
            ...SECURITY_HEADERS,
            'Cache-Control': 'no-cache',
            ...(page.file.endsWith('.html')
              ? {
                  'Content-Security-Policy':
                    "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'",
                }
              : {}),
          })
          .send(body);
      },
    );
  }

  app.get(
    '/favicon.ico',
    { schema: { hide: true, querystring: EmptyObjectSchema, response: { 204: Type.Null() } } },
    async (_request, reply) => reply.status(204).header('Cache-Control', 'public, max-age=86400').send(null),
  );

  app.get(
    '/vendor/signalr.min.js',
    {
      schema: {
        hide: true,
        querystring: EmptyObjectSchema,
        response: { 200: TextSchema, ...errorResponses(404) },
      },
    },
    async (_request, reply) => {
      const file = signalrBrowserBundle();
      if (!file) throw new SmaRTCServerError(ErrorCode.NOT_FOUND, '@microsoft/signalr is not installed');
      return reply
        .type('text/javascript; charset=utf-8')
        .headers({ ...SECURITY_HEADERS, 'Cache-Control': 'public, max-age=3600' })
        .send(await readFile(file, 'utf8'));
    },
  );

  app.get(
    ApiRoutes.sdkGlobal,
    {
      schema: {
        tags: ['sdk'],
        summary: 'The @smartc/simple browser bundle (global SmaRTC) for <script> tags',
        querystring: EmptyObjectSchema,
        response: { 200: TextSchema, ...errorResponses(404) },
      },
    },
    async (_request, reply) => {
      const file = sdkGlobalBundle();
      if (!file) {
        throw new SmaRTCServerError(
          ErrorCode.NOT_FOUND,
          'The SDK bundle smartc.global.js is not built yet: build @smartc/simple (pnpm build) and reload',
        );
      }
      return reply
        .type('text/javascript; charset=utf-8')
        .headers({ ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' })
        .send(await readFile(file, 'utf8'));
    },
  );
}
