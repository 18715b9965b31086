// The per-file lock lives with the stored files' statements (db/queries/evidence-files.ts); re-exported here
// for the use cases outside evidence that take it (the purge job).
export { lockStoredFile } from '../../db/queries/evidence-files.ts';
