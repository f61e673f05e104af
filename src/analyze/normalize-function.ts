/**
 * Function names as a signature sees them: compiler clone suffixes and syscall wrappers removed, so the same
 * problem gets the same name across compilers, configs and architectures.
 */
const CLONE_SUFFIX = /(?:\.(?:isra|constprop|part|cold|llvm|lto_priv|clone|specialized)(?:\.\d+)?)+$/;
// __arm64_sys_read, __x64_sys_read, __se_sys_read, __do_sys_read ... → sys_read (syzkaller does the same).
const SYSCALL_WRAPPER = /^__(?:arm64|x64|ia32|x32|riscv|s390x|s390|do|se)_(compat_)?sys_/;

export function normalizeFunction(name: string): string {
  const bare = name.replace(CLONE_SUFFIX, '');
  const wrapper = SYSCALL_WRAPPER.exec(bare);
  if (wrapper) return `${wrapper[1] ?? ''}sys_${bare.slice(wrapper[0].length)}`;
  return bare;
}
