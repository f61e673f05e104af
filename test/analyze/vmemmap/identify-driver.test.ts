import { driverKeyOf, identifyDriver } from '../../../src/analyze/vmemmap/identify-driver.js';
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

describe('driverKeyOf', () => {
  // It keys each storm splat's finding by driver: the name must be identifyDriver's, or two findings of one driver
  // (or one of two drivers) would follow.
  test.each([
    [['vmemmap_populate', 'kgd2kfd_init_zone_device [amdgpu]']],
    [['vmemmap_populate', 'svm_migrate_init [amdgpu]', 'kgd2kfd_device_init [amdgpu]']],
    [['vmemmap_populate', 'amdgpu_device_init [amdgpu]']],
    [['vmemmap_populate', 'dmirror_allocate_chunk [test_hmm]', 'kgd2kfd_init_zone_device [amdgpu]']],
    [['vmemmap_populate', 'add_memory_resource', 'acpi_memory_device_add']],
    [['vmemmap_populate', '__add_memory', 'nouveau_dmem_chunk_alloc [nouveau]']],
    [['vmemmap_populate', 'some_probe [kmem]', 'dev_dax_probe [device_dax]']],
    [['vmemmap_populate', 'memremap_pages']],
    [[]],
  ])('%j: the name identifyDriver gives', (funcs) => {
    const f = frames(...funcs);
    expect(driverKeyOf(f)).toBe(identifyDriver(f)?.name ?? '');
    // Asked again, from the memo.
    expect(driverKeyOf(f)).toBe(identifyDriver(f)?.name ?? '');
  });
});
