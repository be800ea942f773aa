// The lock file must be complete for every platform the project is built on: an `npm install` on a
// fresh clone must not rewrite package-lock.json (if it does, the clone is dirty after `npm test`
// and `npm ci` on another system may refuse the lock). setup.mjs --test (the first step of
// `npm test`, and so of CI) hashes the lock before its install and checks it after, with these.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function lockHash(path = 'package-lock.json') {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** null when unchanged; otherwise the message that fails the run (Chinese first, as the other setup messages). */
export function lockChangeMessage(before, after) {
  if (before === after) return null;
  return [
    '[setup] npm install 改写了 package-lock.json：锁文件不完整（常见原因：缺少其他系统的可选包，如 rollup、esbuild、sharp 的各平台版本）。',
    '[setup] npm install rewrote package-lock.json: the lock is incomplete for some platform.',
    `[setup] sha256 before ${before.slice(0, 16)}…, after ${after.slice(0, 16)}…. Review \`git diff package-lock.json\`, commit the completed lock, and run again.`,
  ].join('\n');
}
