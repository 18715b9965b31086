// The form's answer (GET /assessments/{id}) serialized with the index-set definition spliced in as JSON
// bytes serialized and UTF-8 encoded once per definition: the definition is half of the ~100 kB answer,
// opaque in the contract (z.unknown, so zod passes it through untouched) and frozen once published
// (loadDefinition hands out one cached object per published version), so stringifying it on every form load
// is wasted work. The rest of the answer goes through the route's zod serializer as before. The answer is
// a Buffer: Fastify then neither counts the UTF-8 length of a ~100 kB string for Content-Length nor
// encodes it again on the socket (together ~8 % of a form load's CPU). The bytes are identical to
// JSON.stringify of the whole answer sent as UTF-8. A draft's definition is a new object per read: cached
// only as long as that object lives (WeakMap).
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';

const definitionJson = new WeakMap<object, Buffer>();
/** A string no JSON value of the answer can carry (a NUL and a random tag): replaced by the definition's JSON. */
const SLOT = `\u0000framework-${Math.random().toString(36).slice(2)}`;
const SLOT_JSON = `"framework":${JSON.stringify(SLOT)}`;

function jsonOf(definition: unknown): Buffer {
  if (typeof definition !== 'object' || definition === null) return Buffer.from(JSON.stringify(definition));
  let json = definitionJson.get(definition);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(definition));
    definitionJson.set(definition, json);
  }
  return json;
}

/** Fastify serializer compiler for a response whose schema has a top-level opaque `framework` field. */
export function frameworkSplicingSerializer(route: FastifyRouteSchemaDef<unknown>) {
  const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  return (data: { framework?: unknown } | null): string => {
    if (data === null || typeof data !== 'object' || data.framework === undefined) return serialize(data);
    const text = serialize({ ...data, framework: SLOT });
    const at = text.indexOf(SLOT_JSON);
    if (at < 0) return serialize(data);
    const head = Buffer.from(`${text.slice(0, at)}"framework":`);
    const definition = jsonOf(data.framework);
    const tail = Buffer.from(text.slice(at + SLOT_JSON.length));
    const bytes = Buffer.concat([head, definition, tail], head.length + definition.length + tail.length);
    // Fastify sends a serializer's Buffer as it is (reply.js onSendEnd); its types name only strings.
    return bytes as unknown as string;
  };
}
