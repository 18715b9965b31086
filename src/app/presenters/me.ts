// The signed-in user as the web app needs it: identity, roles on units, menu abilities, CSRF token.
import { globalAbilities } from '../../core/policy/index.ts';
import type { AuthContext } from '../auth-context.ts';

export function presentMe(auth: AuthContext) {
  return {
    user: auth.user,
    roles: auth.grants.map((g) => ({
      id: g.id,
      role: g.role,
      unitId: g.unitId,
      unitCode: g.unitCode,
      unitName: g.unitName,
      subtree: g.subtree,
    })),
    abilities: globalAbilities(auth.actor),
    csrfToken: auth.csrfToken,
  };
}
