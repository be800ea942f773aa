import { fromBase64, toBase64 } from '../../shared/exchange/bytes';
import {
  exportIdentity,
  fingerprintOf,
  generateIdentity,
  importIdentity,
  publicKeyBytes,
  sameFingerprint,
  signBytes,
  verifySignature,
} from '../../shared/exchange/identity';

const data = new TextEncoder().encode('伊金霍洛旗 2026-10');

describe('identity', () => {
  it('signs with Ed25519 through WebCrypto and verifies only the exact bytes and key', async () => {
    const a = await generateIdentity();
    const b = await generateIdentity();
    expect(publicKeyBytes(a.publicKey)).toHaveLength(32);
    const sig = await signBytes(a, data);
    expect(fromBase64(sig)).toHaveLength(64);
    expect(await verifySignature(a.publicKey, data, sig)).toBe(true);
    expect(await verifySignature(b.publicKey, data, sig)).toBe(false);
    const other = data.slice();
    other[0] ^= 1;
    expect(await verifySignature(a.publicKey, other, sig)).toBe(false);
    expect(await verifySignature(a.publicKey, data, 'not base64!')).toBe(false);
    expect(await verifySignature('AAAA', data, sig)).toBe(false);
  });

  it('round-trips a stored key and refuses one whose halves do not match', async () => {
    const a = await generateIdentity();
    const stored = await exportIdentity(a, 'laptop-1', new Date('2026-10-05T00:00:00Z'));
    expect(stored).toMatchObject({ kind: 'zwb-ed25519-key', publicKey: a.publicKey, deviceId: 'laptop-1' });
    const back = await importIdentity(stored);
    expect(await verifySignature(a.publicKey, data, await signBytes(back, data))).toBe(true);

    const b = await generateIdentity();
    await expect(importIdentity({ ...stored, publicKey: b.publicKey })).rejects.toThrow('不匹配');
  });

  it('shows the fingerprint as 8 groups of 4 digits derived from SHA-256 of the raw key', async () => {
    const zeroKey = toBase64(new Uint8Array(32));
    const fp = await fingerprintOf(zeroKey);
    expect(fp).toMatch(/^\d{4}( \d{4}){7}$/);
    // SHA-256 of 32 zero bytes starts 66687aad…, and 0x66687aad % 10000 = 3181. The whole value is the
    // test vector in shared/exchange/README.md, so other readers can check their implementation.
    expect(fp.slice(0, 4)).toBe(String(0x66687aad % 10000).padStart(4, '0'));
    expect(fp).toBe('3181 0599 0523 1280 8917 8131 4429 0261');
    expect(await fingerprintOf(zeroKey)).toBe(fp);
    const a = await generateIdentity();
    expect(await fingerprintOf(a.publicKey)).not.toBe(fp);
    expect(sameFingerprint(fp, fp.replace(/ /g, ''))).toBe(true);
    expect(sameFingerprint(fp, '1234')).toBe(false);
    await expect(fingerprintOf('AAAA')).rejects.toThrow('32');
  });
});
