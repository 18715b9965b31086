// The OpenAPI document is generated from the same zod schemas that validate requests; served at /api/docs
// (Swagger UI, /api/docs/json, /api/docs/yaml) in development and test, and in production only when the
// operator enables it (API_DOCS=true): the full route map need not be public on a production server.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const openapiPlugin = fp(async (app: FastifyInstance, opts: { serveDocs: boolean }) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Thước Đo API',
        description:
          'API của nền tảng đánh giá chỉ số chuyển đổi số (DTI). Lỗi luôn có dạng {"error":{"code","message","details"}}. ' +
          'Các yêu cầu thay đổi dữ liệu cần header x-csrf-token (giá trị cookie thuocdo_csrf).',
        version: '1',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'thuocdo_sid' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  if (opts.serveDocs) await app.register(swaggerUi, { routePrefix: '/api/docs' });
});
