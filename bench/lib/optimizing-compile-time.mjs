import { spawn } from 'node:child_process';
import readline from 'node:readline';

/** `[completed compiling 0x… <JSFunction f (sfi = 0x…)> (target TURBOFAN) - took 0.022, 3.247, 0.021 ms]` */
const COMPILED = /^\[completed compiling .* - took ([\d.]+), ([\d.]+), ([\d.]+) ms\]/;

/**
 * Runs `node --trace-opt ARGS` (the command's own stdout must go elsewhere, e.g. `-o /dev/null`) and adds up what
 * V8's optimizing compiler (TurboFan) reports per function: the time on the compiler's background thread (the
 * middle figure) and the count. That work is done again by every isolate: a process, or a worker thread.
 * Resolves undefined when the trace has no such lines (another Node may word it differently).
 * @param {string[]} args
 * @returns {Promise<{ seconds: number, functions: number } | undefined>}
 */
export async function optimizingCompileTime(args) {
  const child = spawn(process.execPath, ['--trace-opt', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  let ms = 0;
  let functions = 0;
  for await (const line of readline.createInterface({ input: child.stdout })) {
    const m = COMPILED.exec(line);
    if (!m) continue;
    ms += Number(m[2]);
    functions += 1;
  }
  const code = await new Promise((resolve) => child.on('close', resolve));
  return code === 0 && functions > 0 ? { seconds: ms / 1000, functions } : undefined;
}
