import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAppLock, type LockFacts } from './app-lock.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 28, 8, 0) + minutes * 60_000);
const web = (lastSeenMinute: number, lockMinutes = 5): LockFacts => ({
  channel: 'web',
  lastSeenAt: at(lastSeenMinute),
  lockedAt: null,
  lockMinutes,
});

describe('app lock', () => {
  const lock = createAppLock();

  it('locks a web session idle past her minutes (plus the minute activity is rounded to), never before', () => {
    assert.equal(lock.isLocked(web(0), at(5)), false, 'at 5 idle minutes she may still be reading');
    assert.equal(lock.isLocked(web(0), at(6)), false);
    assert.equal(lock.isLocked(web(0), at(6.01)), true);
    assert.equal(lock.isLocked(web(0, 1), at(2.01)), true);
    assert.equal(lock.isLocked(web(0, 60), at(60)), false);
  });

  it('a session locked on purpose stays locked whatever its channel; idle API and USSD sessions do not lock', () => {
    assert.equal(lock.isLocked({ ...web(0), lockedAt: at(0) }, at(0)), true);
    assert.equal(lock.isLocked({ ...web(0), channel: 'api', lockedAt: at(0) }, at(0)), true);
    assert.equal(lock.isLocked({ ...web(0), channel: 'api' }, at(600)), false);
  });

  it('writes her last activity at most once a minute', () => {
    assert.equal(lock.shouldRecordActivity(web(0), at(0.99)), false);
    assert.equal(lock.shouldRecordActivity(web(0), at(1)), true);
  });

  it('APP_LOCK_SCALE shortens every time for browser tests', () => {
    const fast = createAppLock(0.05); // a minute is 3 s
    assert.equal(fast.isLocked(web(0, 1), at(0.1)), false);
    assert.equal(fast.isLocked(web(0, 1), at(0.11)), true);
    assert.equal(fast.shouldRecordActivity(web(0), at(0.05)), true);
  });
});
