// The part of the WebAssembly JS API this project uses: @types/node 20 declares none of it, and lib "dom" would
// bring in the whole browser.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    /** Adds `pages` of 64 KiB; returns the previous size in pages. Detaches the old `buffer`. */
    grow(pages: number): number;
  }
}
