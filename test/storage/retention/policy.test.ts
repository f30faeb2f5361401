// RetentionPolicy: both conf files read from a directory, combined into what a new whisper file needs.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  STORAGE_AGGREGATION_FILE,
  STORAGE_SCHEMAS_FILE,
  createRetentionPolicy,
  readRetentionPolicy,
} from '../../../storage/retention/index.js';
import { confDir, rejection } from './helpers.js';

const SCHEMAS =
  '[carbon]\npattern = ^carbon\\.\nretentions = 60:90d\n[default]\npattern = .*\nretentions = 10s:6h,1m:7d\n';
const AGGREGATION = '[count]\npattern = \\.count$\nxFilesFactor = 0\naggregationMethod = sum\n';

describe('readRetentionPolicy', () => {
  test('combines the schema and the aggregation rule a metric matches', async () => {
    const { dir, cleanup } = confDir({
      [STORAGE_SCHEMAS_FILE]: SCHEMAS,
      [STORAGE_AGGREGATION_FILE]: AGGREGATION,
    });
    try {
      const policy = await readRetentionPolicy(dir);
      expect(policy.match('stats.hits.count')).toEqual({
        archives: [
          { secondsPerPoint: 10, points: 2160 },
          { secondsPerPoint: 60, points: 10_080 },
        ],
        xFilesFactor: 0,
        aggregationMethod: 'sum',
        schema: 'default',
        aggregation: 'count',
      });
      expect(policy.match('carbon.agents.a.cpuUsage')).toEqual({
        archives: [{ secondsPerPoint: 60, points: 129_600 }],
        xFilesFactor: 0.5,
        aggregationMethod: 'average',
        schema: 'carbon',
        aggregation: null,
      });
      expect([policy.schemas.file, policy.aggregation.file]).toEqual([
        join(dir, STORAGE_SCHEMAS_FILE),
        join(dir, STORAGE_AGGREGATION_FILE),
      ]);
    } finally {
      cleanup();
    }
  });

  test('each missing file contributes its defaults', async () => {
    const { dir, cleanup } = confDir({ [STORAGE_AGGREGATION_FILE]: AGGREGATION });
    try {
      const policy = await readRetentionPolicy(dir);
      expect(policy.match('a.count')).toEqual({
        archives: [{ secondsPerPoint: 60, points: 10_080 }],
        xFilesFactor: 0,
        aggregationMethod: 'sum',
        schema: null,
        aggregation: 'count',
      });
      const empty = await readRetentionPolicy(join(dir, 'no-such-dir'));
      expect(empty.match('x')).toEqual(createRetentionPolicy().match('x'));
      expect(empty.match('x')).toEqual({
        archives: [{ secondsPerPoint: 60, points: 10_080 }],
        xFilesFactor: 0.5,
        aggregationMethod: 'average',
        schema: null,
        aggregation: null,
      });
    } finally {
      cleanup();
    }
  });

  test('an invalid file rejects the whole policy', async () => {
    const { dir, cleanup } = confDir({
      [STORAGE_SCHEMAS_FILE]: SCHEMAS,
      [STORAGE_AGGREGATION_FILE]: '[count]\npattern = \\.count$\naggregationMethod = median\n',
    });
    try {
      const err = await rejection(readRetentionPolicy(dir));
      expect(err.code).toBe('STORAGE_ERR_INVALID_SCHEMA');
      expect(err.message).toContain(
        `${join(dir, STORAGE_AGGREGATION_FILE)} [count]: aggregationMethod "median"`,
      );
    } finally {
      cleanup();
    }
  });

  test('the policy is frozen', () => {
    expect(Object.isFrozen(createRetentionPolicy())).toBe(true);
  });
});
