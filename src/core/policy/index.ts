export * from './roles.ts';
export * from './actor.ts';
export * from './org-unit-policy.ts';
export * from './user-policy.ts';
export * from './unit-group-policy.ts';
export * from './audit-policy.ts';
export * from './global-abilities.ts';
export * from './framework-policy.ts';
