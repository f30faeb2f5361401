// The graph functions, one file each in render/functions/; registered by render/functions/registry.ts.
import type { FunctionDef } from '../types.js';

export const functions: readonly FunctionDef[] = [];
