import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The PolNeAR corpus and the CLI subprocess tests take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { DOTENV_CONFIG_QUIET: 'true' },
    // The skip reporter names the suites a clone without ../shared or Redis left out, and why.
    reporters: ['default', './tests/setup/skip-reporter.ts'],
  },
});
