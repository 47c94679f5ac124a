// Bundles the CLI into ESM (dist/cli.js plus lazily loaded chunks in dist/chunks/). A
// bundle halves the time to the first frame compared with resolving hundreds of
// node_modules files at startup.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { precompiledSchemaPlugin } from './build/precompiled-schema.mjs';

// yoga-layout's emscripten loader asks `typeof fetch` before it decodes its inlined
// (base64) wasm. On Node the global `fetch` is a lazy getter: that one question loads
// undici (~20 ms of CPU) before the first frame, for a wasm that never comes over the
// network. Only this file is patched: the CLI's own fetch (port-forward checks) stays.
const YOGA_FETCH_PROBE = '"function"!=typeof fetch';
const yogaWithoutFetchProbe = {
  name: 'yoga-without-fetch-probe',
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const probes = source.split(YOGA_FETCH_PROBE).length - 1;
      if (probes === 0) {
        throw new Error(
          `yoga-layout changed: no \`${YOGA_FETCH_PROBE}\` in ${path}; update yogaWithoutFetchProbe in scripts/build.mjs`,
        );
      }
      // `!0` (true) takes the loader's own no-fetch branch: decode the inlined wasm.
      return { contents: source.replaceAll(YOGA_FETCH_PROBE, '!0'), loader: 'js' };
    });
  },
};

// Chunk names carry content hashes: without a clean start, every build would leave the
// previous chunks behind in dist/ (and in the published package).
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli.tsx'],
  // dist/cli.js plus lazily loaded chunks: `--help` compiles only the small entry chunk,
  // the Ink screens are compiled when the wizard starts (V8 compiles a whole ES module
  // up front, so a single 2 MB file cost ~30-60 ms on every start).
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  jsx: 'automatic',
  splitting: true,
  minifySyntax: true,
  sourcemap: 'linked',
  legalComments: 'none',
  // react-devtools-core is an optional Ink dependency that is only loaded with DEV=true.
  // Marking it external is not enough: esbuild hoists the import of an external package
  // to the top of the one-file bundle, and Node then fails at load time because the
  // package is not installed. An empty stand-in keeps Ink's DEV-only path inert.
  plugins: [
    // The bundled chart's values.schema.json as generated code (no ajv compile at run time).
    precompiledSchemaPlugin('flask-app'),
    yogaWithoutFetchProbe,
    {
      name: 'no-react-devtools',
      setup(b) {
        b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
          contents: 'export default { initialize() {}, connectToDevTools() {} };',
        }));
      },
    },
  ],
  define: { 'process.env.NODE_ENV': '"production"' },
  // ESM output still needs `require` for the CommonJS dependencies esbuild inlines.
  banner: {
    js: "import { createRequire as __fhwCreateRequire } from 'node:module'; const require = __fhwCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
