// Reads the --config file: YAML (.yaml, .yml) or JSON (.json) by extension, into one config layer.
// Spec: docs/configuration.md#the-config-file.
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import YAML from 'yaml';
import { ConfigError } from '../errors.js';
import { describeValue } from './fields.js';
import { type Layer, isPlainObject, settingsOf } from './layers.js';

type Format = 'yaml' | 'json';

const FORMATS: Readonly<Record<string, Format>> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json' };

interface Position {
  line: number;
  column: number;
}

function fileError(path: string, problem: string, cause?: unknown, at?: Position): ConfigError {
  const where = at === undefined ? path : `${path}:${at.line}:${at.column}`;
  return new ConfigError('CONFIG_ERR_FILE', `config file ${where}: ${problem}`, {
    cause,
    context: { file: path, ...at },
  });
}

/** 1-based line and column of a character offset. */
function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function parseYaml(path: string, text: string): unknown {
  const doc = YAML.parseDocument(text);
  const [first] = doc.errors;
  if (first !== undefined) {
    // yaml's pretty message is "<problem> at line L, column C:\n\n<snippet>"; keep the problem, cite L:C.
    const problem = (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:$/, '');
    const at = first.linePos?.[0];
    throw fileError(path, problem, first, at === undefined ? undefined : { line: at.line, column: at.col });
  }
  try {
    return doc.toJS();
  } catch (err) {
    throw fileError(path, err instanceof Error ? err.message : String(err), err);
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = /at position (\d+)/.exec(message)?.[1];
    const problem = message.replace(/ in JSON at position \d+.*$/s, '');
    throw fileError(path, problem, err, offset === undefined ? undefined : positionOf(text, Number(offset)));
  }
}

/**
 * Reads and parses the config file at `path` (relative to `cwd`). Errors name the file as given:
 * CONFIG_ERR_FILE when it cannot be read or parsed (with line:column for syntax errors), CONFIG_ERR_INVALID
 * when its top level is not a mapping. An empty YAML file sets nothing.
 */
export async function readConfigFile(path: string, cwd: string): Promise<Layer> {
  const format = FORMATS[extname(path).toLowerCase()];
  if (format === undefined) {
    throw fileError(path, 'unsupported extension; use .yaml, .yml or .json');
  }
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (err) {
    const errno = (err as NodeJS.ErrnoException).code;
    const reason = errno === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
    throw fileError(path, `cannot read: ${reason}`, err);
  }
  const parsed = format === 'yaml' ? parseYaml(path, text) : parseJson(path, text);
  const source = `config file ${path}`;
  if (parsed === null || parsed === undefined) return { source, settings: [] };
  if (!isPlainObject(parsed)) {
    throw new ConfigError(
      'CONFIG_ERR_INVALID',
      `${source}: expected a mapping of keys at the top level, got ${describeValue(parsed)}`,
      { context: { issues: [{ source, key: '', message: 'expected a mapping of keys' }] } },
    );
  }
  return { source, settings: settingsOf(parsed) };
}
