export type * from './types.ts';
export { CAMPAIGN_STATUSES } from './types.ts';
export * from './vietnam-time.ts';
export * from './submission-timing.ts';
export * from './campaign-status.ts';
export * from './submission-check.ts';
export * from './progress-rounds.ts';
export * from './preset-defaults.ts';
