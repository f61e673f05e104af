const X_REG = /^x(\d+)$/;

/**
 * Register names in arm64 dump order: `x30` … `x0` first (show_regs() prints from x29 down, lr is x30), then the
 * other names in the order the log printed them (x86 and 32-bit arm dumps use other names).
 */
export function registerOrder(names: Iterable<string>): string[] {
  const numbered: { name: string; n: number }[] = [];
  const others: string[] = [];
  for (const name of names) {
    const m = X_REG.exec(name);
    if (m) numbered.push({ name, n: Number(m[1]) });
    else others.push(name);
  }
  numbered.sort((a, b) => b.n - a.n);
  return [...numbered.map((r) => r.name), ...others];
}
