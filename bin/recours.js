#!/usr/bin/env node
// Runs the compiled CLI (dist/, `npm run build:server`, also run by `npm install` through `prepare`): it starts in
// a fraction of the time tsx takes to compile TypeScript at each call. Falls back to the sources through tsx when
// dist/ is missing or older than a source file, so a fresh clone and a developer's edits always run current code.
import { readdirSync, statSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
// Written by every build (tsc --incremental), whichever files it re-emitted.
const buildStamp = new URL('../dist/.tsbuildinfo', import.meta.url);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function compiledIsCurrent() {
  try {
    statSync(compiled);
    return statSync(buildStamp).mtimeMs >= newestSource(new URL('../src/', import.meta.url));
  } catch {
    return false;
  }
}

if (compiledIsCurrent()) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
