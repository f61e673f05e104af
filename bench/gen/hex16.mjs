/** A u64 as the kernel prints it with `%016llx`. */
export function hex16(value) {
  return value.toString(16).padStart(16, '0');
}
