// Writes a zip container (the .pptx, and the chart workbooks inside it).
// fflate lays out the archive; Node's zlib, native and several times faster
// than deflate in JavaScript, compresses each entry. A gzip member is a fixed
// 10-byte header, the raw deflate stream, then the CRC-32 and size of the
// input (RFC 1952), so one zlib call gives both what a zip entry needs.
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import { gzipSync } from 'node:zlib';

/** One file of an archive: its path, its bytes, and whether it is stored as it is because it is compressed already. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
  store: boolean;
}

/** Zips the entries in the order given, every one with the same time, so the same entries always give the same bytes. */
export function zipEntries(entries: readonly ZipEntry[], mtime: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const entry of entries) {
    if (entry.store) {
      const file = new ZipPassThrough(entry.name);
      file.mtime = mtime;
      zip.add(file);
      file.push(entry.data, true);
      continue;
    }
    const member = gzipSync(entry.data, { level: 6 });
    const file: ZipInputFile = { filename: entry.name, size: entry.data.length, crc: member.readUInt32LE(member.length - 8), compression: 8, mtime, terminate: () => undefined };
    zip.add(file);
    file.ondata!(null, member.subarray(10, member.length - 8), true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
