// How long browsers and shared caches (a province's nginx or CDN, docs/deployment.md) may keep a file of the
// built web app. Vite names everything under assets/ by its content hash, so a new build never reuses a
// name: those are immutable for a year. The HTML pages name the current hashes, so they are revalidated on
// every load (ETag/Last-Modified make that a 304). The rest (favicon, user guide) may be an hour old.
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
export const SHORT = 'public, max-age=3600';

/** `relative` is the served file's path under the web directory, with forward slashes (maybe .br/.gz). */
export function staticCacheControl(relative: string): string {
  const file = relative.replace(/\.(br|gz)$/, '');
  if (file.endsWith('.html')) return REVALIDATE;
  if (file.startsWith('assets/')) return IMMUTABLE;
  return SHORT;
}
