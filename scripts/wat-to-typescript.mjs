import wabtInit from 'wabt';

/** Compiles WebAssembly text to the TypeScript module that embeds it (base64), byte for byte reproducible. */
export async function watToTypeScript(watText, { exportName, sourceName }) {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat(sourceName, watText, { simd: true });
  try {
    parsed.validate();
    const { buffer } = parsed.toBinary({ log: false, write_debug_names: false });
    const base64 = Buffer.from(buffer).toString('base64');
    const lines = base64.match(/.{1,100}/g) ?? [];
    return [
      `// Generated from ${sourceName} by \`npm run build:wasm\`; do not edit.`,
      `export const ${exportName} =`,
      lines.map((l) => `  '${l}'`).join(' +\n') + ';',
      '',
    ].join('\n');
  } finally {
    parsed.destroy();
  }
}
