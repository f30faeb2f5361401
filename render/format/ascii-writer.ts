// A growable byte buffer that prints numbers straight into bytes, for the json hot path: no string per
// point (a Grafana panel asks for tens of thousands of points many times a minute). ASCII only: json's
// ensure_ascii output is ASCII, so these bytes are also its UTF-8.
import { pyRepr } from '../python-format.js';
import { ByteWriter } from './byte-writer.js';

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
const DOT = 0x2e;
const MINUS = 0x2d;
const ZERO = 0x30;

export class AsciiWriter extends ByteWriter {
  /** Appends ASCII text. */
  write(text: string): void {
    this.reserve(text.length);
    const buf = this.buf;
    let at = this.len;
    for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
    this.len = at;
  }

  /** Appends the decimal digits of a non-negative safe integer, zero-padded to `minDigits`. */
  #digits(n: number, minDigits: number): void {
    let width = 1;
    for (let p = 10; p <= n && width < 16; p *= 10) width++;
    if (width < minDigits) width = minDigits;
    this.reserve(width);
    const buf = this.buf;
    let i = this.len + width - 1;
    if (n < 0x7fffffff) {
      // int32 arithmetic, which V8 runs without floating-point division
      let m = n | 0;
      for (; i >= this.len; i--) {
        const q = (m / 10) | 0;
        buf[i] = ZERO + (m - q * 10);
        m = q;
      }
    } else {
      for (; i >= this.len; i--) {
        buf[i] = ZERO + (n % 10);
        n = Math.floor(n / 10);
      }
    }
    this.len += width;
  }

  /** Appends two bytes. */
  byte2(a: number, b: number): void {
    if (this.len + 2 > this.buf.length) this.reserve(2);
    this.buf[this.len++] = a;
    this.buf[this.len++] = b;
  }

  /** Appends `n` bytes of `src` from `from`. */
  bytes(src: Uint8Array, from: number, n: number): void {
    this.reserve(n);
    const buf = this.buf;
    let at = this.len;
    for (let i = from; i < from + n; i++) buf[at++] = src[i] as number;
    this.len = at;
  }

  /** Appends an integer (a timestamp). */
  int(n: number): void {
    if (n < 0) {
      this.reserve(1);
      this.buf[this.len++] = MINUS;
      n = -n;
    }
    if (n < 1e15) this.#digits(n, 1);
    else this.write(String(n));
  }

  /**
   * Appends Python's repr of a finite float: "12.0", "0.25", "1e-05". Integers and values with at most six
   * decimals go digit by digit: the smallest k with an integer y, y / 10^k === x, gives a text that parses
   * back to x and no shorter one does, so it is the shortest round-trip text Number#toString prints.
   * Anything else goes through Number#toString / pyRepr.
   */
  float(x: number): void {
    const abs = x < 0 ? -x : x;
    if (abs >= 1e-4 && abs < 1e9) {
      if (Number.isInteger(x)) {
        if (x < 0) this.write('-');
        this.#digits(abs, 1);
        this.write('.0');
        return;
      }
      // six decimals or fewer exactly when y6 = round(x·10^6) gives y6 / 10^6 === x (the product's error
      // stays far below 0.5 under 1e9); the trailing zeros of y6 then say how many decimals are needed
      let y = Math.round(abs * 1_000_000);
      if (y / 1_000_000 === abs) {
        let k = 6;
        while (y % 10 === 0) {
          y /= 10;
          k--;
        }
        const p = POW10[k] as number;
        if (x < 0) this.write('-');
        const whole = Math.floor(y / p);
        this.#digits(whole, 1);
        this.reserve(1);
        this.buf[this.len++] = DOT;
        this.#digits(y - whole * p, k);
        return;
      }
    }
    if (abs >= 1e-4 && abs < 1e16) this.write(Number.isInteger(x) ? `${x}.0` : `${x}`);
    else this.write(pyRepr(x));
  }
}
