import { analyzeFile } from '../../src/api.js';
import { syzkallerReport } from './_syzkaller-report.js';

// syzkaller's report 699 (x86): `BUG: KMSAN: uninit-value in aes_encrypt+0x15cc/0x1db0`, then aes_encrypt,
// aesti_encrypt, crypto_ecb_encrypt, crypto_skcipher_encrypt, xts_encrypt, crypto_skcipher_encrypt and
// fscrypt_crypt_block. Its TITLE is `KMSAN: uninit-value in fscrypt_crypt_block`: the `BUG: KMSAN:` row skips
// `_encrypt$` and `^(?:crypto|cipher|drbg|rng)_`.
const LOG = syzkallerReport(699, 'syzkaller__report_699__KMSAN_uninit-value_in_fscrypt_crypt_block.txt');

(LOG !== undefined ? describe : describe.skip)('syzkaller report 699: KMSAN in the crypto API under fscrypt', () => {
  test('the report is named after the crypto API user', async () => {
    const kmsan = (await analyzeFile(LOG!)).clusters.find((c) => c.title.startsWith('KMSAN:'));
    expect(kmsan?.title).toBe('KMSAN: uninit-value in fscrypt_crypt_block');
  });
});
