// PLACEHOLDER — replaced by the time module (parseATTime / parseTimeOffset of graphite-web render/attime.py).
export function parseTimeOffset(_offset: string): number {
  throw new Error('parseTimeOffset: not implemented yet');
}
export function parseATTime(_s: string, _tz: string, _now: number): number {
  throw new Error('parseATTime: not implemented yet');
}
