import { E3_48_4K, pfnToPage } from './e3-layout.mjs';
import { MACHINE, cpuLine, modulesLinkedIn } from './machine.mjs';
import { registerDump, stackPointer, PSTATE_WARN } from './register-dump.mjs';

const POPULATE_FRAMES = [
  // Scott Phillips' amdgpu trace (reference §5.2), then the module-load path of a 6.1 kernel.
  'vmemmap_populate+0x30/0x48', '__populate_section_memmap+0x40/0x90', 'sparse_add_section+0xfc/0x3e8',
  '__add_pages+0xb4/0x168', 'pagemap_range+0x300/0x410', 'memremap_pages+0x184/0x2d8',
  'devm_memremap_pages+0x30/0x90', 'kgd2kfd_init_zone_device+0xe0/0x1f0 [amdgpu]',
  'amdgpu_device_ip_init+0x5d8/0x6c4 [amdgpu]', 'amdgpu_device_init+0x11c8/0x17a0 [amdgpu]',
  'amdgpu_driver_load_kms+0x28/0x1a0 [amdgpu]', 'amdgpu_pci_probe+0x1a4/0x3e0 [amdgpu]', 'local_pci_probe+0x48/0xb8',
  'pci_device_probe+0x1d4/0x200', 'really_probe+0x1b8/0x408', '__driver_probe_device+0x84/0x160',
  'driver_probe_device+0x44/0x120', '__driver_attach+0xf8/0x200', 'bus_for_each_dev+0x78/0xd8',
  'driver_attach+0x2c/0x38', 'bus_add_driver+0x16c/0x248', 'driver_register+0x80/0x138',
  '__pci_register_driver+0x50/0x60', 'amdgpu_init+0x6c/0x1000 [amdgpu]', 'do_one_initcall+0x60/0x2d0',
  'do_init_module+0x50/0x1f0', 'load_module+0x1c7c/0x2140', '__do_sys_finit_module+0xac/0x110',
  '__arm64_sys_finit_module+0x28/0x38', 'invoke_syscall+0x50/0x120', 'el0_svc_common.constprop.0+0x4c/0xf8',
  'do_el0_svc+0x34/0xc8', 'el0_svc+0x2c/0x88', 'el0t_64_sync_handler+0xb8/0xc0', 'el0t_64_sync+0x18c/0x190',
];

const FREE_FRAMES = [
  // John Hubbard's teardown path (seed thread), then the module-unload path of a 6.1 kernel.
  'vmemmap_free+0x34/0x88', 'section_deactivate+0x1a4/0x2d8', 'sparse_remove_section+0x58/0x78',
  '__remove_pages+0x84/0xc8', 'memunmap_pages+0x148/0x1d8', 'devm_action_release+0x1c/0x30',
  'release_nodes+0x68/0xb0', 'devres_release_all+0x98/0xe8', 'device_unbind_cleanup+0x20/0x70',
  'device_release_driver_internal+0x218/0x248', 'driver_detach+0x58/0xa8', 'bus_remove_driver+0x68/0xd0',
  'driver_unregister+0x38/0x68', 'pci_unregister_driver+0x2c/0xa0', 'amdgpu_exit+0x20/0xe38 [amdgpu]',
  '__arm64_sys_delete_module+0x1a8/0x288', 'invoke_syscall+0x50/0x120', 'el0_svc_common.constprop.0+0x4c/0xf8',
  'do_el0_svc+0x34/0xc8', 'el0_svc+0x2c/0x88', 'el0t_64_sync_handler+0xb8/0xc0', 'el0t_64_sync+0x18c/0x190',
];

/**
 * WARNING storms of `vmemmap_populate` (driver load) then `vmemmap_free` (unload) over one device-private region,
 * one splat per sparsemem section, as in the seed thread.
 *
 * The region is the first `request_free_mem_region()` allocation: it ends at 1 << PA_BITS and spans `sections`
 * sections of 1 << 27 bytes. The seed's page 0xffffffffaee00000 (pfn 0xffec38000) is 633 sections below 2^48:
 * (2^48 - 0xffec38000000) / 2^27 = 0x13c8000000 / 0x8000000 = 633.
 */
export class VmemmapStorm {
  /** @param {import('./mulberry32.mjs').Mulberry32} rng */
  constructor(rng, sections) {
    this.rng = rng;
    this.sections = sections;
    const pfnsPerSection = 1n << (E3_48_4K.sectionShift - E3_48_4K.pageShift);
    /** memmap bytes per section: 2^(27-12) pages * 64 = 0x200000, the step between splats. */
    this.memmapPerSection = pfnsPerSection * E3_48_4K.structPageSize;
    this.firstPfn = ((1n << E3_48_4K.physBits) >> E3_48_4K.pageShift) - BigInt(sections) * pfnsPerSection;
    this.firstPage = pfnToPage(this.firstPfn);
    this.index = 0;
    this.op = 'populate';
    this.newTask();
  }

  newTask() {
    this.cpu = this.rng.int(0, 3);
    this.pid = this.rng.int(300, 30000);
  }

  /** The next splat's messages; the storm wraps from populate to free and back (driver reloads). */
  nextSplat(tainted) {
    const start = this.firstPage + BigInt(this.index) * this.memmapPerSection;
    const end = start + this.memmapPerSection;
    const lines = this.op === 'populate' ? this.populateSplat(start, end, tainted) : this.freeSplat(start, end, tainted);
    if (++this.index === this.sections) {
      this.index = 0;
      this.op = this.op === 'populate' ? 'free' : 'populate';
      this.newTask();
    }
    return lines;
  }

  populateSplat(start, end, tainted) {
    // x0/x1 = start/end (AAPCS64 arguments, WARN is the first statement); x2 = node 0; x3 = altmap NULL;
    // x4 holds VMEMMAP_END for the `end > VMEMMAP_END` compare.
    const fixed = new Map([[0, start], [1, end], [2, 0n], [3, 0n], [4, E3_48_4K.vmemmapEnd]]);
    return this.splat('arch/arm64/mm/mmu.c:1197', 'modprobe', '(+)', POPULATE_FRAMES, fixed, tainted);
  }

  freeSplat(start, end, tainted) {
    // vmemmap_free keeps start/end in callee-saved x19/x20 for the calls after the WARN.
    const fixed = new Map([[0, start], [1, end], [19, start], [20, end], [4, E3_48_4K.vmemmapEnd]]);
    return this.splat('arch/arm64/mm/mmu.c:1209', 'rmmod', '(-)', FREE_FRAMES, fixed, tainted);
  }

  splat(site, comm, marker, frames, fixed, tainted) {
    const [pc, lr] = frames;
    return [
      '------------[ cut here ]------------',
      `WARNING: CPU: ${this.cpu} PID: ${this.pid} at ${site} ${pc}`,
      modulesLinkedIn('amdgpu', marker),
      cpuLine(this.cpu, this.pid, comm, tainted),
      `Hardware name: ${MACHINE.hardware}`,
      ...registerDump(this.rng, { pstate: PSTATE_WARN, pc, lr, sp: stackPointer(this.rng), fixed }),
      'Call trace:',
      ...frames.map((f) => ` ${f}`),
      '---[ end trace 0000000000000000 ]---',
    ];
  }
}
