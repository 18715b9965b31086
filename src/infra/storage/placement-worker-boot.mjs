// Entry of the placement thread. The server runs its TypeScript sources through tsx's loader, and a worker
// thread does not inherit a loader registered in code: register it here, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./placement-worker.ts');
