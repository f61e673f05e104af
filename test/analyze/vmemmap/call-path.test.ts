import { callPath, showsDevicePrivatePath } from '../../../src/analyze/vmemmap/call-path.js';
import { frames } from './make-splat.js';

describe('callPath', () => {
  test("Scott Phillips' amdgpu trace, outermost first, without the driver frames", () => {
    const f = frames('vmemmap_populate', '__populate_section_memmap', 'sparse_add_section', '__add_pages', 'pagemap_range', 'memremap_pages', 'devm_memremap_pages', 'kgd2kfd_init_zone_device [amdgpu]');
    expect(callPath(f)).toBe('devm_memremap_pages → memremap_pages → pagemap_range → __add_pages → sparse_add_section → __populate_section_memmap → vmemmap_populate');
    expect(showsDevicePrivatePath(f)).toBe(true);
  });

  test('hot-remove, and arch_add_memory marking a non-private pgmap', () => {
    expect(callPath(frames('vmemmap_free', 'section_deactivate', '__remove_pages', 'memunmap_pages'))).toBe('memunmap_pages → __remove_pages → section_deactivate → vmemmap_free');
    expect(showsDevicePrivatePath(frames('vmemmap_populate', 'arch_add_memory', 'pagemap_range', 'memremap_pages'))).toBe(false);
    expect(callPath(frames('clk_core_disable', 'clk_disable'))).toBeUndefined();
  });
});
