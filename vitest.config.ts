import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ['tests/unit/renderer/**'],
          environment: 'node',
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
