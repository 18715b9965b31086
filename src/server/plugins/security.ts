// Security headers. The SPA loads only its own scripts; antd injects inline styles, hence 'unsafe-inline'
// for styles only. Swagger UI (under /api/docs) sets its own inline script hashes.
// Strict-Transport-Security is sent when the platform's public address (PUBLIC_BASE_URL) is https: the
// operator has declared the site is served over TLS, so browsers should never try plain HTTP again. Over
// an http address (a test server, an intranet without TLS) it is never sent — it would lock users out.
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
  hsts: false, // decided from PUBLIC_BASE_URL below, not by helmet
};

export const HSTS_HEADER = 'max-age=31536000; includeSubDomains';

/** Whether the public address is https (HSTS is sent only then). */
export function isHttpsBaseUrl(publicBaseUrl: string | undefined): boolean {
  if (!publicBaseUrl) return false;
  try {
    return new URL(publicBaseUrl).protocol === 'https:';
  } catch {
    return false;
  }
}

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

export const securityPlugin = fp(async (app: FastifyInstance, opts: { publicBaseUrl?: string | undefined }) => {
  const headers = securityHeaders();
  if (isHttpsBaseUrl(opts.publicBaseUrl)) headers['strict-transport-security'] = HSTS_HEADER;
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});
