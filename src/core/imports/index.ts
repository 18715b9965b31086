export * from './problem-codes.ts';
