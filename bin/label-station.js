#!/usr/bin/env node
// The CLI runs the TypeScript sources directly, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/headless/cli.ts');
