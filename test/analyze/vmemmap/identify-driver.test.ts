import { driverRowOf, identifyDriver } from '../../../src/analyze/vmemmap/identify-driver.js';
import { frames } from './make-splat.js';

describe('identifyDriver', () => {
  test.each([
    ['kgd2kfd_init_zone_device [amdgpu]', /amdgpu/, true],
    ['nouveau_dmem_chunk_alloc [nouveau]', /nouveau/, true],
    ['dmirror_allocate_chunk [test_hmm]', /test_hmm/, true],
    ['dev_dax_kmem_probe [kmem]', /dax/, false],
    ['add_memory_resource', /add_memory/, false],
    ['xe_devm_add [xe]', /^Intel Xe SVM \(xe_devm_add\)$/, true],
    ['uvm_pmm_devmem_init [nvidia_uvm]', /^NVIDIA UVM HMM \(uvm_pmm_devmem_init\)$/, true],
    ['hmm_devmem_add', /^HMM device memory/, true],
    ['dev_dax_probe [device_dax]', /^device DAX/, false],
    ['pmem_attach_disk [nd_pmem]', /^persistent memory/, false],
    ['pci_p2pdma_add_resource', /P2PDMA/, false],
  ])('%s', (frame, name, devicePrivate) => {
    const d = identifyDriver(frames('vmemmap_populate', frame));
    expect(d?.name).toMatch(name);
    expect(d?.devicePrivate).toBe(devicePrivate);
  });

  // A real dri-devel storm (6.1): the trace held svm_migrate_init, the report named kgd2kfd_init_zone_device.
  test('the name gives the frame that matched, not a fixed one', () => {
    expect(identifyDriver(frames('vmemmap_populate', 'svm_migrate_init [amdgpu]', 'kgd2kfd_device_init [amdgpu]'))?.name).toBe('amdgpu KFD SVM (svm_migrate_init)');
    expect(identifyDriver(frames('vmemmap_populate', 'kgd2kfd_init_zone_device [amdgpu]'))?.name).toBe('amdgpu KFD SVM (kgd2kfd_init_zone_device)');
    expect(identifyDriver(frames('vmemmap_populate', '__add_memory'))?.name).toBe('generic memory hotplug (__add_memory)');
  });

  test('unknown callers give nothing', () => {
    expect(identifyDriver(frames('vmemmap_populate', 'foo_probe [foo]'))).toBeUndefined();
  });
});

describe('driverRowOf', () => {
  // It keys each storm splat's finding by driver: one row whatever frame of the driver survived, a row for each driver.
  const row = (...funcs: string[]) => driverRowOf(frames(...funcs));

  test('the row identifyDriver names, or -1 when it names none', () => {
    expect(row('vmemmap_populate', 'memremap_pages')).toBe(-1);
    expect(identifyDriver(frames('vmemmap_populate', 'memremap_pages'))).toBeUndefined();
    expect(row()).toBe(-1);
    expect(row('vmemmap_populate', 'dmirror_allocate_chunk [test_hmm]')).toBeGreaterThanOrEqual(0);
  });

  // Found by a review of this session's change: a storm whose console cut the top of six traces had had them named by
  // `amdgpu_device_init [amdgpu]`, a finding apart from the rest's `kgd2kfd_init_zone_device`.
  test('one driver, whichever of its frames a trace kept', () => {
    const whole = row('vmemmap_populate', 'kgd2kfd_init_zone_device [amdgpu]', 'amdgpu_device_init [amdgpu]');
    expect(row('amdgpu_device_init [amdgpu]', 'amdgpu_pci_probe [amdgpu]')).toBe(whole);
    expect(row('vmemmap_populate', 'svm_migrate_init [amdgpu]')).toBe(whole);
    expect(row('vmemmap_populate', 'dmirror_allocate_chunk [test_hmm]')).not.toBe(whole);
    expect(row('vmemmap_populate', 'nouveau_dmem_chunk_alloc [nouveau]')).not.toBe(whole);
  });

  test('the first row any frame matches, as identifyDriver: amdgpu before test_hmm, asked twice alike', () => {
    const both = frames('vmemmap_populate', 'dmirror_allocate_chunk [test_hmm]', 'kgd2kfd_init_zone_device [amdgpu]');
    expect(identifyDriver(both)?.name).toBe('amdgpu KFD SVM (kgd2kfd_init_zone_device)');
    expect(driverRowOf(both)).toBe(row('kgd2kfd_init_zone_device [amdgpu]'));
    expect(driverRowOf(both)).toBe(driverRowOf(both));
  });
});
