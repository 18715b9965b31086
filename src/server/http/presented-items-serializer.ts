// Serializer compiler for long lists whose `items` the presenter builds in the contract's shape — keys in
// the schema's order, from values checked when they were written — such as the unit tree (12,000 units).
// The route's zod serializer checks and copies every object before JSON.stringify; here it serializes
// the rest of the answer only, the items are stringified as they are, and the answer goes out as one
// Buffer (Fastify then neither measures a multi-megabyte string for Content-Length nor encodes it again
// on the socket). Same bytes as zod's: each route's test holds its presenter to the schema
// (test/unit/server/presented-items-serializer.test.ts).
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';

/** Where the items go: `items` must be the schema's first key, so zod's text starts with it. */
const EMPTY_ITEMS = '{"items":[]';

export function presentedItemsSerializer(route: FastifyRouteSchemaDef<unknown>) {
  const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  return (data: { items?: unknown } | null): string => {
    if (data === null || typeof data !== 'object' || !Array.isArray(data.items)) return serialize(data);
    const text = serialize({ ...data, items: [] });
    if (!text.startsWith(EMPTY_ITEMS)) return serialize(data);
    const json = `{"items":${JSON.stringify(data.items)}${text.slice(EMPTY_ITEMS.length)}`;
    // Fastify sends a serializer's Buffer as it is (reply.js onSendEnd); its types name only strings.
    return Buffer.from(json) as unknown as string;
  };
}
