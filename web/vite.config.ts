import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));

/**
 * Writes `.br` and `.gz` beside every text file of the build, once, at the highest levels: the server
 * (@fastify/static `preCompressed`) then sends them without compressing at each request (issue 16).
 */
function precompress(): Plugin {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  return {
    name: 'recours-precompress',
    apply: 'build',
    closeBundle() {
      for (const path of files(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(path)) continue;
        const bytes = readFileSync(path);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // No public source map: the code is open, but a served map only costs bytes and reveals paths.
    sourcemap: false,
    rollupOptions: {
      // zod ships /*#__PURE__*/ comments Rollup cannot place; they cost nothing, the warnings hide real ones.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // The web code imports the pure domain modules (labels, statuses) from ../src/domain.
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
