// One page of an S3 ListObjectsV2 answer (GET /bucket?list-type=2), read by a small bounded XML parser rather
// than a dependency: the answer is a flat, known document and we need four of its fields (each object's Key
// and LastModified, IsTruncated, NextContinuationToken). The parser accepts well-formed XML only, never
// expands anything but the five predefined entities and character references (a DOCTYPE is refused, so no
// entity can be declared), and refuses what no S3 implementation sends: an oversized body, deep nesting, more
// objects than were asked for, an object without a key or a readable date, a truncated page without a token.

export interface ListedObject {
  key: string;
  lastModified: Date;
}

export interface ListPage {
  /** The bucket the answer says it lists (Name), when given. */
  bucket: string | undefined;
  objects: ListedObject[];
  /** Set when the listing continues: pass it as `continuation-token` for the next page. */
  nextContinuationToken: string | undefined;
}

/** ListObjectsV2 pages hold at most 1000 keys of at most 1024 bytes: a few MB of XML is far past any real page. */
export const MAX_LIST_PAGE_BYTES = 8 * 1024 * 1024;
const MAX_DEPTH = 8;
const MAX_KEY_BYTES = 1024;
const MAX_TOKEN_LENGTH = 4096;

export class S3ListError extends Error {}

interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = '[A-Za-z_][\\w.:-]*';
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');

function decodeText(raw: string): string {
  return raw.replace(/&([^;&<]{0,10});|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new S3ListError('malformed XML: a bare "&"');
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const code = /^#x[0-9A-Fa-f]{1,6}$/.test(ref)
      ? parseInt(ref.slice(2), 16)
      : /^#[0-9]{1,7}$/.test(ref)
        ? Number(ref.slice(1))
        : NaN;
    if (!Number.isInteger(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      throw new S3ListError(`malformed XML: unknown entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

/** The document's root element; throws S3ListError on anything but well-formed, DTD-free XML within the bounds. */
export function parseXml(xml: string, maxElements: number): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let elements = 0;
  let i = 0;
  const append = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
    else if (text.trim() !== '') throw new S3ListError('malformed XML: text outside the root element');
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      append(decodeText(xml.slice(i)));
      break;
    }
    if (lt > i) append(decodeText(xml.slice(i, lt)));
    i = lt;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0 || stack.length > 0 || root) throw new S3ListError('malformed XML: processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) throw new S3ListError('malformed XML: unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end < 0 || stack.length === 0) throw new S3ListError('malformed XML: CDATA');
      append(xml.slice(i + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      throw new S3ListError('refused XML: a DOCTYPE or other declaration');
    } else if (xml.startsWith('</', i)) {
      END_TAG.lastIndex = i;
      const m = END_TAG.exec(xml);
      const open = stack.pop();
      if (!m || !open || m[1] !== open.name) throw new S3ListError('malformed XML: mismatched end tag');
      i = END_TAG.lastIndex;
    } else {
      START_TAG.lastIndex = i;
      const m = START_TAG.exec(xml);
      if (!m) throw new S3ListError('malformed XML: bad start tag');
      if (stack.length === 0 && root) throw new S3ListError('malformed XML: a second root element');
      if (++elements > maxElements) throw new S3ListError('refused XML: too many elements');
      if (stack.length >= MAX_DEPTH) throw new S3ListError('refused XML: nested too deep');
      const element: XmlElement = { name: m[1]!, children: [], text: '' };
      stack[stack.length - 1]?.children.push(element);
      if (stack.length === 0) root = element;
      if (m[3] !== '/') stack.push(element);
      i = START_TAG.lastIndex;
    }
  }
  if (!root || stack.length > 0) throw new S3ListError('malformed XML: no complete root element');
  return root;
}

/** Local name: S3 answers in its default namespace, but a prefixed answer (`s3:Key`) means the same. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);
const childrenNamed = (e: XmlElement, name: string) => e.children.filter((c) => local(c.name) === name);
function onlyChild(e: XmlElement, name: string): XmlElement | undefined {
  const found = childrenNamed(e, name);
  if (found.length > 1) throw new S3ListError(`refused listing: ${name} given ${found.length} times`);
  return found[0];
}

/** Reads one ListObjectsV2 page; `maxKeys` is what the request asked for (a page never holds more). */
export function parseListObjectsV2(xml: string, maxKeys: number): ListPage {
  if (Buffer.byteLength(xml) > MAX_LIST_PAGE_BYTES) throw new S3ListError('refused listing: page too large');
  // Each object is a Contents element with a handful of fields (Key, LastModified, ETag, Size, StorageClass,
  // Owner/ID/DisplayName, Checksum…): 16 per object leaves room for all of them.
  const root = parseXml(xml, 64 + maxKeys * 16);
  if (local(root.name) !== 'ListBucketResult')
    throw new S3ListError(`refused listing: the answer is a ${root.name}, not a ListBucketResult`);
  const contents = childrenNamed(root, 'Contents');
  if (contents.length > maxKeys)
    throw new S3ListError(`refused listing: ${contents.length} objects on a page of at most ${maxKeys}`);
  const objects = contents.map((c) => {
    const key = onlyChild(c, 'Key')?.text;
    const modified = onlyChild(c, 'LastModified')?.text.trim();
    if (!key || Buffer.byteLength(key) > MAX_KEY_BYTES)
      throw new S3ListError('refused listing: an object without a key');
    const lastModified = new Date(modified ?? '');
    // ISO 8601 as S3 writes it (2009-10-12T17:50:30.000Z); anything else may be local time or garbage.
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(modified ?? '') || Number.isNaN(lastModified.getTime()))
      throw new S3ListError(`refused listing: ${key} has no readable LastModified`);
    return { key, lastModified };
  });
  const truncated = onlyChild(root, 'IsTruncated')?.text.trim() ?? 'false';
  if (truncated !== 'true' && truncated !== 'false')
    throw new S3ListError(`refused listing: IsTruncated is "${truncated.slice(0, 20)}"`);
  const token = onlyChild(root, 'NextContinuationToken')?.text;
  if (truncated === 'true' && (!token || token.length > MAX_TOKEN_LENGTH))
    throw new S3ListError('refused listing: a truncated page without a usable NextContinuationToken');
  return {
    bucket: onlyChild(root, 'Name')?.text,
    objects,
    nextContinuationToken: truncated === 'true' ? token : undefined,
  };
}
