export * from './types.ts';
export * from './review-rules.ts';
export * from './completeness.ts';
export * from './flags.ts';
export * from './unit-visibility.ts';
export * from './bulk-accept-audit.ts';
