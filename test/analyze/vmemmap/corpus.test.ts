import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeFile } from '../../../src/api.js';
import { isVmemmapSplat } from '../../../src/analyze/vmemmap/is-vmemmap-splat.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const logs = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')) : [];

// None of the real logs has a vmemmap_populate/vmemmap_free WARN or a ZONE_DEVICE init fault.
(logs.length > 0 ? describe : describe.skip)('real corpus logs', () => {
  test.each(logs)('%s gives no vmemmap finding', async (file) => {
    const r = await analyzeFile(`${CORPUS}${file}`);
    for (const c of r.clusters) {
      expect(c.vmemmap).toEqual([]);
      expect(isVmemmapSplat(c.example)).toBeUndefined();
    }
  });
});
