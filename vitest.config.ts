import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The PolNeAR corpus and the CLI subprocess tests take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { DOTENV_CONFIG_QUIET: 'true' },
  },
});
