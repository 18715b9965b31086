// The form's answer (GET /assessments/{id}) serialized with the index-set definition spliced in as JSON
// text serialized once per definition: the definition is half of the ~100 kB answer, opaque in the
// contract (z.unknown, so zod passes it through untouched) and frozen once published (loadDefinition hands
// out one cached object per published version), so stringifying it on every form load is wasted work.
// The rest of the answer goes through the route's zod serializer as before; the bytes are identical to
// JSON.stringify of the whole answer. A draft's definition is a new object per read: cached only as long
// as that object lives (WeakMap).
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';

const definitionJson = new WeakMap<object, string>();
/** A string no JSON value of the answer can carry (a NUL and a random tag): replaced by the definition's JSON. */
const SLOT = `\u0000framework-${Math.random().toString(36).slice(2)}`;
const SLOT_JSON = `"framework":${JSON.stringify(SLOT)}`;

function jsonOf(definition: unknown): string {
  if (typeof definition !== 'object' || definition === null) return JSON.stringify(definition);
  let json = definitionJson.get(definition);
  if (json === undefined) {
    json = JSON.stringify(definition);
    definitionJson.set(definition, json);
  }
  return json;
}

/** Fastify serializer compiler for a response whose schema has a top-level opaque `framework` field. */
export function frameworkSplicingSerializer(route: FastifyRouteSchemaDef<unknown>) {
  const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  return (data: { framework?: unknown } | null) => {
    if (data === null || typeof data !== 'object' || !('framework' in data)) return serialize(data);
    const text = serialize({ ...data, framework: SLOT });
    const at = text.indexOf(SLOT_JSON);
    if (at < 0) return serialize(data);
    return `${text.slice(0, at)}"framework":${jsonOf(data.framework)}${text.slice(at + SLOT_JSON.length)}`;
  };
}
