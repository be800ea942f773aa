import { onOpenedBundle, receiveOpenedBundle, takeOpenedBundles } from '../../renderer/src/app/opened-bundles';

describe('.zwb files the desktop was asked to open', () => {
  it('wait until 数据交换 takes them, each once, and tell it when more arrive', () => {
    const file = (name: string) => ({ name, data: new Uint8Array([1, 2, 3]) });
    receiveOpenedBundle(file('伊金霍洛旗-2026-11.zwb'));
    let arrived = 0;
    const stop = onOpenedBundle(() => (arrived += 1));
    expect(takeOpenedBundles().map((f) => f.name)).toEqual(['伊金霍洛旗-2026-11.zwb']);
    expect(takeOpenedBundles()).toEqual([]);
    receiveOpenedBundle(file('准格尔旗-2026-11.zwb'));
    expect(arrived).toBe(1);
    stop();
    receiveOpenedBundle(file('达拉特旗-2026-11.zwb'));
    expect(arrived).toBe(1);
    expect(takeOpenedBundles().map((f) => f.name)).toEqual(['准格尔旗-2026-11.zwb', '达拉特旗-2026-11.zwb']);
  });
});
