import type { Frame } from '../../parse/types.js';
import type { Layout } from '../../layout/types.js';
import { hex, orderBase2, toS64, u64 } from '../../layout/u64.js';
import { warnOriginText, warnPredatesNote } from '../../layout/vmemmap-warn-history.js';
import { belowWindowMappings } from '../../layout/below-window.js';
import { ttbr0VaBits } from '../../layout/ttbr0-reach.js';
import { linearMapPhysEnd, linearMapPhysText } from '../../layout/linear-map.js';
import { shapeLabel, shapeOf } from '../../layout/hypotheses.js';
import type { VmemmapFinding, VmemmapOp } from '../types.js';
import { callPath, showsDevicePrivatePath } from './call-path.js';
import { identifyDriver } from './identify-driver.js';
import { nextSteps } from './next-steps.js';
import { kernelSlotOf, slotText } from './kernel-slot.js';
import type { ReconstructedFields } from './reconstruct.js';

export interface DiagnoseInput {
  op: VmemmapOp;
  splatCount: number;
  /** Of those, the splats whose registers gave their range. */
  readCount: number;
  frames: readonly Frame[];
  layout: Layout;
  r: ReconstructedFields;
  /** First physical address the vmemmap window does not cover. */
  linearMapPhysEnd: bigint;
  /** PFNs rest on an assumed memstart, not on one read from the log or anchored. */
  relativePfns: boolean;
}

export type Diagnosis = Pick<VmemmapFinding, 'diagnosis' | 'path' | 'driver' | 'family' | 'consequence' | 'nextSteps'>;

const POSITION_TEXT: Record<string, string> = {
  'above-window': 'above the window, in the gap between VMEMMAP_END and 2^64',
  'wraps-to-user': 'past 2^64, wrapped into the user half of the address space',
  straddles: 'partly outside the window, or on both sides of it',
  inside: 'inside the window',
};

/** The finding in words, for a kernel developer reading a ticket: what, who, where, why, and what happens. */
export function diagnose(i: DiagnoseInput): Diagnosis {
  const driver = identifyDriver(i.frames);
  const devicePrivate = driver?.devicePrivate ?? showsDevicePrivatePath(i.frames);
  const family = familyOf(i, devicePrivate);
  const path = callPath(i.frames);
  return {
    diagnosis: sentence(i, driver?.name, path),
    ...(path !== undefined && { path }),
    ...(driver !== undefined && { driver: driver.name }),
    family,
    consequence: consequenceOf(i),
    nextSteps: nextSteps({
      op: i.op,
      devicePrivate,
      family,
      layout: i.layout,
      linearMapPhysEnd: i.linearMapPhysEnd,
      ...sideOf(i),
      ...(i.r.physHull !== undefined && !i.relativePfns && { physEnd: i.r.physHull.end }),
    }),
  };
}

function sideOf(i: DiagnoseInput): { side?: 'below' | 'above' } {
  if (i.r.aboveLinearMap) return { side: 'above' };
  return i.r.position === 'below-window' || i.r.position === 'straddles' ? { side: 'below' } : {};
}

function familyOf(i: DiagnoseInput, devicePrivate: boolean): string {
  if (devicePrivate) {
    return i.r.aboveLinearMap ? 'device-private memory placed above the linear map' : 'device-private memory outside the vmemmap window';
  }
  const pps = i.layout.constants.pagesPerSection;
  const misaligned = i.r.pfnHull !== undefined && (i.r.pfnHull.start % pps !== 0n || i.r.pfnHull.end % pps !== 0n);
  if (i.op === 'free' && misaligned && !i.r.aboveLinearMap) return 'misaligned hot-remove';
  return 'memory hotplug outside the vmemmap window';
}

