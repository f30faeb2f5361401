// asPercent's cases (graphite-web functions.py asPercent): a total per node group, a number, one series, a
// list matched by sorted name, or the sum of the list itself.
import { badArgument } from '../../errors.js';
import { pyStr } from '../../python-format.js';
import { Series, type Value } from '../../series.js';
import { safeDiv, safeMul, safeSum } from '../aggfuncs.js';
import type { ArgValue, Call } from '../types.js';
import { groupSeries } from './combine-aggregate.js';
import { aggKey } from './nodes.js';
import { formatPathExpressions, normalize, zipRows } from './normalize.js';

interface Frame {
  start: number;
  end: number;
  step: number;
}

/** 100 × a / b point by point over izip_longest(a, b); null where either is null or b is 0. */
function percents(a: Series, b: Series | readonly Value[]): Value[] {
  return zipRows([a, b]).map(([v, t]) => safeMul([safeDiv(v ?? null, t ?? null), 100]));
}

function byName(a: Series, b: Series): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Totals per key: a lone series is its own total, a larger group is summed into `sumSeries(<paths>)`.
 * `frame` records the frame of the last sum, which graphite-web's later MISSING results reuse.
 */
function groupTotals(
  call: Call,
  groups: Map<string, Series[]>,
  state: { frame?: Frame },
): Map<string, Series> {
  const totals = new Map<string, Series>();
  for (const [key, group] of groups) {
    if (group.length === 1) {
      totals.set(key, group[0] as Series);
      continue;
    }
    const name = `sumSeries(${formatPathExpressions(group)})`;
    const { start, end, step } = normalize([group]) as Frame;
    state.frame = { start, end, step };
    const values = zipRows(group).map((row) => safeSum(row));
    totals.set(key, new Series({ name, start, end, step, values, xFilesFactor: call.ctx.xFilesFactor }));
  }
  return totals;
}

/** asPercent with nodes: series and totals matched by aggKey; unmatched ones give all-null MISSING series. */
export function percentByNodes(
  call: Call,
  seriesList: Series[],
  total: ArgValue,
  nodes: readonly (number | string)[],
): Series[] {
  const xFilesFactor = call.ctx.xFilesFactor;
  const groups = groupSeries(seriesList, (s) => aggKey(s, nodes));
  const keys = [...groups.keys()];
  const state: { frame?: Frame } = {};
  let totals: Map<string, Series>;
  if (total === null) totals = groupTotals(call, groups, state);
  else if (Array.isArray(total)) {
    const totalGroups = groupSeries(total as Series[], (s) => aggKey(s, nodes));
    for (const key of totalGroups.keys()) if (!groups.has(key)) keys.push(key);
    totals = groupTotals(call, totalGroups, state);
  } else throw badArgument(call.name, 'total', 'total must be None or a seriesList');

  const out: Series[] = [];
  // graphite-web builds MISSING results on the frame of the last normalize (or fails when there is none;
  // the series' own frame is used then)
  const make = (name: string, values: Value[], own: Series): Series => {
    const { start, end, step } = state.frame ?? own;
    return new Series({ name, start, end, step, values, xFilesFactor });
  };
  for (const key of keys) {
    const group = groups.get(key);
    const totalSeries = totals.get(key);
    if (group === undefined) {
      const t = totalSeries as Series;
      out.push(
        make(
          `asPercent(MISSING,${t.name})`,
          t.points().map(() => null),
          t,
        ),
      );
      continue;
    }
    for (const series of group) {
      if (totalSeries === undefined) {
        out.push(
          make(
            `asPercent(${series.name},MISSING)`,
            series.points().map(() => null),
            series,
          ),
        );
        continue;
      }
      const { start, end, step } = normalize([[series, totalSeries]]) as Frame;
      state.frame = { start, end, step };
      out.push(make(`asPercent(${series.name},${totalSeries.name})`, percents(series, totalSeries), series));
    }
  }
  return out;
}

/** asPercent without nodes: total None (the list's sum), a number, one series, or a list of equal length. */
export function percentOfTotal(call: Call, seriesList: Series[], total: ArgValue): Series[] {
  const xFilesFactor = call.ctx.xFilesFactor;
  let totalValues: Series | Value[] = [];
  let totalText = '';
  if (total === null) {
    totalValues = zipRows(seriesList).map((row) => safeSum(row));
    totalText = `sumSeries(${formatPathExpressions(seriesList)})`;
  } else if (Array.isArray(total)) {
    const totals = total as Series[];
    if (totals.length !== 1 && totals.length !== seriesList.length)
      throw badArgument(
        call.name,
        'total',
        'asPercent second argument must be missing, a single digit, reference exactly 1 series or ' +
          'reference the same number of series as the first argument',
      );
    if (totals.length === 1) {
      normalize([seriesList, totals]);
      totalValues = totals[0] as Series;
      totalText = (totals[0] as Series).name;
    }
    if (totals.length === seriesList.length) {
      const dividends = [...seriesList].sort(byName);
      const divisors = [...totals].sort(byName);
      return dividends.map((s1, i) => {
        const s2 = divisors[i] as Series;
        const { start, end, step } = normalize([[s1, s2]]) as Frame;
        const name = `asPercent(${s1.name},${s2.name})`;
        return new Series({ name, start, end, step, values: percents(s1, s2), xFilesFactor });
      });
    }
  } else if (typeof total === 'number' || typeof total === 'boolean') {
    // Python: [total] * len(seriesList[0]), the raw (unconsolidated) length; True/False act as 1/0
    const value = Number(total);
    totalValues = (seriesList[0] as Series).values.map(() => value);
    totalText = typeof total === 'boolean' ? (total ? 'True' : 'False') : pyStr(total);
  } else {
    throw badArgument(
      call.name,
      'total',
      `total must be a number, a seriesList or None, not ${String(total)}`,
    );
  }
  return seriesList.map((series) => {
    const name = `asPercent(${series.name},${totalText || series.pathExpression})`;
    const { start, end, step } = series;
    return new Series({ name, start, end, step, values: percents(series, totalValues), xFilesFactor });
  });
}
