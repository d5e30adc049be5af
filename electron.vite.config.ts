import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// main/, preload/ and renderer/ sit at the root (not under src/). The main build has two entries:
// the Electron app and the browser-mode harness, which share every service module.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: { entry: { index: resolve('main/app/index.ts'), harness: resolve('main/harness/cli.ts') } },
      rolldownOptions: { external: ['serialport', '@serialport/bindings-cpp', 'electron-store', 'conf'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve('preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: 'renderer',
    // assets/ is copied next to index.html: voice clips at ./voice/*.wav, the icon.
    publicDir: resolve('assets'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      minify: true,
      // The harness's window.pos (preload/web-bridge.ts) is built here too, at a fixed name, so
      // the browser runs the same buildPosApi as the Electron preload.
      rolldownOptions: {
        input: { index: resolve('renderer/index.html'), 'pos-bridge': resolve('preload/web-bridge.ts') },
        output: { entryFileNames: (chunk) => (chunk.name === 'pos-bridge' ? 'pos-bridge.js' : 'assets/[name]-[hash].js') },
      },
    },
  },
});
