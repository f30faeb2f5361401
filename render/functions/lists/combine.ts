// The combine functions, one file each in render/functions/; registered by render/functions/registry.ts.
import { aggregate } from '../aggregate.js';
import { aggregateSeriesLists } from '../aggregateSeriesLists.js';
import { aggregateWithWildcards } from '../aggregateWithWildcards.js';
import { applyByNode } from '../applyByNode.js';
import { asPercent } from '../asPercent.js';
import { averageSeries } from '../averageSeries.js';
import { averageSeriesWithWildcards } from '../averageSeriesWithWildcards.js';
import { avg } from '../avg.js';
import { countSeries } from '../countSeries.js';
import { diffSeries } from '../diffSeries.js';
import { diffSeriesLists } from '../diffSeriesLists.js';
import { divideSeries } from '../divideSeries.js';
import { divideSeriesLists } from '../divideSeriesLists.js';
import { group } from '../group.js';
import { groupByNode } from '../groupByNode.js';
import { groupByNodes } from '../groupByNodes.js';
import { groupByTags } from '../groupByTags.js';
import { map } from '../map.js';
import { mapSeries } from '../mapSeries.js';
import { maxSeries } from '../maxSeries.js';
import { minSeries } from '../minSeries.js';
import { multiplySeries } from '../multiplySeries.js';
import { multiplySeriesLists } from '../multiplySeriesLists.js';
import { multiplySeriesWithWildcards } from '../multiplySeriesWithWildcards.js';
import { pct } from '../pct.js';
import { percentileOfSeries } from '../percentileOfSeries.js';
import { powSeries } from '../powSeries.js';
import { rangeOfSeries } from '../rangeOfSeries.js';
import { reduce } from '../reduce.js';
import { reduceSeries } from '../reduceSeries.js';
import { stddevSeries } from '../stddevSeries.js';
import { sum } from '../sum.js';
import { sumSeries } from '../sumSeries.js';
import { sumSeriesLists } from '../sumSeriesLists.js';
import { sumSeriesWithWildcards } from '../sumSeriesWithWildcards.js';
import { weightedAverage } from '../weightedAverage.js';
import type { FunctionDef } from '../types.js';

export const functions: readonly FunctionDef[] = [
  aggregate,
  aggregateSeriesLists,
  aggregateWithWildcards,
  applyByNode,
  asPercent,
  averageSeries,
  averageSeriesWithWildcards,
  avg,
  countSeries,
  diffSeries,
  diffSeriesLists,
  divideSeries,
  divideSeriesLists,
  group,
  groupByNode,
  groupByNodes,
  groupByTags,
  map,
  mapSeries,
  maxSeries,
  minSeries,
  multiplySeries,
  multiplySeriesLists,
  multiplySeriesWithWildcards,
  pct,
  percentileOfSeries,
  powSeries,
  rangeOfSeries,
  reduce,
  reduceSeries,
  stddevSeries,
  sum,
  sumSeries,
  sumSeriesLists,
  sumSeriesWithWildcards,
  weightedAverage,
];
