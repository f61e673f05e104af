/**
 * The WebAssembly module a `*-binary.ts` embeds (base64), or undefined where the runtime cannot compile it (no
 * WebAssembly SIMD; bytes that are no module fail the same way): the caller then does the work another way.
 */
export function compileEmbedded(base64: string): WebAssembly.Module | undefined {
  try {
    return new WebAssembly.Module(Buffer.from(base64, 'base64'));
  } catch {
    return undefined;
  }
}
