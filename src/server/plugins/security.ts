// Security headers. The SPA loads only its own scripts; antd injects inline styles, hence 'unsafe-inline'
// for styles only. Swagger UI (under /api/docs) sets its own inline script hashes.
// Helmet's headers for this configuration are the same on every response (no nonces, nothing read from
// the request), so they are computed once at start and set through Fastify's reply headers. The
// @fastify/helmet plugin rebuilt the whole helmet middleware, CSP parsing included, on every request:
// ~60 µs of CPU per API call, on the item-save hot path too.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
  hsts: false, // set by the TLS-terminating proxy, which knows whether TLS is on
};

/** The headers helmet sets with OPTIONS, recorded once from its middleware. */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {
      /* X-Powered-By: Fastify never sets it */
    },
  };
  helmet(OPTIONS)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

export const securityPlugin = fp(async (app: FastifyInstance) => {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});
