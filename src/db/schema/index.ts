export * from './org.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './frameworks.ts';
