import { defineConfig } from 'vitest/config';

// Four projects with different costs: `unit` (pure logic and Ink screens, fast),
// `chart` (real helm 3 and helm 4 binaries, no cluster), `package` (`npm pack` with
// its release build, a real local npm registry, npx in empty folders; needs
// `npm run tools` for helm) and `e2e` (the real control plane from scripts/e2e; run
// `npm run e2e:up` first).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/screens/**/*.test.{ts,tsx}', 'test/cli/**/*.test.{ts,tsx}'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'chart',
          include: ['test/chart/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Each file packs and installs with npm: on 2 cores, one at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // One shared API server on a 2-core machine: files run one at a time,
          // each test in its own namespace.
          fileParallelism: false,
        },
      },
    ],
  },
});
