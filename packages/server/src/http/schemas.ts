import { ErrorCode, Limits, SESSION_ID_PATTERN, USERNAME_PATTERN } from '@smartc/protocol';
import { type TSchema, Type } from 'typebox';

/** `{ error: { code, message, details? } }`. */
export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({
      code: Type.Union(Object.values(ErrorCode).map((code) => Type.Literal(code))),
      message: Type.String(),
      details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    }),
  },
  { description: 'Error with a stable code from @smartc/protocol' },
);

/** Error responses for the given statuses, for a route's `response` schema. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBodySchema]));
}

export const RoleSchema = Type.Union([Type.Literal('user'), Type.Literal('admin')]);

export const UserDtoSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  role: RoleSchema,
});

/** Register body: strict username and password rules. Unknown fields (such as `role`) are dropped. */
export const RegisterBodySchema = Type.Object(
  {
    username: Type.String({
      minLength: Limits.usernameMin,
      maxLength: Limits.usernameMax,
      pattern: USERNAME_PATTERN.source,
      description: 'Letters, digits, dot, dash, underscore',
    }),
    password: Type.String({ minLength: Limits.passwordMin, maxLength: Limits.passwordMax }),
  },
  { additionalProperties: false },
);

/** Login body: loose rules, so a malformed username is just a failed sign-in (401). */
export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 256 }),
    password: Type.String({ minLength: 1, maxLength: Limits.passwordMax }),
  },
  { additionalProperties: false },
);

export const LoginResponseSchema = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: UserDtoSchema,
});

export const IceServerSchema = Type.Object({
  urls: Type.Union([Type.String(), Type.Array(Type.String())]),
  username: Type.Optional(Type.String()),
  credential: Type.Optional(Type.String()),
});

export const IceConfigResponseSchema = Type.Object({
  iceServers: Type.Array(IceServerSchema),
  ttl: Type.Integer({ description: 'Seconds the entries stay valid' }),
});

export const ParticipantDtoSchema = Type.Object({
  peerId: Type.String(),
  username: Type.String(),
  userId: Type.Union([Type.String(), Type.Null()]),
  joinedAt: Type.String(),
});

export const SessionDtoSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  creator: Type.Union([Type.Object({ id: Type.String(), username: Type.String() }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  maxParticipants: Type.Integer(),
  adHoc: Type.Boolean(),
  participants: Type.Array(ParticipantDtoSchema),
});

export const CreateSessionBodySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: Limits.sessionNameMax }),
    description: Type.Optional(Type.String({ maxLength: Limits.sessionDescriptionMax })),
    maxParticipants: Type.Optional(Type.Integer({ minimum: 2, maximum: Limits.participantsMax })),
  },
  { additionalProperties: false },
);

export const SessionParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: Limits.sessionIdMax, pattern: SESSION_ID_PATTERN.source }),
});

export const JoinSessionResponseSchema = Type.Object({
  session: SessionDtoSchema,
  iceServers: Type.Array(IceServerSchema),
});

export const HealthResponseSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('down')]),
  version: Type.String(),
  uptimeSeconds: Type.Number(),
  checks: Type.Record(
    Type.String(),
    Type.Object({
      status: Type.Union([Type.Literal('ok'), Type.Literal('down')]),
      detail: Type.Optional(Type.String()),
    }),
  ),
  features: Type.Object({ guests: Type.Boolean(), adhocRooms: Type.Boolean() }),
});

/** No request body, params or query accepted. */
export const EmptyObjectSchema = Type.Object({}, { additionalProperties: false });

/** A 204 response. */
export const NoContentSchema = Type.Null({ description: 'No content' });

/** Bearer auth for OpenAPI. */
export const bearerSecurity = [{ bearerAuth: [] }];
