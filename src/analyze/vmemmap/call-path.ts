import type { Frame } from '../../parse/types.js';

/**
 * The functions of the hot-add/hot-remove chains that reach the arm64 vmemmap WARN (mm/memremap.c,
 * mm/memory_hotplug.c, mm/sparse.c, mm/sparse-vmemmap.c), in call order within each chain.
 */
const CHAIN_FUNCTIONS = new Set([
  // device memory: devm_memremap_pages → memremap_pages → pagemap_range → (add_pages | arch_add_memory) → __add_pages
  'devm_memremap_pages',
  'memremap_pages',
  'pagemap_range',
  'add_pages',
  'arch_add_memory',
  '__add_pages',
  'sparse_add_section',
  'section_activate',
  'populate_section_memmap',
  '__populate_section_memmap',
  'vmemmap_populate',
  'memmap_init_zone_device',
  '__init_zone_device_page',
  // generic hotplug
  'add_memory',
  '__add_memory',
  'add_memory_resource',
  'add_memory_driver_managed',
  // hot-remove: memunmap_pages → pageunmap_range → __remove_pages → … → vmemmap_free
  'devm_memremap_pages_release',
  'memunmap_pages',
  'pageunmap_range',
  'arch_remove_memory',
  'remove_memory',
  'try_remove_memory',
  '__remove_pages',
  '__remove_section',
  'sparse_remove_section',
  'section_deactivate',
  'depopulate_section_memmap',
  'vmemmap_free',
]);

/** The chain as the trace shows it, outermost caller first: `memremap_pages → pagemap_range → … → vmemmap_populate`. */
export function callPath(frames: readonly Frame[]): string | undefined {
  const chain = frames
    .filter((f) => !f.unreliable && f.func !== undefined && CHAIN_FUNCTIONS.has(f.func))
    .map((f) => f.func!);
  if (chain.length === 0) return undefined;
  return chain.reverse().join(' → ');
}

/** memremap_pages adds MEMORY_DEVICE_PRIVATE with add_pages(); every other pgmap type goes through arch_add_memory(). */
export function showsDevicePrivatePath(frames: readonly Frame[]): boolean {
  const funcs = new Set(frames.map((f) => f.func));
  return funcs.has('pagemap_range') && !funcs.has('arch_add_memory');
}
