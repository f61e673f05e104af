import type { Splat } from '../../parse/types.js';
import { archOfSplat } from '../detect-arch.js';
import type { VmemmapOp } from '../types.js';
import { faultAddress } from './fault-address.js';
import { withoutClone } from '../../parse/frame-skip.js';
import { checkSplat } from '../../parse/check-splat.js';

const WARN_SITES: Readonly<Record<string, VmemmapOp>> = {
  vmemmap_populate: 'populate',
  vmemmap_free: 'free',
};

/** 6.9+ (E4): the struct pages of a wrapped range sit at user-half addresses, and the first write faults here. */
const ZONE_DEVICE_INIT = new Set(['__init_zone_device_page', 'memmap_init_zone_device']);

const USER_HALF_END = 1n << 63n;

/**
 * Which vmemmap operation an arm64 splat reports: the `WARN_ON((start < VMEMMAP_START) || (end > VMEMMAP_END))` in
 * arch/arm64/mm/mmu.c `vmemmap_populate`/`vmemmap_free`, or the paging-request Oops that follows it on 6.9+.
 * Other architectures' vmemmap splats return undefined: the arm64 layout model does not apply to them.
 */
export function isVmemmapSplat(s: Splat): VmemmapOp | undefined {
  checkSplat('isVmemmapSplat', s);
  return isVmemmapSplatUnchecked(s);
}

/** `isVmemmapSplat` without the check of its argument: a cluster's, for its splats. */
export function isVmemmapSplatUnchecked(s: Splat): VmemmapOp | undefined {
  if (!isArm64(s)) return undefined;
  if (s.kind === 'warning') return warnOp(s);
  return isZoneDeviceFault(s) ? 'init-zone-device' : undefined;
}

function isArm64(s: Splat): boolean {
  const arch = archOfSplat(s);
  if (arch !== undefined) return arch === 'arm64';
  return s.pstate !== undefined || [...s.regs.keys()].some((r) => /^x\d+$/.test(r));
}

function warnOp(s: Splat): VmemmapOp | undefined {
  if (s.site.file !== undefined && !s.site.file.endsWith('arch/arm64/mm/mmu.c')) return undefined;
  const fn = s.site.func ?? s.pc?.func;
  return fn === undefined ? undefined : WARN_SITES[withoutClone(fn)];
}

function isZoneDeviceFault(s: Splat): boolean {
  if (!/paging request/i.test(`${s.title} ${s.header}`)) return false;
  const firstFrame = s.frames.find((f) => !f.unreliable)?.func;
  // GCC's clones keep the name before a suffix: `__init_zone_device_page.constprop.0` (an Ampere Altra Oops, 6.8).
  const inInit = [s.pc?.func, s.site.func, firstFrame].some((fn) => fn !== undefined && ZONE_DEVICE_INIT.has(withoutClone(fn)));
  if (!inInit) return false;
  const addr = faultAddress(s);
  return addr === undefined || addr < USER_HALF_END;
}
