// A part of an answer already serialized to JSON (UTF-8 bytes): the form's items as presented at one
// revision of the form, held by the form-items cache and written in place by the form's serializer
// (server/routes/assessments/form-serializer.ts) instead of being built and stringified again.
export class PreSerializedJson {
  constructor(readonly bytes: Buffer) {}

  static of(value: unknown): PreSerializedJson {
    return new PreSerializedJson(Buffer.from(JSON.stringify(value)));
  }
}
