import type { FastifyError, FastifyInstance } from 'fastify';
import { Type } from 'typebox';

/** The one error shape of the API: a stable machine `code` and a human `message`. */
export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(404, 'not_found', `${what} ${id} does not exist`);

/** Errors that carry their own code (e.g. the store's bad-cursor error) keep it; anything else is a 500. */
const hasCode = (e: unknown): e is { code: string; message: string } =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';

export const installErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ApiError) {
      return reply.code(err.statusCode).send({ code: err.code, message: err.message });
    }
    if (err.validation) {
      const details = err.validation.map((v) => ({
        field: (
          v.instancePath || '/' + String((v.params as { missingProperty?: string }).missingProperty ?? '')
        )
          .replace(/^\//, '')
          .replace(/\//g, '.'),
        message: v.message ?? 'invalid',
      }));
      return reply.code(400).send({
        code: 'invalid_request',
        message: `invalid ${err.validationContext ?? 'request'}: ${err.message}`,
        details,
      });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply
        .code(err.statusCode)
        .send({ code: err.code ? err.code.toLowerCase() : 'bad_request', message: err.message });
    }
    if (hasCode(err) && err.name === 'StoreInputError') {
      return reply.code(400).send({ code: err.code, message: err.message });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: 'internal', message: 'internal server error' });
  });
  app.setNotFoundHandler((req, reply) => {
    reply
      .code(404)
      .send({ code: 'route_not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
  });
};
