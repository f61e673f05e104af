/** `Hardware name: linux,dummy-virt (DT)` → the machine name as printed. */
export function parseHardwareLine(text: string): string | undefined {
  return /^Hardware name: (.+?)\s*$/.exec(text)?.[1];
}
