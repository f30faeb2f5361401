// Python's round(x, ndigits) for floats: the decimal nearest to the exact binary value, ties to even
// (graphite-web rounds exponentialMovingAverage results to 6 places this way). toFixed breaks ties upward.

/** `round(x, digits)` as Python 3 computes it for a float (0 ≤ digits ≤ 20). */
export function pyRound(x: number, digits: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x;
  const sign = x < 0 || Object.is(x, -0) ? -1 : 1;
  const abs = Math.abs(x);
  // toFixed(40) is the exact expansion far enough to see whether the value sits exactly on a tie.
  const exact = abs.toFixed(40);
  const dot = exact.indexOf('.');
  const kept = exact.slice(0, dot + 1 + digits);
  const rest = exact.slice(dot + 1 + digits);
  let text: string;
  if (/^50*$/.test(rest)) {
    const last = Number(kept.replace('.', '').slice(-1));
    text = last % 2 === 0 ? kept : abs.toFixed(digits);
  } else {
    text = abs.toFixed(digits);
  }
  return sign * Number(text.endsWith('.') ? text.slice(0, -1) : text);
}
