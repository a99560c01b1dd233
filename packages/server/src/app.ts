import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ApiRoutes, HUB_PATH, Limits } from '@smartc/protocol';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import type { Logger } from 'pino';
import type { App, AppContext } from './appContext.js';
import { isOriginAllowed } from './http/cors.js';
import { installErrorHandlers } from './http/errorHandler.js';
import { redactUrl } from './logger.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerIceRoutes } from './routes/ice.js';
import { registerSdkBundleRoutes } from './routes/sdkBundle.js';
import { registerSessionRoutes } from './routes/sessions.js';
import { registerStartPageRoutes } from './routes/startPage.js';
import { registerWebAppRoutes } from './routes/webApp.js';

function isHubUrl(url: string | undefined): boolean {
  if (url === undefined || !url.startsWith(HUB_PATH)) return false;
  const next = url.charAt(HUB_PATH.length);
  return next === '' || next === '/' || next === '?';
}

/**
 * Builds the Fastify app: error handling, CORS, OpenAPI, every REST route, metrics, the start
 * page, and the signaling hub at `/signalhub` (HTTP requests and WebSocket upgrades).
 */
export async function buildApp(ctx: AppContext, logger: Logger): Promise<App> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: Limits.restBodyMaxBytes,
    trustProxy: ctx.config.trustProxy,
    forceCloseConnections: true,
    return503OnClosing: true,
    // One compact line per routed request (below); hub traffic (long polls) is not logged per request.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandlers(app);

  // Accept an empty body with Content-Type: application/json (join/leave are bodiless POSTs).
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    jsonParser(request, body as string, done);
  });

  // The hub first: it answers its own CORS (same policy) and reads raw bodies, so no routing or parsing.
  app.addHook('onRequest', (request, reply, done) => {
    if (!isHubUrl(request.raw.url)) return done();
    if (ctx.signaling.hub.handleRequest(request.raw, reply.raw)) {
      reply.hijack();
      return;
    }
    done();
  });
  let closing = false;
  app.server.on('upgrade', (request, socket, head) => {
    if (closing || !ctx.signaling.hub.handleUpgrade(request, socket, head)) socket.destroy();
  });
  app.addHook('preClose', async () => {
    closing = true;
    await ctx.signaling.close();
  });

  await app.register(cors, {
    origin: (origin, callback) =>
      callback(null, origin !== undefined && isOriginAllowed(ctx.config.cors, origin)),
    credentials: true,
    exposedHeaders: ['Location', 'Retry-After'],
    maxAge: 600,
  });

  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    ctx.metrics.httpRequests.inc(labels);
    ctx.metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    request.log.info(
      {
        method: request.method,
        url: redactUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ip: request.ip,
      },
      'request',
    );
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SmaRTC server',
        version: ctx.version,
        description: `REST API of the SmaRTC reference server. The signaling hub (SignalR) is at ${HUB_PATH}.`,
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      tags: [
        { name: 'auth', description: 'Accounts and access tokens' },
        { name: 'sessions', description: 'Sessions (calls)' },
        { name: 'webrtc', description: 'ICE configuration' },
        { name: 'admin', description: 'Administration (admin role)' },
        { name: 'operations', description: 'Health and metrics' },
        { name: 'sdk', description: 'Browser SDK bundle' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: ApiRoutes.docs, uiConfig: { deepLinking: true } });

  registerAuthRoutes(app, ctx);
  registerSessionRoutes(app, ctx);
  registerIceRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerHealthRoutes(app, ctx);
  registerSdkBundleRoutes(app);
  const appDir = ctx.config.appDir;
  registerStartPageRoutes(app, appDir ? '/start' : '/');
  if (appDir) await registerWebAppRoutes(app, appDir);

  return app;
}
