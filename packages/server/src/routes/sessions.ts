import { ApiRoutes, ErrorCode } from '@smartc/protocol';
import { Type } from 'typebox';
import type { App, AppContext } from '../appContext.js';
import { Errors, SmaRTCServerError } from '../errors.js';
import { toSessionDto, toSessionDtos } from '../http/dto.js';
import {
  bearerSecurity,
  CreateSessionBodySchema,
  EmptyObjectSchema,
  errorResponses,
  JoinSessionResponseSchema,
  NoContentSchema,
  SessionDtoSchema,
  SessionParamsSchema,
} from '../http/schemas.js';

/** `/api/session` CRUD plus join (pre-flight) and leave. All need a signed-in user. */
export function registerSessionRoutes(app: App, ctx: AppContext): void {
  const { storage, signaling, auth } = ctx;
  const tags = ['sessions'];
  const security = bearerSecurity;

  async function findOr404(id: string) {
    const session = await storage.sessions.findById(id);
    if (!session) throw Errors.sessionNotFound(id);
    return session;
  }

  app.post(
    ApiRoutes.sessions,
    {
      schema: {
        tags,
        security,
        summary: 'Create a session (call); you are its creator',
        body: CreateSessionBodySchema,
        querystring: EmptyObjectSchema,
        response: { 201: SessionDtoSchema, ...errorResponses(400, 401, 413) },
      },
    },
    async (request, reply) => {
      const user = await auth.requireUser(request);
      const name = request.body.name.trim();
      if (name === '') {
        throw new SmaRTCServerError(
          ErrorCode.VALIDATION_FAILED,
          'Invalid request: body.name must not be blank',
          {
            details: [{ path: 'body.name', message: 'must not be blank' }],
          },
        );
      }
      const description = request.body.description?.trim() || null;
      const record = await storage.sessions.create({
        name,
        description,
        creatorId: user.id,
        maxParticipants: request.body.maxParticipants ?? ctx.config.maxParticipants,
        adHoc: false,
      });
      request.log.info({ sessionId: record.id, userId: user.id }, 'session created');
      return reply
        .status(201)
        .header('Location', ApiRoutes.session(record.id))
        .send(await toSessionDto(record, storage.users, signaling));
    },
  );

  app.get(
    ApiRoutes.sessions,
    {
      schema: {
        tags,
        security,
        summary: 'List sessions, newest first',
        querystring: EmptyObjectSchema,
        response: { 200: Type.Array(SessionDtoSchema), ...errorResponses(401) },
      },
    },
    async (request) => {
      await auth.requireUser(request);
      return toSessionDtos(await storage.sessions.list(), storage.users, signaling);
    },
  );

  app.get(
    '/api/session/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One session with its live participants',
        params: SessionParamsSchema,
        querystring: EmptyObjectSchema,
        response: { 200: SessionDtoSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      await auth.requireUser(request);
      return toSessionDto(await findOr404(request.params.id), storage.users, signaling);
    },
  );

  app.delete(
    '/api/session/:id',
    {
      schema: {
        tags,
        security,
        summary: 'End and delete a session (its creator or an admin)',
        params: SessionParamsSchema,
        querystring: EmptyObjectSchema,
        response: { 204: NoContentSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = await auth.requireUser(request);
      const session = await findOr404(request.params.id);
      if (session.creatorId !== user.id && user.role !== 'admin') {
        throw Errors.forbidden('Only the creator of this session or an admin can delete it');
      }
      await storage.sessions.delete(session.id);
      await signaling.endSession(session.id);
      request.log.info({ sessionId: session.id, userId: user.id }, 'session deleted');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/session/:id/join',
    {
      schema: {
        tags,
        security,
        summary: 'Check you can join (exists, not full) and get ICE servers; then join the hub',
        params: SessionParamsSchema,
        querystring: EmptyObjectSchema,
        response: { 200: JoinSessionResponseSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const user = await auth.requireUser(request);
      const session = await findOr404(request.params.id);
      const participants = signaling.participants(session.id);
      const alreadyIn = participants.some((p) => p.userId === user.id);
      if (!alreadyIn && participants.length >= session.maxParticipants) {
        throw new SmaRTCServerError(
          ErrorCode.SESSION_FULL,
          `Session "${session.id}" is full (${session.maxParticipants} participants)`,
        );
      }
      return {
        session: await toSessionDto(session, storage.users, signaling),
        iceServers: ctx.ice.iceServers(user.id),
      };
    },
  );

  app.post(
    '/api/session/:id/leave',
    {
      schema: {
        tags,
        security,
        summary: "Remove your participants from the session's call",
        params: SessionParamsSchema,
        querystring: EmptyObjectSchema,
        response: { 204: NoContentSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const user = await auth.requireUser(request);
      const session = await findOr404(request.params.id);
      await signaling.removeUser(session.id, user.id);
      return reply.status(204).send(null);
    },
  );
}
