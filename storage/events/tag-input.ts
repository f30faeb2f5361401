// How graphite-web reads an event's tag string: shown split on whitespace (Event.as_dict), but matched by the
// tags django-tagging's parse_tag_input makes of it (commas and double quotes group words). Our own code.

/** The characters Python's str.split() and str.strip() treat as whitespace (str.isspace). */
const PY_SPACE = '\\t-\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACES = new RegExp(`[${PY_SPACE}]+`);
const EDGES = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

/** Python `s.split()`: the words between runs of whitespace. */
export function splitWords(s: string): string[] {
  return s.split(SPACES).filter((w) => w !== '');
}

/** Pieces of `s` cut at `delimiter`, each stripped, empty ones dropped. */
function cutAndStrip(s: string, delimiter: string): string[] {
  return s
    .split(delimiter)
    .map((w) => w.replace(EDGES, ''))
    .filter((w) => w !== '');
}

/**
 * The distinct tags django-tagging stores for a tag string: without commas or double quotes, the words
 * between single spaces; otherwise a "quoted phrase" is one tag, and the rest is cut at commas if any comma
 * stands outside quotes (or inside a quote never closed), else at spaces. `a, b c` → `a`, `b c`.
 */
export function parseTagInput(input: string): string[] {
  if (!input.includes(',') && !input.includes('"')) return [...new Set(cutAndStrip(input, ' '))];
  const words: string[] = [];
  const unquoted: string[] = [];
  let looseComma = false;
  let i = 0;
  let pending = '';
  while (i < input.length) {
    const c = input[i++] as string;
    if (c !== '"') {
      if (c === ',') looseComma = true;
      pending += c;
      continue;
    }
    if (pending !== '') unquoted.push(pending);
    const close = input.indexOf('"', i);
    if (close < 0) {
      // An unclosed quote: what follows it is unquoted text.
      pending = input.slice(i);
      if (pending.includes(',')) looseComma = true;
      i = input.length;
      break;
    }
    const phrase = input.slice(i, close).replace(EDGES, '');
    if (phrase !== '') words.push(phrase);
    pending = '';
    i = close + 1;
  }
  if (pending !== '') unquoted.push(pending);
  for (const chunk of unquoted) words.push(...cutAndStrip(chunk, looseComma ? ',' : ' '));
  return [...new Set(words)];
}
