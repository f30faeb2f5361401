// stdev: the moving standard deviation over the last `points` points, from running sums of values and
// squares (graphite-web functions.py stdev); a window needs windowTolerance × points non-null values.
import { badArgument } from '../errors.js';
import type { Series, Value } from '../series.js';
import { argText } from './common/calc-moving.js';
import type { FunctionDef } from './types.js';

export const stdev: FunctionDef = {
  name: 'stdev',
  group: 'Calculate',
  description:
    'The standard deviation over a moving window of points; a window with fewer than windowTolerance × points non-null values gives null.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'points', type: 'integer', required: true },
    { name: 'windowTolerance', type: 'float', default: 0.1 },
  ],
  fn: (call, [seriesList, pointsArg, toleranceArg]) => {
    const points = pointsArg as number;
    const tolerance = toleranceArg as number;
    // graphite-web divides by zero or indexes past the end (500) for such windows
    if (points <= 0) throw badArgument(call.name, 'points', 'points must be a positive integer', points);
    return (seriesList as Series[]).map((series) => {
      const raw = series.values;
      const values: Value[] = [];
      let validPoints = 0;
      let sum = 0;
      let sumOfSquares = 0;
      series.points().forEach((newValue, index) => {
        const dropped = index < points ? null : (raw[index - points] ?? null);
        if (dropped !== null) {
          validPoints -= 1;
          sum -= dropped;
          sumOfSquares -= dropped * dropped;
        }
        if (newValue !== null) {
          validPoints += 1;
          sum += newValue;
          sumOfSquares += newValue * newValue;
        }
        if (validPoints > 0 && validPoints / points >= tolerance) {
          // math.sqrt of a (rounding-)negative number is a ValueError there, None here as there
          const radicand = validPoints * sumOfSquares - sum * sum;
          values.push(radicand < 0 ? null : Math.sqrt(radicand) / validPoints);
        } else {
          values.push(null);
        }
      });
      return series.copy({
        name: `stdev(${series.name},${Math.trunc(points)})`,
        values,
        tags: { ...series.tags, stdev: argText(call, 1, 'points', points) },
      });
    });
  },
};
