import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipMemberSpec {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** A CRC-32 to write instead of the data's own (a corrupt member). */
  crc?: number;
}

/**
 * A zip built byte by byte (APPNOTE 4.3), for archives no zip tool writes: `aliases` are extra central-directory
 * entries, each pointing at the data of an earlier member (the overlap of a "better zip bomb").
 */
export function zipBytes(members: readonly ZipMemberSpec[], aliases: readonly { name: string; of: string }[] = []): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const placed = new Map<string, { offset: number; header: Buffer }>();
  let offset = 0;
  for (const m of members) {
    const body = m.deflate === true ? deflateRawSync(m.data) : m.data;
    const name = Buffer.from(m.name);
    const fields = { method: m.deflate === true ? 8 : 0, crc: m.crc ?? crc32(m.data), compressed: body.length, size: m.data.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(fields.method, 8);
    local.writeUInt32LE(fields.crc, 14);
    local.writeUInt32LE(fields.compressed, 18);
    local.writeUInt32LE(fields.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const header = centralHeader(fields, offset, name.length);
    placed.set(m.name, { offset, header });
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  for (const a of aliases) {
    const target = placed.get(a.of);
    if (!target) throw new Error(`no member ${a.of}`);
    const name = Buffer.from(a.name);
    const header = Buffer.from(target.header);
    header.writeUInt16LE(name.length, 28);
    central.push(header, name);
  }
  const cd = Buffer.concat(central);
  const entries = members.length + aliases.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function centralHeader(f: { method: number; crc: number; compressed: number; size: number }, offset: number, nameBytes: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(f.method, 10);
  h.writeUInt32LE(f.crc, 16);
  h.writeUInt32LE(f.compressed, 20);
  h.writeUInt32LE(f.size, 24);
  h.writeUInt16LE(nameBytes, 28);
  h.writeUInt32LE(offset, 42);
  return h;
}
