// carbonado's own version, from package.json (two levels above src/ under tsx, three above dist/src built).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package version, or 'unknown' when package.json cannot be found. */
export function carbonadoVersion(): string {
  for (const up of ['..', '../..']) {
    try {
      const pkg = JSON.parse(readFileSync(join(import.meta.dirname, up, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'carbonado') return pkg.version ?? 'unknown';
    } catch {
      // try the next level
    }
  }
  return 'unknown';
}