function sentence(i: DiagnoseInput, driver: string | undefined, path: string | undefined): string {
  const c = i.layout.constants;
  const r = i.r;
  const verb = i.op === 'free' ? 'vmemmap_free was asked to unmap' : i.op === 'populate' ? 'vmemmap_populate was asked to map' : 'ZONE_DEVICE init wrote';
  const parts: string[] = [];
  const pages = r.pageHull ? `struct pages ${hex(r.pageHull.start)}-${hex(r.pageHull.end)}` : 'struct pages (no register gave a range)';
  let what = `${verb} ${pages}`;
  if (r.pfnHull && r.physHull) {
    const rel = i.relativePfns ? ', relative to an assumed memstart' : '';
    what += ` (pfn ${hex(r.pfnHull.start)}-${hex(r.pfnHull.end)}, phys ${hex(r.physHull.start)}-${hex(r.physHull.end)}, ${hex(r.physSizeBytes ?? 0n)} bytes in ${r.sectionsTouched} section(s)${rel})`;
  }
  if (driver) what += ` for ${driver}`;
  parts.push(`${what}.`);
  if (path) parts.push(`Path: ${path}.`);
  parts.push(
    `Under ${shapeLabel(shapeOf(i.layout))} (memstart ${hex(i.layout.memstart.value)}) ${windowText(i.layout)}; these pages are ${positionText(i)}` +
      `${i.op === 'init-zone-device' || r.warnArm === undefined || r.warnArm === 'none' ? '' : ` (${armText(r.warnArm)})`}.`,
  );
  const predates = i.op === 'init-zone-device' ? undefined : warnPredatesNote(i.op, i.layout.release?.value);
  if (predates !== undefined && !overlapsLinearMap(i)) parts.push(predates);
  return parts.join(' ');
}

/**
 * What the vmemmap window covers, and the linear map when it covers less. Before E4 the window is sized for
 * 2^STRUCT_PAGE_MAX_SHIFT-byte struct pages: with a size that is no power of two (80 bytes) it holds struct pages
 * past the linear map's end, which the WARN does not flag. From 5.11 a KASAN shadow ends the linear map early
 * (PAGE_END = KASAN_SHADOW_START) while VMEMMAP_SIZE is still sized from _PAGE_END(VA_BITS_MIN): the struct pages
 * of memory between the two ends lie inside the window and do not WARN either.
 */
function windowText(layout: Layout): string {
  const c = layout.constants;
  const memstart = layout.memstart.value;
  const linear = linearMapPhysText(c, memstart);
  const window = `the vmemmap window ${hex(c.vmemmapStart)}-${hex(c.vmemmapEnd)}`;
  const size = BigInt(layout.structPageSize.value);
  const sizedFor = 2 ** orderBase2(layout.structPageSize.value); // 2^STRUCT_PAGE_MAX_SHIFT
  const physOf = (page: bigint): bigint => {
    const index = toS64(u64(page - c.vmemmapBase)) / size;
    return index < 0n ? 0n : index << BigInt(layout.pageShift.value);
  };
  const windowPhysEnd = physOf(c.vmemmapEnd);
  if (windowPhysEnd <= linearMapPhysEnd(c, memstart)) return `${window} only covers ${linear} (the linear map)`;
  const shortened = layout.kasanShadow === undefined ? '' : ', shortened by the KASAN shadow (PAGE_END = KASAN_SHADOW_START),';
  if (layout.era.value !== 'E4' && sizedFor !== layout.structPageSize.value) {
    return `the linear map${shortened} covers ${linear}, and ${window}, sized for ${sizedFor}-byte struct pages, holds ${layout.structPageSize.value}-byte ones up to phys ${hex(windowPhysEnd)}`;
  }
  return `${window} covers phys ${hex(physOf(c.vmemmapStart))}-${hex(windowPhysEnd)}, and the linear map${shortened} only ${linear}`;
}

/**
 * Where the pages are, in words. Before 5.4 (E0, E0b, E1) the linear map starts at PAGE_OFFSET right above the
 * vmemmap window (E1 has no VMEMMAP_END: it is PAGE_OFFSET), so pages above the window there are in the linear map,
 * not in unused VA; those kernels had no such WARN either.
 */
