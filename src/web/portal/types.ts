// The portal's API types live in src/contract/public.ts (one source with the server). This module only
// re-exports the two that test/unit/web/portal-plain-words.test.ts still imports from here; `PublicRules`
// is what RulesList reads (the test builds rules without the server-written ranking fields). New code
// imports from the contract; delete this file once that test imports from there too.
export type { MethodNode } from '../../contract/public.ts';
export type { RulesShown as PublicRules } from './pages/RulesList.tsx';
