// graphql-js reads NODE_ENV once, when it is loaded: benchmark its production code paths. The
// gateway's own configuration stays `test` (see catalog.ts) so that it reports statement counts.
process.env.NODE_ENV = 'production';
const { benchCatalog } = await import('./catalog.js');
process.exitCode = await benchCatalog();
