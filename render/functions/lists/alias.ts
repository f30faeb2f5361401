// The Alias functions, one file each in render/functions/; registered by render/functions/registry.ts.
import { alias } from '../alias.js';
import { aliasByMetric } from '../aliasByMetric.js';
import { aliasByNode } from '../aliasByNode.js';
import { aliasByTags } from '../aliasByTags.js';
import { aliasQuery } from '../aliasQuery.js';
import { aliasSub } from '../aliasSub.js';
import { legendValue } from '../legendValue.js';
import { lower } from '../lower.js';
import type { FunctionDef } from '../types.js';
import { upper } from '../upper.js';

export const functions: readonly FunctionDef[] = [
  alias,
  aliasByMetric,
  aliasByNode,
  aliasByTags,
  aliasQuery,
  aliasSub,
  legendValue,
  lower,
  upper,
];
