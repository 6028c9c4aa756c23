#!/usr/bin/env node
// Run by Maven (phase initialize): installs the pinned anvil and solc from package-lock.json with `npm ci`,
// but only when node_modules is missing or older than the lock file, so an ordinary build stays fast.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = 'package-lock.json';
const installed = 'node_modules/.package-lock.json';
const upToDate = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
if (upToDate) {
  process.exit(0);
}
console.log('[node-tools] npm ci (anvil, solc) from package-lock.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('[node-tools] npm ci failed: anvil and solc are needed to build and run Recovery Desk.');
  process.exit(result.status ?? 1);
}
