// Python `re.search` and `re.sub` for render functions (aliasSub, grep, exclude, aliasQuery, …) in linear
// time: python-re.ts parses, pike-capture.ts finds leftmost-first matches with groups, and the replacement
// template follows Python 3.11's sre_parse.parse_template (`\1`, `\g<name>`, `\n`, octal escapes).
import { StorageError } from '../errors.js';
import { type CaptureProgram, compileCaptureProgram, searchFrom } from './pike-capture.js';
import { parsePythonRegex } from './python-re.js';

/** A compiled regex with Python `re` semantics (render/context.ts's CompiledRegex, structurally). */
export interface RenderRegex {
  readonly source: string;
  /** `re.search(pattern, s) is not None`. */
  search(s: string): boolean;
  /** `re.sub(pattern, replacement, s)`: every non-overlapping match replaced. */
  sub(replacement: string, s: string): string;
}

/** A parsed replacement: literal text and group numbers, in order. */
type Template = (string | number)[];

const OCTAL = /^[0-7]$/;
const DIGIT = /^[0-9]$/;
const TEMPLATE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

function templateError(pattern: string, template: string, problem: string, at: number): StorageError {
  return new StorageError(
    'STORAGE_ERR_INVALID_TAG_EXPRESSION',
    `replacement "${template}" for regex "${pattern}": ${problem} at position ${at}`,
    { context: { regex: pattern, replacement: template, position: at } },
  );
}

/** Parses a replacement as Python does for `re.sub`, checking group references against the pattern. */
export function parseTemplate(
  template: string,
  pattern: string,
  groups: number,
  names: ReadonlyMap<string, number>,
): Template {
  const cps = Array.from(template);
  const out: Template = [];
  let text = '';
  const fail = (problem: string, at: number): StorageError => templateError(pattern, template, problem, at);
  const group = (index: number, at: number): void => {
    if (index > groups) throw fail(`invalid group reference ${index}`, at);
    if (text !== '') out.push(text);
    text = '';
    out.push(index);
  };
  for (let i = 0; i < cps.length;) {
    const at = i;
    const c = cps[i++] as string;
    if (c !== '\\') {
      text += c;
      continue;
    }
    const e = cps[i++];
    if (e === undefined) throw fail('bad escape (end of pattern)', at);
    if (e === 'g') {
      if (cps[i] !== '<') throw fail('missing <', i);
      const close = cps.indexOf('>', i + 1);
      const name = cps.slice(i + 1, close === -1 ? cps.length : close).join('');
      if (name === '') throw fail('missing group name', i + 1);
      if (close === -1) throw fail('missing >, unterminated name', i + 1);
      i = close + 1;
      const named = names.get(name);
      if (named !== undefined) group(named, at);
      else if (/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name))
        throw fail(`unknown group name '${name}'`, at);
      else if (/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(name) && Number(name.replace(/_/g, '')) >= 0)
        group(Number(name.replace(/_/g, '')), at);
      else throw fail(`bad character in group name '${name}'`, at + 3);
    } else if (e === '0') {
      let digits = '';
      while (digits.length < 2 && OCTAL.test(cps[i] ?? '')) digits += cps[i++];
      text += String.fromCharCode(parseInt(`0${digits}`, 8) & 0xff);
    } else if (DIGIT.test(e)) {
      let digits = e;
      if (DIGIT.test(cps[i] ?? '')) {
        digits += cps[i++];
        if (OCTAL.test(e) && OCTAL.test(digits[1] ?? '') && OCTAL.test(cps[i] ?? '')) {
          digits += cps[i++];
          const code = parseInt(digits, 8);
          if (code > 0o377) throw fail(`octal escape value \\${digits} outside of range 0-0o377`, at);
          text += String.fromCharCode(code);
          continue;
        }
      }
      group(Number(digits), at);
    } else if (TEMPLATE_ESCAPES[e] !== undefined) text += TEMPLATE_ESCAPES[e];
    else if (/^[A-Za-z]$/.test(e)) throw fail(`bad escape \\${e}`, at);
    else text += `\\${e}`;
  }
  if (text !== '') out.push(text);
  return out;
}

/** Python's re.sub over code points: empty matches count, but not one right where an empty match ended. */
function substitute(program: CaptureProgram, template: Template, value: string): string {
  const s = Array.from(value);
  let out = '';
  let copied = 0;
  let mustAdvance = false;
  for (let pos = 0; pos <= s.length;) {
    const caps = searchFrom(program, s, pos, mustAdvance);
    if (caps === null) break;
    const [begin = 0, end = 0] = caps;
    out += s.slice(copied, begin).join('');
    for (const part of template) {
      if (typeof part === 'string') out += part;
      else {
        const from = caps[2 * part] ?? -1;
        const to = caps[2 * part + 1] ?? -1;
        if (from >= 0 && to >= 0) out += s.slice(from, to).join('');
      }
    }
    copied = end;
    mustAdvance = begin === end;
    pos = end;
  }
  return out + s.slice(copied).join('');
}

/** Most compiled patterns kept; the least recently used is dropped first. */
const CACHE_SIZE = 512;
/** Most parsed replacement templates kept per pattern. */
const TEMPLATE_CACHE_SIZE = 16;
const cache = new Map<string, RenderRegex>();

function build(pattern: string): RenderRegex {
  const parsed = parsePythonRegex(pattern);
  const program = compileCaptureProgram(parsed.tree, parsed.groups, parsed.isWord, pattern);
  const templates = new Map<string, Template>();
  return {
    source: pattern,
    search: (s) => searchFrom(program, Array.from(s), 0, false) !== null,
    sub: (replacement, s) => {
      let template = templates.get(replacement);
      if (template === undefined) {
        template = parseTemplate(replacement, pattern, parsed.groups, parsed.names);
        if (templates.size >= TEMPLATE_CACHE_SIZE) templates.clear();
        templates.set(replacement, template);
      }
      return substitute(program, template, s);
    },
  };
}

/**
 * Compiles a Python regex for render functions: `search` is `re.search(...) is not None`, `sub` is
 * `re.sub(pattern, replacement, s)`; both run in O(input × pattern). Invalid patterns, and constructs that
 * cannot run in linear time (back-references, lookarounds), throw STORAGE_ERR_INVALID_TAG_EXPRESSION, as do
 * invalid replacement templates (when `sub` is called). Compiled patterns are cached (LRU).
 */
export function compileRenderRegex(pattern: string): RenderRegex {
  const hit = cache.get(pattern);
  if (hit !== undefined) {
    cache.delete(pattern);
    cache.set(pattern, hit);
    return hit;
  }
  const compiled = build(pattern);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, compiled);
  return compiled;
}
