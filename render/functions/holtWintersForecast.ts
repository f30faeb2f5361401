// holtWintersForecast: the Holt-Winters prediction of each series, bootstrapped from bootstrapInterval of
// earlier data fetched again (graphite-web functions.py holtWintersForecast).
import { Series } from '../series.js';
import { analysePreview, trimBootstrap } from './common/calc-holt-winters.js';
import type { FunctionDef } from './types.js';

export const holtWintersForecast: FunctionDef = {
  name: 'holtWintersForecast',
  group: 'Calculate',
  description:
    'The Holt-Winters forecast of each series, learned from bootstrapInterval of earlier data with the given seasonality.',
  params: [
    { name: 'seriesList', type: 'seriesList', required: true },
    { name: 'bootstrapInterval', type: 'interval', default: '7d', suggestions: ['7d', '30d'] },
    { name: 'seasonality', type: 'interval', default: '1d', suggestions: ['1d', '7d'] },
  ],
  fn: async (call, [, bootstrapInterval, seasonality]) => {
    const { previewSeconds, analysed } = await analysePreview(
      call,
      bootstrapInterval ?? '7d',
      seasonality ?? '1d',
    );
    return analysed.map(({ series, analysis }) => {
      const name = `holtWintersForecast(${series.name})`;
      return new Series({
        name,
        start: series.start + previewSeconds,
        end: series.end,
        step: series.step,
        values: trimBootstrap(analysis.predictions, previewSeconds, series.step),
        pathExpression: name,
        tags: { ...series.tags, holtWintersForecast: '1', holtWintersDeviation: '1' },
        xFilesFactor: series.xFilesFactor,
      });
    });
  },
};
