#!/usr/bin/env node
// The CLI runs from the compiled output; `npm install` (prepare) and `npm start` build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('makeratlas: dist/ is missing; run `npm run build` first.');
  process.exit(2);
}
await import(entry.href);
