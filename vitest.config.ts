import { defineConfig } from 'vitest/config';

// Five projects with different costs: `unit` (pure logic and Ink screens, fast),
// `chart` (real helm 3 and helm 4 binaries, no cluster), `package` (`npm pack` with
// its release build, a real local npm registry, npx in empty folders; needs
// `npm run tools` for helm), `e2e` (the real control plane from scripts/e2e with kwok
// nodes; run `npm run e2e:up` first) and `e2e-real` (the same with one real kubelet
// node; `E2E_NODES=real npm run e2e:up`).
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
      {
        test: {
          // The real-node lane (E2E_NODES=real npm run e2e:up): real containers on a
          // kubelet node. Slower than kwok (real images, real back-offs), so its own project.
          name: 'e2e-real',
          include: ['test/e2e-real/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
