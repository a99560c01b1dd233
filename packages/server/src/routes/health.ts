import { ApiRoutes, type HealthResponse } from '@smartc/protocol';
import { Type } from 'typebox';
import type { App, AppContext } from '../appContext.js';
import { EmptyObjectSchema, HealthResponseSchema } from '../http/schemas.js';

/** `GET /health` (database check, 503 when it is down; the server's features) and `GET /metrics` (Prometheus text). */
export function registerHealthRoutes(app: App, ctx: AppContext): void {
  app.get(
    ApiRoutes.health,
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness and dependency checks',
        querystring: EmptyObjectSchema,
        response: { 200: HealthResponseSchema, 503: HealthResponseSchema },
      },
    },
    async (request, reply) => {
      const checks: HealthResponse['checks'] = {};
      try {
        await ctx.storage.ping();
        checks.database = { status: 'ok' };
      } catch (error) {
        request.log.error({ err: error }, 'database health check failed');
        checks.database = { status: 'down', detail: 'The database does not answer' };
      }
      checks.signaling = { status: 'ok', detail: `${ctx.signaling.hub.connectionCount} connections` };
      const down = checks.database.status === 'down';
      const body: HealthResponse = {
        status: down ? 'down' : 'ok',
        version: ctx.version,
        uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
        checks,
        features: { guests: ctx.config.allowGuests, adhocRooms: ctx.config.adhocRooms },
      };
      reply.header('Cache-Control', 'no-store');
      return reply.status(down ? 503 : 200).send(body);
    },
  );

  app.get(
    ApiRoutes.metrics,
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (text exposition format)',
        querystring: EmptyObjectSchema,
        response: { 200: Type.String({ description: 'Prometheus text format' }) },
      },
    },
    async (_request, reply) => {
      const text = await ctx.metrics.registry.metrics();
      return reply.type(ctx.metrics.registry.contentType).header('Cache-Control', 'no-store').send(text);
    },
  );
}
