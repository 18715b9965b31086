// Server time for deadlines and submissions: the app's clock (fixed in tests), never the client's.
import type { ServerDeps } from '../http/route-types.ts';

export function serverNow(deps: ServerDeps): Date {
  return deps.clock ? deps.clock() : new Date();
}
