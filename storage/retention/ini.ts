// An INI reader that accepts what Python 3's configparser.ConfigParser (strict, BasicInterpolation) accepts
// when carbon's OrderedConfigParser reads storage-*.conf, and names the line of anything it rejects.
// Spec: shared/reference/graphite.md §6.4; CPython Lib/configparser.py RawConfigParser._read.
import { StorageError } from '../errors.js';
import { PY_WHITESPACE_CLASS, firstNonSpace, pyRstrip, pyStrip } from './python-text.js';

/** One option as written: its (joined, stripped) value and the line of its `key = value`. */
export interface IniValue {
  readonly value: string;
  readonly line: number;
}

export interface IniSection {
  /** Exactly as written between the brackets (configparser does not strip it). */
  readonly name: string;
  /** Line of the `[name]` header. */
  readonly line: number;
  /** Keys lower-cased (configparser's optionxform), in file order. */
  readonly options: ReadonlyMap<string, IniValue>;
}

export interface IniDocument {
  readonly file: string;
  /** Options of `[DEFAULT]`, which every section inherits. */
  readonly defaults: ReadonlyMap<string, IniValue>;
  /** Every section but `[DEFAULT]`, in file order. */
  readonly sections: readonly IniSection[];
}

/** configparser's MAX_INTERPOLATION_DEPTH. */
const MAX_INTERPOLATION_DEPTH = 10;
const DEFAULT_SECTION = 'DEFAULT';
const COMMENT_PREFIXES = ['#', ';'];
// SECTCRE `\[(?P<header>.+)\]` (greedy, used with match, so text after the last `]` is ignored) and
// OPTCRE `(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$`; Python's `.` stops only at \n.
const SECTION_HEADER = /^\[([^\n]+)\]/;
const OPTION = new RegExp(`^([^\\n]*?)[${PY_WHITESPACE_CLASS}]*([=:])[${PY_WHITESPACE_CLASS}]*([^\\n]*)$`);
const INTERPOLATION_REF = /^%\(([^)]+)\)s/;

function syntaxError(file: string, line: number, problem: string, section?: string): StorageError {
  return new StorageError('STORAGE_ERR_INVALID_SCHEMA', `${file}:${line}: ${problem}`, {
    context: { file, line, ...(section === undefined ? {} : { section }) },
  });
}

interface Building {
  name: string;
  line: number;
  options: Map<string, { parts: string[]; line: number }>;
}

/**
 * Parses INI text the way configparser does: `[section]` headers (`[DEFAULT]` is inherited by all), `key =
 * value` or `key: value` (split at the first `=` or `:`), keys lower-cased, values stripped, full-line
 * comments starting with `#` or `;` (a `#` later in a line is part of the value), and lines indented deeper
 * than their key continuing its value (joined with newlines; blank lines inside are kept).
 *
 * Rejected, like configparser: a line before the first section, a line without `=`/`:`, an empty key, a
 * section or key defined twice. Rejected where carbon would misread the file: text after a section header
 * and an indented `[name]` (carbon's section scan would see a section configparser does not), a UTF-8 BOM.
 * Errors are STORAGE_ERR_INVALID_SCHEMA `file:line: problem`.
 */
