// Builds the Fastify application: plugins (errors, security headers, cookies, multipart, auth+CSRF,
// OpenAPI), the /api/v1 routes, /healthz and the web app. No listening here: see start-server.ts.
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { OneLineRequestLog, type RequestLogLevel } from './http/request-log.ts';
import type { App, ServerDeps } from './http/route-types.ts';
import { createParsePool } from './imports/read-spreadsheet-upload.ts';
import { authPlugin } from './plugins/auth.ts';
import { keySecrets } from '../app/publication/key-secret.ts';
import { configureSnapshotIntegrity } from '../app/publication/snapshot-integrity.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { jsonShapePlugin } from './plugins/json-shape.ts';
import { nulGuardPlugin } from './plugins/nul-guard.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { securityPlugin } from './plugins/security.ts';
import { webPlugin } from './plugins/web.ts';
import { routeAccessPlugin } from './plugins/route-access.ts';
import { registerApiCompression } from './http/api-compression.ts';
import { registerAppraisalRoutes } from './routes/appraisal/index.ts';
import { registerAssessmentRoutes } from './routes/assessments/index.ts';
import { registerAuditRoutes } from './routes/audit/index.ts';
import { registerImportRoutes } from './routes/imports/index.ts';
import { registerInboxRoutes } from './routes/inbox/index.ts';
import { registerAuthRoutes } from './routes/auth/index.ts';
import { registerCampaignRoutes } from './routes/campaigns/index.ts';
import { registerDashboardRoutes } from './routes/dashboards/index.ts';
import { registerDataSourceRoutes } from './routes/data-sources/index.ts';
import { registerEvidenceRoutes } from './routes/evidence/index.ts';
import { registerExportRoutes } from './routes/exports/index.ts';
import { registerFigureRoutes } from './routes/figures/index.ts';
import { registerFrameworkRoutes } from './routes/frameworks/index.ts';
import { registerHealthRoute } from './routes/health.ts';
import { registerNotificationRoutes } from './routes/notifications/index.ts';
import { registerOrgUnitRoutes } from './routes/org-units/index.ts';
import { registerPublicRoutes } from './routes/public/index.ts';
import { registerRoleRoutes } from './routes/roles.ts';
import { registerTokenRoutes } from './routes/tokens/index.ts';
import { registerUnitGroupRoutes } from './routes/unit-groups/index.ts';
import { registerUserRoutes } from './routes/users/index.ts';

/** Every feature's routes under /api/v1; new features add one line here. */
const API_ROUTES: ((app: App, deps: ServerDeps) => void)[] = [
  registerAuthRoutes,
  registerRoleRoutes,
  registerOrgUnitRoutes,
  registerUnitGroupRoutes,
  registerUserRoutes,
  registerAuditRoutes,
  registerFrameworkRoutes,
  registerEvidenceRoutes,
  registerCampaignRoutes,
  registerAssessmentRoutes,
  registerTokenRoutes,
  registerFigureRoutes,
  registerDataSourceRoutes,
  registerNotificationRoutes,
  registerAppraisalRoutes,
  registerDashboardRoutes,
  registerExportRoutes,
  registerImportRoutes,
  registerInboxRoutes,
];

export async function buildApp(
  given: ServerDeps,
  options: { logger?: FastifyBaseLogger; requestLogLevel?: RequestLogLevel } = {},
): Promise<App> {
  const deps: ServerDeps = {
    ...given,
    clock: given.clock ?? (() => new Date()),
    parsePool: given.parsePool ?? createParsePool(given.config),
  };
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // Only the configured proxies may tell the client's address (login throttling counts by it) and
    // protocol; with none, X-Forwarded-* headers are ignored.
    trustProxy: deps.config.trustedProxies.length > 0 ? deps.config.trustedProxies : false,
    bodyLimit: 2 * 1024 * 1024,
    requestIdHeader: 'x-request-id',
    logController: new OneLineRequestLog(options.requestLogLevel ?? 'info'),
  }).withTypeProvider<ZodTypeProvider>();
  if (!given.parsePool) {
    app.addHook('onReady', async () => deps.parsePool!.warm());
    app.addHook('onClose', () => deps.parsePool!.close());
  }
  configureSnapshotIntegrity({ secrets: keySecrets(deps.config), log: app.log });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(jsonShapePlugin);
  await app.register(securityPlugin, { publicBaseUrl: deps.config.publicBaseUrl });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.evidenceMaxBytes, files: 1, fields: 20 } });
  await app.register(openapiPlugin, { serveDocs: deps.config.apiDocs });
  await app.register(routeAccessPlugin);
  await app.register(authPlugin, { db: deps.db, sessionIdleMinutes: deps.config.sessionIdleMinutes });
  await app.register(nulGuardPlugin);

  registerHealthRoute(app, deps);
  await app.register(
    async (api) => {
      registerApiCompression(api);
      for (const register of API_ROUTES) register(api as App, deps);
    },
    { prefix: '/api/v1' },
  );
  await app.register(async (pub) => registerPublicRoutes(pub as App, deps), { prefix: '/api/public/v1' });
  await app.register(webPlugin, { webDir: deps.webDir });
  return app;
}
