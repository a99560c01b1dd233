import fastifyStatic from '@fastify/static';
import type { App } from '../appContext.js';
import { PAGE_CSP, SECURITY_HEADERS } from './pageHeaders.js';

/**
 * A web app's static files (`--app <dir>`) at `/`: `index.html` for `/`, its assets by path. Revalidated on
 * every load (`no-cache`), so an edited app shows on reload. Routes of the API, hub and docs take precedence.
 */
export async function registerWebAppRoutes(app: App, dir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: ['index.html'],
    dotfiles: 'deny',
    cacheControl: false,
    setHeaders(reply, path) {
      reply.headers({ ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' });
      if (path.endsWith('.html')) reply.header('Content-Security-Policy', PAGE_CSP);
    },
  });
}
