// Bytes in and out of a snapshot without holding the whole file in one fresh buffer. Touching new memory
// is what a large load mostly costs (the kernel zeroes every page), so a file is read piece by piece
// into one reused scratch buffer, or straight into the typed array that keeps the data.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import * as zlib from 'node:zlib';

export interface ByteSource {
  readonly size: number;
  /**
   * Bytes [position, position + length). Into `target` when given; else a view that is only valid
   * until the next read.
   */
  read(position: number, length: number, target?: Uint8Array): Uint8Array;
  close(): void;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(position, length, target) {
      const view = bytes.subarray(position, position + length);
      if (view.length !== length) throw new RangeError('read past the end');
      if (!target) return view;
      target.set(view);
      return target;
    },
    close() {},
  };
}

const SCRATCH = 1 << 20;

export function fileSource(path: string): ByteSource {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  let scratch = Buffer.allocUnsafeSlow(SCRATCH);
  return {
    size,
    read(position, length, target) {
      if (position + length > size) throw new RangeError('read past the end');
      if (!target && length > scratch.length) scratch = Buffer.allocUnsafeSlow(length);
      const out = target ?? scratch.subarray(0, length);
      for (let done = 0; done < length; ) {
        const n = readSync(fd, out, done, length - done, position + done);
        if (n === 0) throw new RangeError('file shrank while read');
        done += n;
      }
      return out;
    },
    close() {
      closeSync(fd);
    },
  };
}

/** Checksum of `length` bytes from `position`, read in scratch-sized pieces. */
export function checksumOf(source: ByteSource, position: number, length: number): number {
  const sum = new Checksum();
  for (let at = 0; at < length; at += SCRATCH) sum.update(source.read(position + at, Math.min(SCRATCH, length - at)));
  return sum.value();
}

const zcrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** zlib's crc32 (Node ≥ 20.15, several GB/s); the first 32 bits of a SHA-1 where it is missing. */
export class Checksum {
  private crc = 0;
  private readonly sha = zcrc ? null : createHash('sha1');

  update(bytes: Uint8Array): this {
    // Node 20's crc32 returns 0 for an empty view of an empty ArrayBuffer, whatever the running value.
    if (!bytes.length) return this;
    if (this.sha) this.sha.update(bytes);
    else this.crc = zcrc!(bytes, this.crc);
    return this;
  }

  value(): number {
    return this.sha ? this.sha.digest().readUInt32LE(0) : this.crc;
  }
}

/** Sections laid out one after another, each 8-byte aligned, kept as views until written. */
export class SectionWriter {
  readonly table: Record<string, [number, number]> = {};
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  add(name: string, ...parts: Uint8Array[]): void {
    if (name in this.table) throw new Error(`section ${name} written twice`);
    const start = this.size;
    for (const p of parts) {
      this.chunks.push(p);
      this.size += p.length;
    }
    this.table[name] = [start, this.size - start];
    const pad = align8(this.size) - this.size;
    if (pad) {
      this.chunks.push(new Uint8Array(pad));
      this.size += pad;
    }
  }

  get length(): number {
    return this.size;
  }

  checksum(): number {
    const sum = new Checksum();
    for (const c of this.chunks) sum.update(c);
    return sum.value();
  }

  writeTo(fd: number): void {
    for (const c of this.chunks) writeAll(fd, c);
  }

  concat(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}

export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

export function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
