import type { Provenance } from './types.js';

const KIND_TEXT: Readonly<Record<Provenance['kind'], string>> = {
  log: 'log',
  register: 'register',
  'version-default': 'kernel-version default',
  user: 'user',
  config: 'kernel config',
  heuristic: 'heuristic',
  default: 'default',
};

/** `log line 14: Linux version 6.1.0 ...`, `register x4 (line 40): ...`, `user: --va-bits 48`. */
export function provenanceText(p: Provenance): string {
  const where = [p.reg, p.lineNo !== undefined ? `line ${p.lineNo}` : undefined].filter((x) => x !== undefined).join(', ');
  const head = where ? `${KIND_TEXT[p.kind]} (${where})` : KIND_TEXT[p.kind];
  return p.text ? `${head}: ${p.text}` : head;
}
