import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

/** The shared corpus, read in place (never copied into the repo). */
export const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
export const corpusAvailable = existsSync(CORPUS);

export function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function corpusFile(name: string): string {
  return path.join(CORPUS, name);
}

export interface TarEntry {
  name: string;
  data?: Buffer;
  type?: 'file' | 'symlink' | 'link' | 'directory';
  linkname?: string;
  mtime?: Date;
}

export async function tarBuffer(entries: readonly TarEntry[]): Promise<Buffer> {
  const p = pack();
  for (const e of entries) {
    if (e.type === 'symlink' || e.type === 'link') p.entry({ name: e.name, type: e.type, linkname: e.linkname ?? 'x' });
    else if (e.type === 'directory') p.entry({ name: e.name, type: 'directory' });
    else p.entry({ name: e.name, ...(e.mtime && { mtime: e.mtime }) }, e.data ?? Buffer.alloc(0));
  }
  p.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of p as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Compresses with a system binary (`xz`, `zstd`, `bzip2`). */
export function compressWith(tool: 'xz' | 'zstd' | 'bzip2', data: Buffer): Buffer {
  return execFileSync(tool, ['-c', '-q'], { input: data, maxBuffer: 64 * 1024 * 1024 });
}

/** Log names (as triage names them) → the plain corpus file holding the same text. */
export type Expectations = Map<string, string>;

/**
 * Builds the mixed tree of the end-to-end test under `root`:
 *   a/plain.txt, a/b/deep.log.gz, c.log.xz, d.log.zst, e.log.bz2 (xz/zstd/bzip2 only when the binary exists),
 *   logs.tar.gz (a member, a gzip member, a symlink, a `../` name, a nested tar), logs.zip (zip CLI),
 *   bad.gz (corrupt), truncated.tar, program.bin (ELF).
 */
export async function buildTree(root: string): Promise<{ expected: Expectations; missingTools: string[] }> {
  const expected: Expectations = new Map();
  const missingTools: string[] = [];
  const read = (name: string) => readFile(corpusFile(name));
  const clearfog = 'boot__clearfog-gt-8k_armada8040_5.8_debian_dmesg.txt';
  const rfkill = 'syzkaller__report_249__WARNING_in_rfkill_fop_read.txt';
  const beacon = 'syzkaller__report_743__WARNING_in_ieee80211_beacon_get.txt';
  const hikeyOops = 'squad__linux_log_parser_oops_arm64_hikey_4.4.89.txt';
  const juniper = 'kernelci-logspec__linux_boot_004_arm64_mt8183-juniper_6.6.33-rc1_LAVA.txt';
  const nfc = 'syzkaller__report_695__WARNING_in_nfc_llcp_unregister_device.txt';
  const foo = 'syzkaller__report_6__WARNING_foo.txt';
  const kfence = 'squad__linux_log_parser_kfence_arm64_hikey.txt';
  const rcu = 'syzkaller__report_527__WARNING_suspicious_RCU_usage_in_gc_worker.txt';

  await mkdir(path.join(root, 'a/b'), { recursive: true });
  const put = async (rel: string, data: Buffer, source?: string) => {
    await writeFile(path.join(root, rel), data);
    if (source) expected.set(path.join(root, rel), source);
  };
  await put('a/plain.txt', await read(clearfog), clearfog);
  await put('a/b/deep.log.gz', gzipSync(await read(rfkill)), rfkill);
  for (const [tool, rel, source] of [['xz', 'c.log.xz', beacon], ['zstd', 'd.log.zst', hikeyOops], ['bzip2', 'e.log.bz2', juniper]] as const) {
    if (hasTool(tool)) await put(rel, compressWith(tool, await read(source)), source);
    else missingTools.push(tool);
  }

  const inner = await tarBuffer([{ name: 'inner/foo.txt', data: await read(foo) }]);
  const tgz = path.join(root, 'logs.tar.gz');
  await put('logs.tar.gz', gzipSync(await tarBuffer([
    { name: 'x/', type: 'directory' },
    { name: 'x/nfc.txt', data: await read(nfc) },
    { name: 'x/kfence.txt.gz', data: gzipSync(await read(kfence)) },
    { name: 'x/link', type: 'symlink', linkname: '/etc/passwd' },
    { name: '../escape\x1b[31m.txt', data: await read(rcu) },
    { name: 'nested.tar', data: inner },
  ])));
  expected.set(`${tgz}:x/nfc.txt`, nfc);
  expected.set(`${tgz}:x/kfence.txt.gz`, kfence);
  expected.set(`${tgz}:../escape\\x1b[31m.txt`, rcu);
  expected.set(`${tgz}:nested.tar:inner/foo.txt`, foo);

  if (hasTool('zip')) {
    const staging = path.join(root, '..', `zip-staging-${path.basename(root)}`);
    await mkdir(staging, { recursive: true });
    await writeFile(path.join(staging, 'rfkill.txt'), await read(rfkill));
    await writeFile(path.join(staging, 'secret.txt'), await read(foo));
    await symlink('rfkill.txt', path.join(staging, 'alias.txt'));
    const zipPath = path.join(root, 'logs.zip');
    execFileSync('zip', ['-q', '--symlinks', zipPath, 'rfkill.txt', 'alias.txt'], { cwd: staging });
    execFileSync('zip', ['-q', '-P', 'pw', zipPath, 'secret.txt'], { cwd: staging });
    expected.set(`${zipPath}:rfkill.txt`, rfkill);
  } else {
    missingTools.push('zip');
  }

  const good = gzipSync(await read(rfkill));
  await put('bad.gz', Buffer.concat([good.subarray(0, 10), Buffer.from('this is not deflate data at all '.repeat(8))]));
  const tar = await tarBuffer([{ name: 'first.txt', data: await read(foo) }, { name: 'second.txt', data: await read(beacon) }]);
  // Cut inside the second member's data: 512 (header 1) + 512 (foo padded to a block) + 512 (header 2) + 100.
  await put('truncated.tar', tar.subarray(0, 512 + Math.ceil((await read(foo)).length / 512) * 512 + 512 + 100));
  expected.set(`${path.join(root, 'truncated.tar')}:first.txt`, foo);
  await put('program.bin', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 0)]));
  return { expected, missingTools };
}
