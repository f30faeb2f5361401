// The growable byte buffer the binary and hand-written formats share (json, pickle, msgpack): one
// allocation per doubling instead of one per write.

export class ByteWriter {
  buf = Buffer.allocUnsafe(1 << 16);
  len = 0;

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  /** Appends one byte. */
  byte(b: number): void {
    if (this.len >= this.buf.length) this.reserve(1);
    this.buf[this.len++] = b;
  }

  /** What was written. */
  bytesWritten(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}
