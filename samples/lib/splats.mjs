import { hex16, registerLines } from './dmesg.mjs';

/** `CPU: ... Comm: ... <taint> <release> #<build>` as lib/dump_stack.c prints it before 6.11 (no UID field). */
function cpuLine(t) {
  const taint = t.tainted ? `Tainted: G        W${t.moduleTaint ? '  O' : '   '}      ` : 'Not tainted';
  return `CPU: ${t.cpu} PID: ${t.pid} Comm: ${t.comm} ${taint} ${t.release} #1`;
}

function registerDump(d, t, regs) {
  d.line(`pstate: ${t.pstate} (nZCv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)`);
  d.line(`pc : ${t.pc}`);
  d.line(`lr : ${t.lr}`);
  d.line(`sp : ${hex16(regs[31])}`);
  for (const l of registerLines(regs)) d.line(l);
}

function callTrace(d, frames) {
  d.line('Call trace:');
  for (const f of frames) d.line(` ${f}`);
}

/** A WARN_ON splat as lib/bug.c + __warn() print it on arm64 (6.x): cut here, header, modules, CPU, regs, trace. */
export function warningSplat(d, t, regs) {
  d.line('------------[ cut here ]------------', 3);
  d.line(`WARNING: CPU: ${t.cpu} PID: ${t.pid} at ${t.site}`, 3);
  d.line(`Modules linked in: ${t.modules}`);
  d.line(cpuLine(t));
  d.line(`Hardware name: ${t.hardware}`);
  registerDump(d, t, regs);
  callTrace(d, t.frames);
  d.line('---[ end trace 0000000000000000 ]---', 50);
}

/** arm64 die_kernel_fault() + show_pte() + die(): the paging-request Oops with its abort decode and page-table walk. */
export function pagingOops(d, t, regs) {
  d.line(`Unable to handle kernel paging request at virtual address ${hex16(t.address)}`);
  d.line('Mem abort info:');
  d.line('  ESR = 0x0000000096000044');
  d.line('  EC = 0x25: DABT (current EL), IL = 32 bits');
  d.line('  SET = 0, FnV = 0');
  d.line('  EA = 0, S1PTW = 0');
  d.line('  FSC = 0x04: level 0 translation fault');
  d.line('Data abort info:');
  d.line('  ISV = 0, ISS = 0x00000044, ISS2 = 0x00000000');
  d.line('  CM = 0, WnR = 1, TnD = 0, TagAccess = 0');
  d.line('  GCS = 0, Overlay = 0, DirtyBit = 0, Xs = 0');
  d.line(`${t.pgtable} pgtable: ${t.pageKiB}k pages, ${t.vaBits}-bit VAs, pgdp=${hex16(t.pgdp)}`);
  d.line(`[${hex16(t.address)}] pgd=0000000000000000, p4d=0000000000000000`);
  d.line('Internal error: Oops: 0000000096000044 [#1] PREEMPT SMP');
  d.line(`Modules linked in: ${t.modules}`);
  d.line(cpuLine(t));
  d.line(`Hardware name: ${t.hardware}`);
  registerDump(d, t, regs);
  callTrace(d, t.frames);
  d.line('Code: f9000c1f f900101f b900341f f900081f (f900001f)');
  d.line('---[ end trace 0000000000000000 ]---');
}
