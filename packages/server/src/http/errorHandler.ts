import { ErrorCode } from '@smartc/protocol';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorDetail, SmaRTCServerError } from '../errors.js';

function validationDetails(error: FastifyError): ErrorDetail[] {
  return (error.validation ?? []).map((issue) => {
    const missing = (issue.params as { missingProperty?: unknown } | undefined)?.missingProperty;
    const base = issue.instancePath === '' ? '' : issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const path = typeof missing === 'string' ? (base === '' ? missing : `${base}.${missing}`) : base;
    return {
      path: `${error.validationContext ?? 'body'}${path === '' ? '' : `.${path}`}`,
      message: issue.message ?? 'is invalid',
    };
  });
}

/** Maps any error to a {@link SmaRTCServerError}; unexpected ones become SERVER_ERROR (and `unexpected`). */
export function toServerError(error: unknown): { error: SmaRTCServerError; unexpected: boolean } {
  if (error instanceof SmaRTCServerError) return { error, unexpected: false };
  const e = error as Partial<FastifyError>;
  if (e.validation) {
    const details = validationDetails(e as FastifyError);
    const first = details[0];
    const message = first ? `Invalid request: ${first.path} ${first.message}` : 'Invalid request';
    return {
      error: new SmaRTCServerError(ErrorCode.VALIDATION_FAILED, message, { details, cause: error }),
      unexpected: false,
    };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        error: new SmaRTCServerError(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is too large', {
          cause: error,
        }),
        unexpected: false,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        error: new SmaRTCServerError(
          ErrorCode.VALIDATION_FAILED,
          'Send JSON with Content-Type: application/json',
          {
            status: 415,
            cause: error,
          },
        ),
        unexpected: false,
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        error: new SmaRTCServerError(ErrorCode.VALIDATION_FAILED, 'The request body is not valid JSON', {
          cause: error,
        }),
        unexpected: false,
      };
  }
  if (
    error instanceof SyntaxError ||
    (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)
  ) {
    const status = e.statusCode === 413 ? 413 : 400;
    const code = status === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.VALIDATION_FAILED;
    return {
      error: new SmaRTCServerError(code, 'The request is malformed', { status, cause: error }),
      unexpected: false,
    };
  }
  return {
    error: new SmaRTCServerError(ErrorCode.SERVER_ERROR, 'Something went wrong on the server', {
      cause: error,
    }),
    unexpected: true,
  };
}

/** Sends `err` as `{ error: { code, message } }` with its status and headers. */
export function sendError(reply: FastifyReply, err: SmaRTCServerError): FastifyReply {
  for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
  return reply.status(err.status).type('application/json; charset=utf-8').send(err.toBody());
}

/** Installs the error and not-found handlers: every failure is an `ErrorBody` with a stable code. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { error: serverError, unexpected } = toServerError(error);
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    else request.log.debug({ code: serverError.code }, 'request refused');
    return sendError(reply, serverError);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    sendError(
      reply,
      new SmaRTCServerError(
        ErrorCode.NOT_FOUND,
        `No route for ${request.method} ${request.url.split('?')[0]}`,
      ),
    ),
  );
}
