// Vite build of the web app: root is src/web, output goes to <repo>/dist/web (served by the API server).
// Two HTML entries: index.html (the staff app: antd, lazily loaded pages) and portal.html (the public
// portal under /cong-khai and the user guide under /huong-dan: plain React, no antd, no chart library).
// The manifest (dist/web/.vite/manifest.json) lets the e2e test measure each entry's JavaScript. The user
// guide (docs/user-guide: Markdown + screenshots) is copied to dist/web/huong-dan so installations
// without Internet access still have it. Every text file of the output is then precompressed (brotli and
// gzip next to it, scripts/precompress-web.ts) for the server to send as is. In development /api and
// /healthz are proxied to port 3000.
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressDir } from '../../scripts/precompress-web.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${repoRoot}dist/web`;

function copyUserGuide(): Plugin {
  return {
    name: 'thuocdo-user-guide',
    apply: 'build',
    writeBundle() {
      const from = `${repoRoot}docs/user-guide`;
      if (existsSync(from))
        cpSync(from, `${outDir}/huong-dan`, { recursive: true, filter: (src) => !/\.(tmp|orig)$/.test(src) });
    },
  };
}

/** Last step of the build (after the user guide is copied): .br and .gz beside each text file. */
function precompress(): Plugin {
  return {
    name: 'thuocdo-precompress',
    apply: 'build',
    closeBundle: {
      order: 'post',
      handler() {
        precompressDir(outDir);
      },
    },
  };
}

export default defineConfig(({ command }) => {
  // A build is always a production build, even when NODE_ENV=development is inherited (`thuocdo start`
  // in development, the e2e server): otherwise React's development build ships (about 2× the bytes).
  if (command === 'build') process.env['NODE_ENV'] = 'production';
  return {
    root: webRoot,
    base: '/',
    plugins: [react(), copyUserGuide(), precompress()],
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 1200,
      manifest: true,
      rolldownOptions: {
        input: { main: `${webRoot}index.html`, portal: `${webRoot}portal.html` },
        // React in a chunk of its own, so the portal's first load is React plus the portal's own code.
        output: {
          codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
        },
      },
    },
    server: {
      proxy: {
        '/api': 'http://localhost:3000',
        '/healthz': 'http://localhost:3000',
      },
    },
  };
});
