export * from './period.ts';
export * from './template.ts';
export * from './records.ts';
export * from './values.ts';
export * from './mapping.ts';
export * from './retry.ts';
export * from './profiles.ts';
export * from './paging.ts';
