import { readFileSync } from 'node:fs';
import os from 'node:os';

/** What the numbers were measured on: CPU model (from /proc/cpuinfo when readable), cores, RAM, Node version. */
export function machineInfo() {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
    // x86 prints `model name`; arm64 prints no model name, only `CPU implementer`/`CPU part`.
    const name = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1];
    const part = /^CPU part\s*:\s*(.+)$/m.exec(cpuinfo)?.[1];
    cpuModel = name ?? (part ? `arm64 CPU part ${part}` : cpuModel);
  } catch {
    // Not Linux: os.cpus() is all there is.
  }
  return {
    cpuModel,
    cores: os.availableParallelism(),
    ramGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    /** 1-minute load average when the run started: other work on the machine skews the timings. */
    loadAtStart: os.loadavg()[0],
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}
