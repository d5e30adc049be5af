import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The head-office dashboard (main/hq/server.ts serves out/hq): a separate small page, same React + zustand conventions.
export default defineConfig({
  root: 'renderer/hq',
  base: './',
  plugins: [react()],
  build: { outDir: resolve('out/hq'), emptyOutDir: true, minify: true },
});
