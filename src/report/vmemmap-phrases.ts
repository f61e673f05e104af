import type { VmemmapOp, WindowPosition } from '../analyze/types.js';
import { WARN_ARM_TEXT } from '../analyze/vmemmap/diagnose.js';
import type { HexRange, VmemmapReport } from './model-types.js';
import { plural } from './report-facts.js';
import { clipText } from './clip-text.js';

/** Code points of a release the verdict quotes: real ones are under 64 (`5.15.0-1019-nvidia`); a log may say anything. */
const RELEASE_CHARS = 80;

const OP_FUNCTION: Record<VmemmapOp, string> = {
  populate: 'vmemmap_populate',
  free: 'vmemmap_free',
  'init-zone-device': 'memmap_init_zone_device',
};

const POSITION: Record<WindowPosition, string> = {
  inside: 'inside the vmemmap window',
  'below-window': 'below the vmemmap window (under VMEMMAP_START)',
  'above-window': 'above the vmemmap window (past VMEMMAP_END)',
  'wraps-to-user': 'past the top of the address space, wrapping around to user addresses',
  straddles: 'in more than one place: across an edge of the vmemmap window, or on both sides of it',
};

const WARN_ARM: Record<NonNullable<VmemmapReport['warnArm']>, string> = {
  ...WARN_ARM_TEXT,
  none: 'neither condition under this layout',
};

export function opFunction(op: VmemmapOp): string {
  return OP_FUNCTION[op];
}

export function positionPhrase(p: WindowPosition): string {
  return POSITION[p];
}

export function warnArmPhrase(arm: NonNullable<VmemmapReport['warnArm']>): string {
  return WARN_ARM[arm];
}

/** `[0x…, 0x…)`: vmemmap ranges are end-exclusive. */
export function formatRange(r: HexRange): string {
  return `[${r.start}, ${r.end})`;
}

/** The finding in one sentence, with the release and driver it happened under, built from report fields. */
export function vmemmapVerdict(v: VmemmapReport): string {
  // The 6.9+ fault in memmap_init_zone_device is an Oops, not a WARN.
  const [one, many] = v.op === 'init-zone-device' ? ['Oops', 'Oopses'] : ['WARNING', 'WARNINGs'];
  const release = v.layout?.release && v.layout.release.source.kind !== 'default' ? ` of Linux ${clipText(v.layout.release.value, RELEASE_CHARS)}` : '';
  const driver = v.driver ? `, from ${v.driver}` : '';
  const what = `${plural(v.splatCount, `${opFunction(v.op)} ${one}`, `${opFunction(v.op)} ${many}`)} in boot ${v.bootIndex}${release}${driver}`;
  if (!v.pageHull) {
    return `${what}: the register dumps did not give a struct page range (${v.readCount} of ${v.splatCount} read).`;
  }
  const where = v.position ? ` lie ${positionPhrase(v.position)}` : '';
  const pfn = v.pfnHull ? `, PFNs ${formatRange(v.pfnHull)}` : '';
  const phys = v.physHull ? `, physical ${formatRange(v.physHull)}` : '';
  // PFNs and physical addresses under a memstart nothing gave are offsets from it, not addresses.
  const assumed = v.layout?.memstart.source.kind === 'default' && v.pfnHull ? ` (relative to memstart ${v.layout.memstart.value}, not in the log)` : '';
  const arm = v.warnArm ? `; the WARN fired on ${warnArmPhrase(v.warnArm)}` : '';
  return `${what}: struct pages ${formatRange(v.pageHull)}${where}${pfn}${phys}${assumed}${arm} (confidence ${v.confidence}).`;
}
