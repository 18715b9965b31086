// Vite build of the web app: root is src/web, output goes to <repo>/dist/web (served by the API server).
// Two HTML entries: index.html (the staff app: antd, lazily loaded pages) and portal.html (the public
// portal under /cong-khai and the user guide under /huong-dan: plain React, no antd, no chart library).
// The manifest (dist/web/.vite/manifest.json) lets the e2e test measure each entry's JavaScript. The user
// guide (docs/user-guide: Markdown + screenshots) is copied to dist/web/huong-dan so installations
// without Internet access still have it. In development /api and /healthz are proxied to port 3000.
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

export default defineConfig(({ command }) => {
  // A build is always a production build, even when NODE_ENV=development is inherited (`thuocdo start`
  // in development, the e2e server): otherwise React's development build ships (about 2× the bytes).
  if (command === 'build') process.env['NODE_ENV'] = 'production';
  return {
    root: webRoot,
    base: '/',
    plugins: [react(), copyUserGuide()],
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
