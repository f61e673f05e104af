import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { tempDir } from './_temp-dirs.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** How the tests compile a module as a consumer's ES module would be: NodeNext, strict, nothing emitted. */
export const CONSUMER_COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

/**
 * The type errors a TypeScript consumer of the package meets in `source`, a module that imports the library as
 * `'vmemwarn'`: checked against dist/index.d.ts, the declarations the package ships (jest's global setup rebuilds
 * dist/), strict, under NodeNext as a consumer's ES module. Each error as `TS2345: message`; none for a good source.
 */
export function consumerTypeErrors(source: string): string[] {
  const dir = tempDir('consumer-types');
  const file = path.join(dir, 'consumer.mts');
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    ...CONSUMER_COMPILER_OPTIONS,
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
    types: ['node'],
    paths: { vmemwarn: [path.join(ROOT, 'dist/index.d.ts')] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}
