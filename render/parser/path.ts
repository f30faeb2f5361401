// Scans a pathExpression of graphite-web's grammar (render/grammar_unsafe.py): dot-separated elements of path
// characters, backslash escapes and `{a,b}` alternatives, the text kept as graphite-web fetches it.
import { isEscapable, isMetricChar } from './lexer.js';

/** Reports what was expected where a path stopped, for the parse error. */
export type Expect = (pos: number, what: string) => void;

/**
 * Scans a path at `pos`: escapes are resolved (`a\(b` is `a(b`), globs, braces and `$var` kept verbatim. Returns
 * null when no path starts there. A trailing dot is left unread, as pyparsing backs off from it.
 */
export function scanPath(text: string, pos: number, expect: Expect): { path: string; end: number } | null {
  const out: string[] = [];
  let end = pathElement(text, pos, out, expect);
  if (end < 0) return null;
  while (text.charCodeAt(end) === 0x2e) {
    const mark = out.length;
    out.push('.');
    const next = pathElement(text, end + 1, out, expect);
    if (next < 0) {
      out.length = mark;
      break;
    }
    end = next;
  }
  return { path: out.join(''), end };
}

function pathElement(text: string, pos: number, out: string[], expect: Expect): number {
  let p = pos;
  for (;;) {
    const next = text.charCodeAt(p) === 0x7b ? braces(text, p, out, expect) : partial(text, p, out);
    if (next < 0) break;
    p = next;
  }
  return p === pos ? -1 : p;
}

/** `{a,b}`: one or more alternatives (no dots, no nesting) kept with their braces. */
function braces(text: string, pos: number, out: string[], expect: Expect): number {
  const mark = out.length;
  out.push('{');
  let p = pos + 1;
  for (;;) {
    const end = partial(text, p, out);
    if (end < 0) {
      expect(p, 'a path character');
      break;
    }
    const c = text.charCodeAt(end);
    if (c === 0x7d) {
      out.push('}');
      return end + 1;
    }
    if (c !== 0x2c) {
      expect(end, '"," or "}"');
      break;
    }
    out.push(',');
    p = end + 1;
  }
  out.length = mark;
  return -1;
}

/** One or more path characters or escapes; -1 when there is none at `pos`. */
function partial(text: string, pos: number, out: string[]): number {
  let p = pos;
  let run = pos;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === 0x5c && isEscapable(text[p + 1])) {
      out.push(text.slice(run, p), text[p + 1] as string);
      p += 2;
      run = p;
    } else if (isMetricChar(c)) {
      p++;
    } else {
      out.push(text.slice(run, p));
      return p === pos ? -1 : p;
    }
  }
}
