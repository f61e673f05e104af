/**
 * The one synthetic machine every generated log describes: an arm64 6.1.0 board (48-bit VA, 4K pages, so the E3
 * layout) with DRAM at 0x80000000 (a 1 GiB-aligned base, so memstart_addr = 0x80000000) and an amdgpu card.
 */
export const MACHINE = {
  release: '6.1.0',
  build: '#1',
  model: 'Marvell 8040 MACCHIATOBin Double-shot',
  hardware: 'Marvell 8040 MACCHIATOBin Double-shot (DT)',
  dramStart: 0x8000_0000n,
  /** 32 GiB of DRAM: inclusive end 0x87fffffff. */
  dramEnd: 0x8_7fff_ffffn,
  modules: [
    'amdgpu', 'drm_ttm_helper', 'ttm', 'iommu_v2', 'gpu_sched', 'drm_buddy', 'drm_display_helper', 'cec',
    'mvpp2', 'phylink', 'marvell10g', 'armada_thermal', 'ahci_mvebu', 'xhci_plat_hcd', 'sdhci_xenon_driver',
    'ip_tables', 'x_tables', 'ipv6',
  ],
};

/** `Modules linked in:` as printed, `marker` being `(+)` while a module loads, `(-)` while it unloads. */
export function modulesLinkedIn(loading, marker) {
  const names = MACHINE.modules.map((m) => (m === loading ? `${m}${marker}` : m));
  return `Modules linked in: ${names.join(' ')}`;
}

/** The `CPU: ... Comm: ... Tainted:` line of a 6.1 splat. */
export function cpuLine(cpu, pid, comm, tainted) {
  const taint = tainted ? 'Tainted: G        W         ' : 'Not tainted';
  return `CPU: ${cpu} PID: ${pid} Comm: ${comm} ${taint} ${MACHINE.release} ${MACHINE.build}`;
}
