/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  build: { chunkSizeWarningLimit: 5000 },
  test: {
    // sim/ tests run under node, not jsdom: that is what proves the core is pure.
    include: ['sim/**/*.test.ts', 'web/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    globals: false,
  },
})
