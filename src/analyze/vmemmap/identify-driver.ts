import type { Frame } from '../../parse/types.js';
import { BoundedMemo } from '../../util/bounded-memo.js';

export interface DriverMatch {
  name: string;
  /** The driver hands out MEMORY_DEVICE_PRIVATE ranges from request_free_mem_region(). */
  devicePrivate: boolean;
}

interface DriverRow extends DriverMatch {
  funcs?: RegExp;
  module?: string;
}

/**
 * One row per known caller; the first row that matches a frame names the driver. `{func}` in a name is the frame that
 * matched: amdgpu's range is set up by kgd2kfd_init_zone_device on some releases and by svm_migrate_init on others.
 */
const DRIVERS: readonly DriverRow[] = [
  { name: 'amdgpu KFD SVM ({func})', devicePrivate: true, funcs: /^(kgd2kfd_|kfd_|svm_migrate_)/, module: 'amdgpu' },
  { name: 'nouveau dmem', devicePrivate: true, funcs: /^nouveau_dmem_/, module: 'nouveau' },
  { name: 'HMM test driver (test_hmm, dmirror)', devicePrivate: true, funcs: /^dmirror_/, module: 'test_hmm' },
  // drivers/gpu/drm/xe/xe_svm.c (6.15): xe_devm_add() remaps each tile's VRAM as MEMORY_DEVICE_PRIVATE.
  { name: 'Intel Xe SVM ({func})', devicePrivate: true, funcs: /^xe_(devm_add|svm_)/, module: 'xe' },
  // NVIDIA's open kernel modules: uvm_pmm_devmem_init() takes a free region per GPU for its HMM device memory.
  { name: 'NVIDIA UVM HMM ({func})', devicePrivate: true, funcs: /^uvm_pmm_devmem/, module: 'nvidia_uvm' },
  // mm/hmm.c of 4.14-5.2: hmm_devmem_add() chose the region itself, downward from the top of MAX_PHYSMEM_BITS.
  { name: 'HMM device memory (hmm_devmem_add)', devicePrivate: true, funcs: /^hmm_devmem_add$/ },
  { name: 'dax kmem ({func})', devicePrivate: false, funcs: /^dev_dax_kmem_/, module: 'kmem' },
  { name: 'device DAX (dev_dax_probe)', devicePrivate: false, funcs: /^dev_dax_probe$/, module: 'device_dax' },
  { name: 'persistent memory (pmem_attach_disk)', devicePrivate: false, funcs: /^pmem_attach_disk$/, module: 'nd_pmem' },
  { name: 'PCI P2PDMA BAR (pci_p2pdma_add_resource)', devicePrivate: false, funcs: /^pci_p2pdma_add_resource$/ },
  { name: 'virtio-mem', devicePrivate: false, funcs: /^virtio_mem_/, module: 'virtio_mem' },
  { name: 'ACPI memory hotplug', devicePrivate: false, funcs: /^acpi_memory_/ },
  { name: 'generic memory hotplug ({func})', devicePrivate: false, funcs: /^(__)?add_memory(_resource|_driver_managed)?$/ },
];

/** Rows (a bit each, in DRIVERS order: it must stay under 31 rows) whose functions match a name, or whose module is a module's name; bounded. */
const rowsByFunc = new BoundedMemo<number>(4096);
const rowsByModule = new BoundedMemo<number>(256);

const funcMatches = (row: DriverRow, func: string): boolean => row.funcs?.test(func) === true;
const moduleMatches = (row: DriverRow, module: string): boolean => row.module === module;

/** The rows `key` `matches` (a bit each), looked up in `memo` first. */
function rowsMatching(memo: BoundedMemo<number>, key: string, matches: (row: DriverRow, key: string) => boolean): number {
  let rows = memo.get(key);
  if (rows === undefined) {
    rows = 0;
    DRIVERS.forEach((row, i) => {
      if (matches(row, key)) rows! |= 1 << i;
    });
    memo.set(key, rows);
  }
  return rows;
}

function rowsOfFrame(f: Frame): number {
  const byFunc = f.func === undefined ? 0 : rowsMatching(rowsByFunc, f.func, funcMatches);
  return byFunc | (f.module === undefined ? 0 : rowsMatching(rowsByModule, f.module, moduleMatches));
}

/**
 * The row of DRIVERS that names the driver of a trace, or -1: the first row any frame matches. Each frame's function
 * and module are looked up once (memoized), not every row's regex run over every frame: it runs for each splat of a
 * storm (ClusterAccumulator keys its findings by it).
 */
export function driverRowOf(frames: readonly Frame[]): number {
  let all = 0;
  for (const f of frames) all |= rowsOfFrame(f);
  return all === 0 ? -1 : 31 - Math.clz32(all & -all);
}

/** Which driver set up (or tore down) the range, from the call trace. */
export function identifyDriver(frames: readonly Frame[]): DriverMatch | undefined {
  const index = driverRowOf(frames);
  const row = DRIVERS[index];
  if (row === undefined) return undefined;
  const hit = frames.find((f) => (rowsOfFrame(f) & (1 << index)) !== 0);
  return { name: row.name.replace('{func}', hit?.func ?? row.module ?? ''), devicePrivate: row.devicePrivate };
}
