/** `Hardware name: linux,dummy-virt (DT)` → the machine name as printed. */
export function parseHardwareLine(text: string): string | undefined {
  return text.startsWith('Hardware name: ') ? text.slice('Hardware name: '.length).trimEnd() || undefined : undefined;
}
