import { keyChangeNotice, readKeyChangeNotice } from '../../shared/app/trust/key-change';
import { MemoryStorage } from '../../shared/app/memory-storage';
import { TrustService } from '../../shared/app/trust/trust-service';
import { fingerprintOf, generateIdentity } from '../../shared/exchange/identity';

describe('换机说明 (a new key, told to the city)', () => {
  it('names office, old and new fingerprint and date, and the city registers the new key from it', async () => {
    const old = await generateIdentity(true);
    const fresh = await generateIdentity(true);
    const [oldFp, newFp] = [await fingerprintOf(old.publicKey), await fingerprintOf(fresh.publicKey)];
    const text = keyChangeNotice({ officeCode: '150627', officeName: '伊金霍洛旗', oldFingerprint: oldFp, newFingerprint: newFp, newPublicKey: fresh.publicKey, date: '2026年11月24日' });
    expect(text).toContain('单位：伊金霍洛旗无废办');
    expect(text).toContain(`原密钥指纹：${oldFp}`);
    expect(text).toContain(`新密钥指纹：${newFp}`);
    expect(text).toContain('日期：2026年11月24日');

    // The city: the old key was trusted; the notice's new key replaces it, the old one is revoked.
    const city = new TrustService(new MemoryStorage());
    await city.trust({ officeCode: '150627', publicKey: old.publicKey });
    const read = await readKeyChangeNotice(text);
    expect(read).toMatchObject({ officeCode: '150627', officeName: '伊金霍洛旗', oldFingerprint: oldFp, newFingerprint: newFp, newPublicKey: fresh.publicKey });
    await city.replace({ publicKey: old.publicKey, officeCode: read.officeCode }, { officeCode: read.officeCode, publicKey: read.newPublicKey });
    const keys = await city.list();
    expect(keys.find((k) => k.publicKey === fresh.publicKey && !k.revoked)?.fingerprint).toBe(newFp);
    expect(keys.find((k) => k.publicKey === old.publicKey)?.revoked).toBe(true);
  });

  it('refuses a notice whose new fingerprint does not match its key, or with a line missing', async () => {
    const fresh = await generateIdentity(true);
    const base = { officeCode: '150627', officeName: '伊金霍洛旗', oldFingerprint: null, newPublicKey: fresh.publicKey, date: '2026年11月24日' };
    const wrong = keyChangeNotice({ ...base, newFingerprint: '1111 2222 3333 4444 5555 6666 7777 8888' });
    await expect(readKeyChangeNotice(wrong)).rejects.toThrow(/新密钥指纹”与新公钥不符/);
    const good = keyChangeNotice({ ...base, newFingerprint: await fingerprintOf(fresh.publicKey) });
    expect((await readKeyChangeNotice(good)).oldFingerprint).toBeNull();
    await expect(readKeyChangeNotice(good.replace(/^新公钥：.*$/m, ''))).rejects.toThrow(/缺少“新公钥”/);
  });
});
