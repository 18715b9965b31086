export * from './org.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './frameworks.ts';
export * from './campaigns.ts';
export * from './evidence.ts';
export * from './supply.ts';
export * from './appraisal.ts';
