/** arm64 syscall entry from user space: the bottom of every trace that starts in a system call (6.x). */
export const SYSCALL_ENTRY = [
  'invoke_syscall+0x50/0x128',
  'el0_svc_common.constprop.0+0x48/0xf0',
  'do_el0_svc+0x24/0x38',
  'el0_svc+0x34/0xd8',
  'el0t_64_sync_handler+0x100/0x130',
  'el0t_64_sync+0x190/0x198',
];

/** amdgpu probe → KFD SVM zone-device setup, as in D Scott Phillips' trace (reference §5.2), under modprobe. */
export const AMDGPU_PROBE = [
  'kgd2kfd_init_zone_device+0xe0/0x1f0 [amdgpu]',
  'amdgpu_device_init+0x1c74/0x2300 [amdgpu]',
  'amdgpu_driver_load_kms+0x24/0x1d0 [amdgpu]',
  'amdgpu_pci_probe+0x1a8/0x4b8 [amdgpu]',
  'local_pci_probe+0x48/0xb8',
  'pci_device_probe+0x1e8/0x220',
  'really_probe+0x184/0x3d0',
  '__driver_probe_device+0x84/0x170',
  'driver_probe_device+0x44/0x120',
  '__driver_attach+0xd4/0x1e0',
  'bus_for_each_dev+0x7c/0xe8',
  'driver_attach+0x2c/0x40',
  'bus_add_driver+0x118/0x220',
  'driver_register+0x68/0x138',
  '__pci_register_driver+0x4c/0x60',
  'amdgpu_init+0x7c/0x1000 [amdgpu]',
  'do_one_initcall+0x60/0x2c0',
  'do_init_module+0x60/0x230',
  'load_module+0x1f1c/0x2190',
  '__do_sys_finit_module+0xb8/0x118',
  '__arm64_sys_finit_module+0x2c/0x40',
  ...SYSCALL_ENTRY,
];

/** memremap_pages → pagemap_range → __add_pages → … → vmemmap_populate for a device-private pgmap. */
export const POPULATE_CHAIN = [
  'vmemmap_populate+0x30/0x48',
  '__populate_section_memmap+0x40/0x90',
  'sparse_add_section+0xfc/0x3e8',
  '__add_pages+0xb4/0x168',
  'pagemap_range+0x300/0x410',
  'memremap_pages+0x184/0x2d8',
];

export const AMDGPU_MODULES =
  'amdgpu(+) drm_exec amdxcp gpu_sched drm_buddy i2c_algo_bit drm_suballoc_helper drm_ttm_helper ttm drm_display_helper cec';

/** memunmap_pages → pageunmap_range → __remove_pages → … → vmemmap_free (reference §5.2, Hubbard's patch). */
export const FREE_CHAIN = [
  'vmemmap_free+0x54/0x90',
  'section_deactivate+0x1c4/0x268',
  'sparse_remove_section+0x4c/0x70',
  '__remove_pages+0x6c/0xc0',
  'pageunmap_range+0x80/0x140',
  'memunmap_pages+0x150/0x1d0',
];

/** test_hmm (lib/test_hmm.c) allocating device-private chunks on a migrate ioctl from the hmm-tests selftest. */
export const TEST_HMM_IOCTL = [
  'dmirror_allocate_chunk+0x144/0x318 [test_hmm]',
  'dmirror_devmem_alloc_page+0x74/0xd8 [test_hmm]',
  'dmirror_migrate_to_device+0x1a0/0x418 [test_hmm]',
  'dmirror_fops_unlocked_ioctl+0x2c8/0x6f0 [test_hmm]',
  '__arm64_sys_ioctl+0xb4/0x100',
  ...SYSCALL_ENTRY,
];

/** test_hmm module exit releasing every chunk (rmmod). */
export const TEST_HMM_EXIT = [
  'dmirror_device_remove_chunks+0x98/0x130 [test_hmm]',
  'hmm_dmirror_exit+0x2c/0x68 [test_hmm]',
  '__arm64_sys_delete_module+0x1a0/0x2b8',
  ...SYSCALL_ENTRY,
];
