import type { PrefixFields } from './prefix-rules.js';
import { stripAnsi } from './prefix-ansi.js';

interface LavaLogLine {
  dt?: unknown;
  lvl?: unknown;
  msg?: unknown;
}

/**
 * LAVA writes its log with PyYAML (`yaml_safe_dump(default_style='"')`, lava_common/log.py): a double-quoted YAML
 * scalar is JSON but for the escapes YAML has and JSON lacks, which PyYAML uses for NUL, ESC and every non-ASCII
 * character (`\0`, `\e`, `\xB5`, `\u00b5`, `\U0001F600`, `\N`, `\_`, `\L`, `\P`).
 */
const YAML_ESCAPE = /\\(x[0-9A-Fa-f]{2}|U[0-9A-Fa-f]{8}|[\s\S])/g;
const MAX_CODE_POINT = 0x10ffff;
const YAML_ONLY_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\\u0000',
  a: '\\u0007',
  v: '\\u000b',
  e: '\\u001b',
  ' ': ' ',
  '\t': '\\t',
  N: '\\u0085',
  _: '\\u00a0',
  L: '\\u2028',
  P: '\\u2029',
};

/** The mapping as JSON, or with its YAML-only escapes rewritten as JSON ones; undefined when neither parses. */
function parseFlowMapping(mapping: string): LavaLogLine | undefined {
  try {
    return JSON.parse(mapping) as LavaLogLine;
  } catch {
    if (!mapping.includes('\\')) return undefined;
  }
  const json = mapping.replace(YAML_ESCAPE, (escape: string, code: string) => {
    if (code.length === 3) return `\\u00${code.slice(1)}`;
    if (code.length === 9) {
      // Past U+10FFFF PyYAML fails (`chr`), and so does the JSON the escape is left as: the line is no LAVA entry. As
      // String.fromCodePoint's RangeError it had stopped the read.
      const codePoint = Number.parseInt(code.slice(1), 16);
      return codePoint > MAX_CODE_POINT ? escape : JSON.stringify(String.fromCodePoint(codePoint)).slice(1, -1);
    }
    return YAML_ONLY_ESCAPES[code] ?? escape;
  });
  try {
    return JSON.parse(json) as LavaLogLine;
  } catch {
    return undefined;
  }
}

/**
 * One LAVA `output.yaml` entry, `- {"dt": "...", "lvl": "target", "msg": "..."}`: the flow mapping is JSON.
 * Only `lvl: target` is the device's console; every other level is LAVA's own output. Returns the message, or
 * undefined when the mapping is not valid JSON (then the line is left alone).
 */
export function takeLavaLine(mapping: string, into: PrefixFields): string | undefined {
  const entry = parseFlowMapping(mapping);
  if (entry === null || typeof entry !== 'object' || !('msg' in entry)) return undefined;
  if (typeof entry.dt === 'string') into.wallTime ??= entry.dt;
  if (entry.lvl !== 'target') into.foreign = true;
  const msg = typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry.msg);
  // NUL bytes are dropped from raw input (LineBreakNormalizer); a console NUL LAVA escaped as `\0` goes the same way.
  return stripAnsi(msg.includes('\0') ? msg.replaceAll('\0', '') : msg);
}