function positionText(i: DiagnoseInput): string {
  // The WARN fires only outside the window; without a range read, that is all there is to say.
  if (i.r.position === undefined) return i.op === 'init-zone-device' ? 'not known: no address gave them' : 'outside it (the WARN fired), but no register dump said where';
  const position = i.r.position;
  if (overlapsLinearMap(i)) {
    return `above the window, in the linear map (PAGE_OFFSET ${hex(i.layout.constants.pageOffset)} and up; before 5.4 it lies right above vmemmap)`;
  }
  // What lies below the window depends on the era: PCI I/O and the fixmap sit above it up to 4.6 and from 6.9.
  if (position === 'below-window') return `below the window, over ${belowWindowMappings(i.layout)} mappings`;
  return POSITION_TEXT[position] ?? position;
}

/** Pages above the window of a pre-5.4 layout that reach PAGE_OFFSET, where the linear map begins. */
function overlapsLinearMap(i: DiagnoseInput): boolean {
  const era = i.layout.era.value;
  const end = i.r.pageHull?.end;
  return i.r.position === 'above-window' && (era === 'E0' || era === 'E0b' || era === 'E1') && end !== undefined && end > i.layout.constants.pageOffset;
}

/**
 * What the kernel's reads and writes of wrapped struct pages reach: TTBR0 translates [0, 2^N) with T0SZ = 64 - N
 * (ttbr0-reach.ts); a struct page at or above 2^N is in neither TTBR0's nor TTBR1's range, and faults.
 */
function wrappedAccessText(i: DiagnoseInput): string {
  const hull = i.r.pageHull;
  const { min, max } = ttbr0VaBits(i.layout);
  const inferredNote = '(inferred from the kernel\'s code, not seen in the log)';
  const throughTask =
    'through the current task\'s page table: that faults where nothing is mapped or PAN forbids it, and otherwise corrupts the task\'s memory';
  const bits = min === max ? `2^${min}` : `2^${min} (2^${max} on a CPU with 52-bit VAs)`;
  const noTable =
    `lies at or above ${bits}, beyond TTBR0's range (TCR_EL1.T0SZ = 64 - vabits_actual) and below TTBR1's: ` +
    'every access takes a translation fault (an Oops), and no task memory can be hit';
  if (hull !== undefined && hull.start >= 1n << BigInt(max)) {
    return `The kernel then reads and writes the struct pages at their user-half addresses, which no page table maps: each ${noTable} ${inferredNote}.`;
  }
  if (hull === undefined || hull.end <= 1n << BigInt(min)) {
    return `The kernel then reads and writes the struct pages at their user-half addresses, ${throughTask} ${inferredNote}.`;
  }
  return (
    `The kernel then reads and writes the struct pages at their user-half addresses: those below 2^${min} ${throughTask}; ` +
    `the rest ${noTable} ${inferredNote}.`
  );
}

/** The WARN's arms in words, for the diagnosis and the report's verdict. */
export const WARN_ARM_TEXT: Readonly<Record<'start-below' | 'end-above' | 'both', string>> = {
  'start-below': 'start < VMEMMAP_START',
  'end-above': 'end > VMEMMAP_END',
  // One call covers at most a section's memmap, far less than the window: the two arms are different calls'.
  both: 'start < VMEMMAP_START in some calls, end > VMEMMAP_END in others',
};

function armText(arm: VmemmapFinding['warnArm']): string {
  return WARN_ARM_TEXT[arm === 'both' || arm === 'start-below' ? arm : 'end-above'];
}

/** arm64's syscall entry frames, then and now: `__arm64_sys_ioctl`, `SyS_ioctl` (before 4.19), the el0_svc path. */
const SYSCALL_FRAME = /^(?:__arm64_(?:compat_)?sys_|__se_sys_|__do_sys_|SyS_)(\w+)$|^(?:invoke_syscall|el0_svc\w*|do_el0_svc\w*)$/;
/** A module being loaded or unloaded: the kernel's own frames, and the syscalls in any naming. */
const MODULE_FRAME = /^(?:do_init_module|load_module|do_one_initcall|free_module)$|(?:^|_)(?:f?init_module|delete_module)$/;

