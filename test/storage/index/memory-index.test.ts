// Runs the MetricIndex conformance suite on MemoryMetricIndex.
import { MemoryMetricIndex } from '../../../storage/index/memory-index.js';
import { suite } from './conformance.js';

suite('MemoryMetricIndex', async () => new MemoryMetricIndex());
