import { identifyDriver } from '../../../src/analyze/vmemmap/identify-driver.js';
import { frames } from './make-splat.js';

describe('identifyDriver', () => {
  test.each([
    ['kgd2kfd_init_zone_device [amdgpu]', /amdgpu/, true],
    ['nouveau_dmem_chunk_alloc [nouveau]', /nouveau/, true],
    ['dmirror_allocate_chunk [test_hmm]', /test_hmm/, true],
    ['dev_dax_kmem_probe [kmem]', /dax/, false],
    ['add_memory_resource', /add_memory/, false],
  ])('%s', (frame, name, devicePrivate) => {
    const d = identifyDriver(frames('vmemmap_populate', frame));
    expect(d?.name).toMatch(name);
    expect(d?.devicePrivate).toBe(devicePrivate);
  });

  test('unknown callers give nothing', () => {
    expect(identifyDriver(frames('vmemmap_populate', 'foo_probe [foo]'))).toBeUndefined();
  });
});
