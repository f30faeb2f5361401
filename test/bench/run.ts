// `npm run bench -- <name>`: runs one benchmark script from test/bench/ (storage, …) and prints its table.
const benches: Record<string, (args: readonly string[]) => Promise<void>> = {
  storage: async (args) => (await import('./storage.js')).runStorageBench(args),
  ingest: async (args) => (await import('./ingest.js')).runIngestBench(args),
  find: async (args) => (await import('./find.js')).runFindBench(args),
  render: async (args) => (await import('./render.js')).runRenderBench(args),
  cli: async (args) => (await import('./cli.js')).runCliBench(args),
};

const name = process.argv[2] ?? '';
const bench = benches[name];
if (bench === undefined) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
await bench(process.argv.slice(3));
