// Bundles the CLI into ESM (dist/cli.js plus lazily loaded chunks in dist/chunks/). A
// bundle halves the time to the first frame compared with resolving hundreds of
// node_modules files at startup.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { precompiledSchemaPlugin } from './build/precompiled-schema.mjs';
import { stringWidthLazyEmojiRegex, yogaWithoutFetchProbe } from './build-patches.mjs';

// Chunk names carry content hashes: without a clean start, every build would leave the
// previous chunks behind in dist/ (and in the published package).
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/main.ts' },
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
    // Work kept out of the wizard's first frame (see build-patches.mjs).
    yogaWithoutFetchProbe,
    stringWidthLazyEmojiRegex,
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
