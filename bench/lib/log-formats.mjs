import { createReadStream, createWriteStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';

const PRINTK_LINE = /^\[ *(\d+)\.(\d+)\] (.*)$/;
/** util-linux dmesg colours a leading `subsystem:` (up to the first `: `, no space before it) apart from the text. */
const SUBSYSTEM = /^([^ :]+:)( .*)$/;
/** 2023-01-10T10:00:00Z: the wall clock of the boot the bench logs' printk times count from. */
const BOOT_EPOCH_US = 1673344800n * 1000000n;
const BOOT_ID = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A bench log (`[    1.234567] message` lines) as other tools capture the same kernel messages. Each function takes
 * the printk seconds and microseconds (as digit strings) and the message, and returns the line.
 */
export const LOG_FORMATS = {
  /** `dmesg --color=always`: the time green, a leading `subsystem:` yellow. */
  'dmesg --color=always': (secs, frac, msg, raw) => {
    const stamp = raw.slice(0, raw.length - msg.length);
    const m = SUBSYSTEM.exec(msg);
    return `\x1b[32m${stamp}\x1b[0m${m ? `\x1b[33m${m[1]}\x1b[0m${m[2]}` : msg}`;
  },
  /** `journalctl -k -o json`: one entry per line, with the fields journald gives a kernel message. */
  'journalctl -o json': (secs, frac, msg) => {
    const mono = BigInt(secs) * 1000000n + BigInt(frac.padEnd(6, '0').slice(0, 6));
    return JSON.stringify({
      __REALTIME_TIMESTAMP: String(BOOT_EPOCH_US + mono),
      __MONOTONIC_TIMESTAMP: String(mono),
      _BOOT_ID: BOOT_ID,
      _TRANSPORT: 'kernel',
      PRIORITY: '6',
      SYSLOG_FACILITY: '0',
      SYSLOG_IDENTIFIER: 'kernel',
      _SOURCE_MONOTONIC_TIMESTAMP: String(mono),
      _HOSTNAME: 'bench',
      MESSAGE: msg,
    });
  },
  /** `journalctl -k -o short-precise` (as syslog keeps kernel lines, to the microsecond). */
  'journalctl -o short-precise': (secs, frac, msg) => {
    const at = new Date(Number(BOOT_EPOCH_US / 1000n) + Number(secs) * 1000);
    const pad = (n) => String(n).padStart(2, '0');
    const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${frac.padEnd(6, '0').slice(0, 6)}`;
    return `${MONTHS[at.getUTCMonth()]} ${pad(at.getUTCDate())} ${time} bench kernel: ${msg}`;
  },
};

/** Bumped whenever a format's lines change, so that no file of an earlier version is reused. */
const FORMATS_VERSION = 1;

/** Cache file name of `source` in `format`. */
export function formatFileName(source, format) {
  return `${path.basename(source, '.log')}-${format.replace(/[^a-z0-9]+/gi, '-')}-f${FORMATS_VERSION}.log`;
}

/**
 * Writes `source` in `format` to `dir` (once: an existing file is reused) and returns its path. Lines without a
 * printk time are copied as they are.
 */
export async function ensureFormattedLog(source, format, dir) {
  const file = path.join(dir, formatFileName(source, format));
  if ((await stat(file).catch(() => undefined))?.isFile()) return file;
  const line = LOG_FORMATS[format];
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let carry = '';
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const convert = (l) => {
    const m = PRINTK_LINE.exec(l);
    return m ? line(m[1], m[2], m[3], l) : l;
  };
  for await (const chunk of createReadStream(source, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop() ?? '';
    await write(lines.map(convert).join('\n') + '\n');
  }
  if (carry !== '') await write(convert(carry));
  out.end();
  await once(out, 'finish');
  await rename(partial, file);
  return file;
}
