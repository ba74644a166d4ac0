import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { devHttpsOptions } from './scripts/dev-https.js';
import { baseUrlFrom, manifestFor } from './scripts/manifest-url.js';

// The add-in's build: the task pane, the ribbon's function file and the check-result dialog as
// static pages in dist/addin/, with manifest.xml rewritten for where they will be hosted
// (ADDIN_BASE_URL). `npm run dev` serves the same pages over HTTPS with the Office dev certificate.

const root = fileURLToPath(new URL('./src/addin/', import.meta.url));

function productionManifest(): Plugin {
  return {
    name: 'partnerschap-manifest',
    apply: 'build',
    generateBundle() {
      const xml = readFileSync(new URL('./manifest.xml', import.meta.url), 'utf8');
      const base = baseUrlFrom(process.env.ADDIN_BASE_URL);
      this.emitFile({ type: 'asset', fileName: 'manifest.xml', source: manifestFor(xml, base) });
    },
  };
}

async function httpsServers() {
  const server = { port: 3000, strictPort: true, https: await devHttpsOptions() };
  return { server, preview: server };
}

export default defineConfig(async ({ command }) => ({
  root,
  base: './',
  plugins: [react(), productionManifest()],
  build: {
    outDir: fileURLToPath(new URL('./dist/addin/', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        taskpane: `${root}taskpane.html`,
        commands: `${root}commands.html`,
        'check-result': `${root}check-result.html`,
      },
    },
  },
  // `npm run dev` serves the sources, `npm run preview` the production build (with the bundled
  // example); both at the manifest's dev URL, https://localhost:3000.
  ...(command === 'serve' ? await httpsServers() : {}),
}));
