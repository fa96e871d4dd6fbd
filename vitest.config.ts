import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ['tests/unit/renderer/**', 'tests/unit/station/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The fast core suite: fakes only, no network, zbar or CUPS. Its files share one module
        // graph (isolate: false), so the journal, pdfkit and the label engine load once, not per file.
        test: {
          name: 'station',
          include: ['tests/unit/station/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: './renderer/vite.config.ts',
        test: {
          name: 'renderer',
          include: ['tests/unit/renderer/**/*.test.tsx'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
