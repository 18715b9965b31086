// What a stored file may be called. Its name comes from a stranger's browser: control characters and
// bidirectional overrides are removed (an RLO makes "hợp-đồng[RLO]fdp.exe" display as "hợp-đồngexe.pdf"),
// and the name ends with the extension of the type its bytes are — Windows and macOS open a file by its
// last extension, so a PDF named "bien-ban.hta" would otherwise be run by mshta when opened.
import { MIME, extensionOf } from './sniff.ts';

/** C0 and C1 controls, DEL, line separators, and the bidirectional marks, embeddings, overrides and isolates. */
export const UNSAFE_NAME_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Other extensions under which a type opens as itself. */
const ALSO: Record<string, readonly string[]> = { [MIME.jpg]: ['jpeg', 'jpe', 'jfif'] };

/** The type's extension is added unless the name already ends with it. Added, not substituted
 *  ("bien-ban.hta" → "bien-ban.hta.pdf"): nothing of the name the person chose is lost ("Quyết định
 *  12.2024" → "Quyết định 12.2024.pdf"), and an odd ".hta" stays visible to whoever opens it. */
export function nameWithTypeExtension(name: string, mimeType: string): string {
  const ext = extensionOf(mimeType);
  const own = /\.([^.]{1,10})$/.exec(name)?.[1]?.toLowerCase();
  if (own && (own === ext || ALSO[mimeType]?.includes(own))) return name;
  return `${name}.${ext}`;
}
