// Bundles the CLI into ESM (dist/cli.js plus lazily loaded chunks in dist/chunks/). A
// bundle halves the time to the first frame compared with resolving hundreds of
// node_modules files at startup.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { precompiledSchemaPlugin } from './build/precompiled-schema.mjs';
import { replaceOrFail, stringWidthLazyEmojiRegex, yogaWithoutFetchProbe } from './build-patches.mjs';

// Chunk names carry content hashes: without a clean start, every build would leave the
// previous chunks behind in dist/ (and in the published package).
rmSync('dist', { recursive: true, force: true });

// Packaging. `npm pack`/`npm publish` run `prepack`, which builds with --release: no
// source maps (about 5 MB that no user reads; local builds keep them) and no
// whitespace, so the tarball stays under 1 MB packed and 3 MB unpacked.
// Ink loads its React devtools bridge (./devtools.js, which pulls in react-devtools-core
// and ws) only when DEV=true. Bundled, that is a 117 kB chunk nobody runs; stubbed with
// react-devtools-core alone, ws still came along. Ink's import of ./devtools.js is
// answered with an empty module instead: an external data: URL, which Node imports
// without a file, so no chunk is written and DEV=true renders as without it.
// With DEV=true Ink also reads its own package.json next to the file it runs from: in
// the bundle that is dist/package.json, which does not exist, and the wizard died with
// ENOENT. Its name and version are written in at build time instead.
const release = process.argv.includes('--release');
const packaging = {
  options: release ? { sourcemap: false, minifyWhitespace: true } : { sourcemap: 'linked' },
  plugins: [
    {
      name: 'no-ink-devtools',
      setup(b) {
        b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
          /[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: 'data:text/javascript,', external: true } : undefined,
        );
        b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
          const { name, version } = JSON.parse(readFileSync(join(dirname(args.path), '../package.json'), 'utf8'));
          const source = readFileSync(args.path, 'utf8');
          const contents = replaceOrFail(source, 'await loadPackageJson()', JSON.stringify({ name, version }), 'ink');
          return { contents, loader: 'js' };
        });
      },
    },
  ],
};

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
  ...packaging.options,
  legalComments: 'none',
  plugins: [
    // The bundled chart's values.schema.json as generated code (no ajv compile at run time).
    precompiledSchemaPlugin('flask-app'),
    // Work kept out of the wizard's first frame (see build-patches.mjs).
    yogaWithoutFetchProbe,
    stringWidthLazyEmojiRegex,
    ...packaging.plugins,
  ],
  define: { 'process.env.NODE_ENV': '"production"' },
  // ESM output still needs `require` for the CommonJS dependencies esbuild inlines.
  banner: {
    js: "import { createRequire as __fhwCreateRequire } from 'node:module'; const require = __fhwCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
