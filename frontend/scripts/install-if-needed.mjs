// `npm ci` only when package-lock.json changed since node_modules was installed: a clean clone installs
// once, later builds skip the half minute npm ci takes. The stamp lives inside node_modules, so deleting
// node_modules (or a fresh clone) always installs.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const stamp = 'node_modules/.tiketi-lock-sha256';
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) {
  console.log('node_modules is up to date with package-lock.json');
} else {
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(stamp, lockHash);
}