export function parseIni(text: string, file: string): IniDocument {
  if (text.startsWith('\ufeff')) {
    throw syntaxError(
      file,
      1,
      'file starts with a byte-order mark (U+FEFF), which carbon cannot read; save it without one',
    );
  }
  const defaults: Building = { name: DEFAULT_SECTION, line: 0, options: new Map() };
  const sections: Building[] = [];
  let current: Building | null = null;
  let option: string | null = null;
  let indentLevel = 0;
  const lines = text.split(/\r\n|\r|\n/);
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    const stripped = pyStrip(raw);
    const isComment = COMMENT_PREFIXES.some((prefix) => stripped.startsWith(prefix));
    if (isComment || stripped === '') {
      // A blank line inside a value is kept (empty_lines_in_values); a comment line is dropped.
      if (!isComment && current !== null && option !== null) current.options.get(option)?.parts.push('');
      continue;
    }
    const indent = firstNonSpace(raw);
    if (current !== null && option !== null && indent > indentLevel) {
      if (stripped.startsWith('[') && stripped.endsWith(']')) {
        throw syntaxError(
          file,
          line,
          `indented ${stripped} continues the value of "${option}"; carbon would also read it as a section (unindent it)`,
          current.name,
        );
      }
      current.options.get(option)?.parts.push(stripped);
      continue;
    }
    indentLevel = indent;
    const header = SECTION_HEADER.exec(stripped);
    if (header !== null) {
      const name = header[1] ?? '';
      if (header[0].length !== stripped.length) {
        throw syntaxError(
          file,
          line,
          `text after section header [${name}]: "${stripped}" (carbon would skip the section)`,
        );
      }
      if (name === DEFAULT_SECTION) {
        current = defaults;
      } else {
        const earlier = sections.find((s) => s.name === name);
        if (earlier !== undefined) {
          throw syntaxError(file, line, `section [${name}] already defined at line ${earlier.line}`, name);
        }
        current = { name, line, options: new Map() };
        sections.push(current);
      }
      option = null;
      continue;
    }
    if (current === null) {
      throw syntaxError(file, line, `"${stripped}" appears before the first [section] header`);
    }
    const m = OPTION.exec(stripped);
    const key = m === null ? '' : pyRstrip(m[1] ?? '').toLowerCase();
    if (m === null || key === '') {
      throw syntaxError(
        file,
        line,
        `expected "key = value" in [${current.name}], found "${stripped}"`,
        current.name,
      );
    }
    const earlier = current.options.get(key);
    if (earlier !== undefined) {
      throw syntaxError(
        file,
        line,
        `key "${key}" in [${current.name}] already set at line ${earlier.line} (keys are case-insensitive)`,
        current.name,
      );
    }
    current.options.set(key, { parts: [pyStrip(m[3] ?? '')], line });
    option = key;
  }
  const freeze = (b: Building): ReadonlyMap<string, IniValue> =>
    new Map(
      [...b.options].map(([k, { parts, line }]) => [
        k,
        Object.freeze({ value: pyRstrip(parts.join('\n')), line }),
      ]),
    );
  return Object.freeze({
    file,
    defaults: freeze(defaults),
    sections: Object.freeze(
      sections.map((s) => Object.freeze({ name: s.name, line: s.line, options: freeze(s) })),
    ),
  });
}

function interpolate(
  doc: IniDocument,
  section: IniSection,
  key: string,
  at: IniValue,
  value: string,
  merged: ReadonlyMap<string, IniValue>,
  depth: number,
): string {
  const fail = (problem: string) =>
    syntaxError(doc.file, at.line, `[${section.name}] ${key}: ${problem}`, section.name);
  if (depth > MAX_INTERPOLATION_DEPTH) {
    throw fail(`%(…)s references nest deeper than ${MAX_INTERPOLATION_DEPTH} levels (a reference loop?)`);
  }
  let out = '';
  let rest = value;
  while (rest !== '') {
    const p = rest.indexOf('%');
    if (p < 0) return out + rest;
    out += rest.slice(0, p);
    rest = rest.slice(p);
    const next = rest[1];
    if (next === '%') {
      out += '%';
      rest = rest.slice(2);
    } else if (next === '(') {
      const m = INTERPOLATION_REF.exec(rest);
      if (m === null) throw fail(`bad interpolation reference "${rest}" (expected %(name)s)`);
      const name = (m[1] ?? '').toLowerCase();
      rest = rest.slice(m[0].length);
      const ref = merged.get(name);
      if (ref === undefined) throw fail(`%(${name})s refers to a key that [${section.name}] does not have`);
      out += ref.value.includes('%')
        ? interpolate(doc, section, key, at, ref.value, merged, depth + 1)
        : ref.value;
    } else {
      throw fail(`"%" must be followed by "%" or "(" in "${value}"; write %% for a literal percent sign`);
    }
  }
  return out;
}

/**
 * A section's options as carbon reads them (`dict(config.items(section))`): `[DEFAULT]` options first,
 * overridden by the section's own, every value %-interpolated (`%%` → `%`, `%(key)s` → that key's value).
 * A `%` that is neither is an error, in any key, as in configparser.
 */
export function sectionItems(doc: IniDocument, section: IniSection): Map<string, IniValue> {
  const merged = new Map([...doc.defaults, ...section.options]);
  const items = new Map<string, IniValue>();
  for (const [key, at] of merged) {
    items.set(key, { value: interpolate(doc, section, key, at, at.value, merged, 1), line: at.line });
  }
  return items;
}