/**
 * When the cost falls: at driver load or unload, unless the trace shows a system call other than a module's load or
 * unload, as when test_hmm or nouveau add device memory chunk by chunk on demand, from a migration ioctl: then the
 * first such calls are slow.
 */
function phaseOf(i: DiagnoseInput): string {
  const reliable = i.frames.filter((f) => f.func !== undefined && !f.unreliable).map((f) => f.func!);
  const setup = i.op === 'populate' ? 'setup (driver load)' : 'teardown (driver unload)';
  if (reliable.some((f) => MODULE_FRAME.test(f))) return setup;
  let syscall: string | undefined;
  for (const f of reliable) {
    const m = SYSCALL_FRAME.exec(f);
    if (!m) continue;
    syscall = m[1];
    if (syscall !== undefined) break;
    syscall = 'a system call';
  }
  if (syscall === undefined) return setup;
  const call = syscall === 'a system call' ? syscall : `the ${syscall} system call`;
  return i.op === 'populate' ? `first use (memory added on demand, in ${call})` : `teardown (in ${call})`;
}

function consequenceOf(i: DiagnoseInput): string {
  if (i.op === 'init-zone-device') {
    return 'Oops: the first write to a wrapped struct page faults in __init_zone_device_page; the device memory never comes up (6.9+ layout).';
  }
  const phase = phaseOf(i);
  // Sections come from the ranges read: a splat whose registers a console dropped adds its count, not its section.
  const unread = i.readCount < i.splatCount ? ` in the ${i.readCount} splat(s) whose registers were read` : '';
  const sections = i.r.sectionsTouched === undefined ? '' : ` (${i.r.sectionsTouched} section(s)${unread})`;
  const storm = `${i.splatCount} WARNING splat(s), one per section${sections}: slow ${phase}`;
  if (i.r.position === undefined) return `${storm}; no register dump gave the range, so what the struct pages overlap is not known.`;
  const start = i.r.pageHull?.start;
  const slot = !i.r.wrapped || start === undefined ? undefined : kernelSlotOf(start, i.layout);
  if (i.r.wrapped && i.op === 'free') {
    // vmemmap_free goes on past its WARN_ON: unmap_hotplug_range() walks from pgd_offset_k() as populate did.
    return (
      `${storm}; the struct pages sit at user-half addresses: teardown walks the kernel page table at the slot of ` +
      `${slot === undefined ? 'a kernel VA' : `kernel VA ${hex(slot)}`} (pgd_index masks the address) and clears and frees ` +
      `what is mapped there: the entries populate put there, or another kernel mapping that shares the slot.`
    );
  }
  if (i.r.wrapped) {
    // vmemmap_populate maps through pgd_offset_k(), whose pgd_index() masks the address: the entries land in the
    // kernel page table at the slot of a kernel VA. The struct pages themselves are then read and written at their
    // user-half addresses, through TTBR0 (the current task's tables) below 2^vabits_actual; above it, through none.
    const where =
      slot === undefined
        ? 'at the slot of a kernel VA (pgd_index masks the address)'
        : `at the slot of kernel VA ${hex(slot)} (pgd_index masks the address), ${slotText(slot, i.layout)}`;
    return `${storm}; the struct pages sit at user-half addresses: populate puts their entries into the kernel page table ${where}. ${wrappedAccessText(i)}`;
  }
  if (i.r.position === 'below-window') return `${storm}; the struct pages overlap other kernel mappings and can corrupt them.`;
  if (i.layout.era.value === 'E4') return `${storm}; above VMEMMAP_END only 1 GiB is left (PCI I/O, fixmap): expect a fault.`;
  if (overlapsLinearMap(i)) {
    return (
      `${storm}; the struct pages land in the linear map, over the kernel's own mapping of RAM: populate keeps the ` +
      `entries it finds there, so the struct pages are written over the RAM they map, and teardown unmaps it. Upstream vmemmap_${i.op} has this WARN only from ${warnOriginText(i.op)}, after ` +
      `these layouts (before 5.4): a backport, or the layout is off.`
    );
  }
  return `${storm}; the struct pages live in VA no one else uses yet, so it works by accident.`;
}
