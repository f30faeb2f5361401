// `npm run gen:docs`: writes docs/functions.md from the function registry.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionsMarkdown } from '../../render/functions/docs.js';
import { defaultRegistry } from '../../render/functions/registry.js';

const file = join(import.meta.dirname, '../../docs/functions.md');
writeFileSync(file, functionsMarkdown(defaultRegistry()));
console.log(`wrote ${file}`);
