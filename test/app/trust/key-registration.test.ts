import { MemoryStorage } from '../../../shared/app/memory-storage';
import { openWorkspace } from '../../../shared/app/workspace';
import { readKeyText, registrationOffices } from '../../../shared/app/trust/key-registration';
import { fingerprintOf, generateIdentity } from '../../../shared/exchange/identity';

/** Registering another laptop's key by hand: the offices offered, and a pasted key read in plain words. */
describe('key registration', () => {
  it('reads a pasted key (line breaks dropped) and gives its fingerprint before anything is trusted', async () => {
    const { publicKey } = await generateIdentity();
    const read = await readKeyText(`  ${publicKey.slice(0, 20)}\n${publicKey.slice(20)} `);
    expect(read).toEqual({ ok: true, publicKey, fingerprint: await fingerprintOf(publicKey) });
    if (read.ok) expect(read.fingerprint).toMatch(/^\d{4}( \d{4}){7}$/);
  });

  it('says what is wrong with a key in plain words, never bytes or base64', async () => {
    const { publicKey } = await generateIdentity();
    const cases: [string, RegExp][] = [
      ['', /还没有填写公钥/],
      [publicKey.slice(0, 30), /应为 44 个字符，这里是 30 个，少了 14 个/],
      [`${publicKey}AAAA`, /多了 4 个/],
      ['1234 5678 9012 3456 7890 1234 5678 9012', /这是密钥指纹/],
      [`公钥：${publicKey}`, /不该出现的字符/],
      // The unused low bits of the last digit set: a mis-typed key.
      [`${publicKey.slice(0, 42)}${publicKey[42] === 'B' ? 'C' : 'B'}=`, /个别字符不对/],
    ];
    for (const [text, message] of cases) {
      const read = await readKeyText(text);
      expect(read.ok).toBe(false);
      if (!read.ok) {
        expect(read.message).toMatch(message);
        expect(read.message).not.toMatch(/字节|base64/i);
        expect(read.message).toContain('数据交换');
      }
    }
  });

  it('is refused by the trust service in the same words, so the command line says them too', async () => {
    const ws = await openWorkspace(new MemoryStorage());
    const { publicKey } = await generateIdentity();
    await expect(ws.trust.trust({ officeCode: '150627', publicKey: publicKey.slice(0, 40) })).rejects.toThrow('公钥应为 44 个字符，这里是 40 个');
    expect(await ws.trust.list()).toEqual([]);
    await expect(ws.trust.trust({ officeCode: '150627', publicKey })).resolves.toMatchObject({ fingerprint: await fingerprintOf(publicKey) });
  });

  it('offers a city its county offices, those without a key first, then the city itself; a county only itself', async () => {
    const ws = await openWorkspace(new MemoryStorage());
    const keys = [
      { officeCode: '150627', revoked: false },
      { officeCode: '150621', revoked: true },
    ];
    const offices = await registrationOffices(ws, { code: '150600', name: '鄂尔多斯市' }, 'city', keys);
    const codes = offices.map((o) => o.code);
    expect(codes).toHaveLength(10);
    expect(codes.slice(0, 8)).toEqual(['150602', '150603', '150621', '150622', '150623', '150624', '150625', '150626']);
    expect(offices[8]).toMatchObject({ code: '150627', name: '伊金霍洛旗', registered: 1, own: false });
    expect(offices[9]).toMatchObject({ code: '150600', name: '鄂尔多斯市', own: true });
    expect(await registrationOffices(ws, { code: '150627', name: '伊金霍洛旗' }, 'county', keys)).toEqual([{ code: '150627', name: '伊金霍洛旗', registered: 1, own: true }]);
  });
});
