import { randomUUID } from 'node:crypto';
import { ApiRoutes } from '@smartc/protocol';
import type { App, AppContext } from '../appContext.js';
import { Errors } from '../errors.js';
import {
  bearerSecurity,
  EmptyObjectSchema,
  errorResponses,
  IceConfigResponseSchema,
} from '../http/schemas.js';

/** `GET /api/webrtc/ice` and its alias `/api/webrtc/ice-servers`. */
export function registerIceRoutes(app: App, ctx: AppContext): void {
  for (const url of [ApiRoutes.iceServers, ApiRoutes.iceServersAlias]) {
    app.get(
      url,
      {
        schema: {
          tags: ['webrtc'],
          security: bearerSecurity,
          summary:
            url === ApiRoutes.iceServers
              ? 'ICE servers (STUN, and TURN with short-lived credentials) for RTCPeerConnection'
              : 'Alias of /api/webrtc/ice',
          querystring: EmptyObjectSchema,
          response: { 200: IceConfigResponseSchema, ...errorResponses(401) },
        },
      },
      async (request, reply) => {
        const user = await ctx.auth.optionalUser(request);
        if (!user && !ctx.config.allowGuests) throw Errors.authRequired();
        reply.header('Cache-Control', 'no-store');
        return ctx.ice.config(user ? user.id : `guest-${randomUUID()}`);
      },
    );
  }
}
