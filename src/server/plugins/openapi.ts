// The OpenAPI document is generated from the same zod schemas that validate requests; served at /api/docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const openapiPlugin = fp(async (app: FastifyInstance) => {
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
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
});
