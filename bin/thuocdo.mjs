#!/usr/bin/env node
// The `thuocdo` command. Runs the TypeScript sources directly through tsx's loader (no build step for
// the server; the web app is built by `thuocdo start` when its sources changed).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
