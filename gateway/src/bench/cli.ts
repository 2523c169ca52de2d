// graphql-js reads NODE_ENV once, when it is loaded: benchmark its production code paths. The
// gateway's own configuration stays `test` (see catalog.ts) so that it reports statement counts.
process.env.NODE_ENV = 'production';
if (process.argv.slice(2).includes('checkout')) {
  // The checkout benchmark runs the gateway as a child process of its own (see checkout.ts).
  const { benchCheckout } = await import('./checkout.js');
  process.exitCode = await benchCheckout();
} else if (process.argv.slice(2).includes('b2b')) {
  // So does the B2B benchmark (see b2b.ts).
  const { benchB2b } = await import('./b2b.js');
  process.exitCode = await benchB2b();
} else if (process.argv.slice(2).includes('segments')) {
  // So does the segments benchmark (see segments.ts).
  const { benchSegments } = await import('./segments.js');
  process.exitCode = await benchSegments();
} else {
  const { benchCatalog } = await import('./catalog.js');
  process.exitCode = await benchCatalog();
}
