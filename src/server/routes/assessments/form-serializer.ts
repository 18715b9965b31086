// The form's answer (GET /assessments/{id}) serialized in three parts, the two large ones without the
// route's zod serializer (which checks and copies every object before JSON.stringify):
// - the index-set definition, half of the ~100 kB answer: JSON bytes serialized and UTF-8 encoded once per
//   definition. It is opaque in the contract (z.unknown, so zod passes it through untouched) and frozen once
//   published (loadDefinition hands out one cached object per published version). A draft's definition is
//   a new object per read: cached only as long as that object lives (WeakMap).
// - the items (100 per form): pre-validated — presentItem builds each as the contract's ItemView, keys in
//   the schema's order, from values checked when they were written (saveItemBody and the importers), so
//   JSON.stringify gives the bytes zod would (test/unit/server/form-serializer.test.ts holds it to that).
//   The form load hands them over already serialized (PreSerializedJson, kept per form revision by
//   app/presenters/form-items-cache.ts); they are then copied in as they are.
// - the rest through the route's zod serializer as before.
// When the items come from that cache, the whole answer built around them is remembered with them: the
// next load whose other parts serialize to the same text (the same reader's state, timing, abilities —
// the usual reload) is answered with those very bytes, without allocating and filling ~100 kB again
// (under load, fresh buffers of that size cost ~0.1 ms each in page faults, a fifth of the request).
// The answer is one Buffer written in place (no intermediate copies of its parts): Fastify then neither
// counts the UTF-8 length of a ~100 kB string for Content-Length nor encodes it again on the socket. The
// bytes are identical to JSON.stringify of the whole answer, validated, sent as UTF-8.
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { PreSerializedJson } from '../../../app/presenters/pre-serialized-json.ts';

const definitionJson = new WeakMap<object, Buffer>();
/** The last answer around cached items, by their bytes' holder (dropped with the cache's entry). */
const lastAnswers = new WeakMap<PreSerializedJson, { text: string; definition: Buffer; bytes: Buffer }>();
/** A string no JSON value of the answer can carry (a NUL and a random tag): replaced by the definition's JSON. */
const SLOT = `\u0000framework-${Math.random().toString(36).slice(2)}`;
/** Where the two parts go in zod's output: `items` follows `framework` in the schema (contract/assessments.ts). */
const SLOTS_JSON = `"framework":${JSON.stringify(SLOT)},"items":[]`;
const ITEMS_KEY = Buffer.from(',"items":');

function jsonOf(definition: unknown): Buffer {
  if (typeof definition !== 'object' || definition === null) return Buffer.from(JSON.stringify(definition));
  let json = definitionJson.get(definition);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(definition));
    definitionJson.set(definition, json);
  }
  return json;
}

/** Fastify serializer compiler for the form's answer: top-level opaque `framework`, then `items` (an array). */
export function formAnswerSerializer(route: FastifyRouteSchemaDef<unknown>) {
  const serialize = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  return (data: { framework?: unknown; items?: unknown } | null): string => {
    if (data === null || typeof data !== 'object' || data.framework === undefined) return serialize(data);
    const items = data.items instanceof PreSerializedJson ? data.items.bytes : data.items;
    if (!Buffer.isBuffer(items) && !Array.isArray(items)) return serialize(data);
    const text = serialize({ ...data, framework: SLOT, items: [] });
    const at = text.indexOf(SLOTS_JSON);
    if (at < 0) return serialize(Buffer.isBuffer(items) ? { ...data, items: JSON.parse(items.toString()) } : data);
    const definition = jsonOf(data.framework);
    const cached = data.items instanceof PreSerializedJson ? data.items : null;
    const last = cached ? lastAnswers.get(cached) : undefined;
    if (last && last.text === text && last.definition === definition) return last.bytes as unknown as string;
    const head = `${text.slice(0, at)}"framework":`;
    const itemsJson = Buffer.isBuffer(items) ? items : Buffer.from(JSON.stringify(items));
    const tail = text.slice(at + SLOTS_JSON.length);
    const headLength = Buffer.byteLength(head);
    const itemsAt = headLength + definition.length + ITEMS_KEY.length;
    const bytes = Buffer.allocUnsafe(itemsAt + itemsJson.length + Buffer.byteLength(tail));
    bytes.write(head, 0);
    definition.copy(bytes, headLength);
    ITEMS_KEY.copy(bytes, headLength + definition.length);
    itemsJson.copy(bytes, itemsAt);
    bytes.write(tail, itemsAt + itemsJson.length);
    if (cached) lastAnswers.set(cached, { text, definition, bytes });
    // Fastify sends a serializer's Buffer as it is (reply.js onSendEnd); its types name only strings.
    return bytes as unknown as string;
  };
}
