// Materialised paths: '/<root>/…/<id>/'. Ancestry (root → self) is the path split; a subtree is a prefix.
export function ancestryOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** LIKE pattern for a subtree, with LIKE metacharacters escaped (ids are uuids, but be safe). */
export function subtreePattern(path: string): string {
  return `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
