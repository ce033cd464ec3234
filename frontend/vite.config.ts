import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  build: { chunkSizeWarningLimit: 2000 },
  // Vitest reads Go's source (src/api/errors.test.ts checks every domain.Code has a text).
  server: process.env.VITEST ? { fs: { allow: ['.', '../backend'] } } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    // A view's first test imports Element Plus and the view (seconds on 2 busy cores in CI):
    // a limit for a hung test, not a speed check.
    testTimeout: 20000,
    // Element Plus' per-component styles (src/elementPlus.ts) import .css files: let Vite take them.
    server: { deps: { inline: [/element-plus\/es\/components\/[^/]+\/style\//] } },
  },
})
