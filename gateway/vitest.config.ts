import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql for everyone: type-graphql and Apollo load its CommonJS entry.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.e2e.test.ts'],
    // Each e2e file starts its own gateway on its own database; two at a time fit 2 cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
