// Serializer compiler for a hot route whose answer the presenter builds in the contract's shape — keys in
// the schema's order, from values checked when they were written — such as the item save's answer
// (presentItem + presentScore; the save's body was validated against the same value schemas). The route's
// zod serializer would check and copy the object before JSON.stringify: on a deadline day that is a tenth
// of the Node work of each of thousands of saves a minute, for bytes that come out the same. What the
// presenter gives is held to the schema byte for byte by test/unit/server/presented-answer-serializer.test.ts.
// Anything that is not a plain object (an error's payload, which Fastify serializes on its own path anyway)
// goes through the route's zod serializer as before.
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';

export function presentedAnswerSerializer(route: FastifyRouteSchemaDef<unknown>) {
  const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  return (data: unknown): string =>
    data !== null && typeof data === 'object' && !Array.isArray(data) ? JSON.stringify(data) : serialize(data);
}
