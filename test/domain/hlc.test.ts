import fc from 'fast-check';
import { HybridClock, parseStamp } from '../../shared/sync/hlc';

describe('HybridClock', () => {
  it('issues strictly increasing stamps even when the wall clock stands still or goes back', () => {
    const times = [1000, 1000, 999, 500, 2000, 2000];
    const clock = new HybridClock('deviceA', () => times.shift() ?? 2000);
    const stamps = Array.from({ length: 6 }, () => clock.tick());
    for (let i = 1; i < stamps.length; i++) expect(stamps[i] > stamps[i - 1]).toBe(true);
  });

  it('sorts after any stamp it has received', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e6 }), (local, skew) => {
        const a = new HybridClock('a', () => local + skew);
        const b = new HybridClock('b', () => local);
        const remote = a.tick();
        b.receive(remote);
        expect(b.tick() > remote).toBe(true);
      }),
    );
  });

  it('refuses a remote clock more than a day ahead, and bad device ids', () => {
    const a = new HybridClock('a', () => 10 * 86_400_000);
    const b = new HybridClock('b', () => 0);
    expect(() => b.receive(a.tick())).toThrow('快超过一天');
    expect(() => new HybridClock('bad id!')).toThrow('设备标识');
  });

  it('keeps the device id in the stamp', () => {
    expect(parseStamp(new HybridClock('dev-1', () => 5).tick())).toEqual({ millis: 5, counter: 0, deviceId: 'dev-1' });
  });
});
