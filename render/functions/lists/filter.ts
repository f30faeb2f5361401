// The Filter Series functions, one file each in render/functions/; registered by registry.ts.
import type { FunctionDef } from '../types.js';

export const functions: readonly FunctionDef[] = [];
