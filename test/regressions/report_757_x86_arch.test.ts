import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../src/api.js';

// An x86_64 syzkaller log in the 2025 WARNING format: no boot banner, but the splat prints `RIP: 0010:fast_dput+...`
// (line 11) and `RAX: ... RBX: ...` register lines, which only x86_64 prints.
const LOG = fileURLToPath(new URL('../../../shared/corpus/syzkaller__report_757__WARNING_in_fput.txt', import.meta.url));

(existsSync(LOG) ? describe : describe.skip)('syzkaller report 757: arch from an x86_64 register dump', () => {
  test('the log is recognised as x86_64', async () => {
    expect((await analyzeFile(LOG)).arch).toBe('x86_64');
  });
});
