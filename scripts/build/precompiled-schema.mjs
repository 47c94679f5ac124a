// Build-time work on the bundled chart that every run would otherwise redo: its
// values.schema.json compiled into a standalone validator (ajv's compile costs ~120 ms
// of CPU), and its values files parsed from YAML (the commented values.yaml takes
// ~30 ms). The runtime uses each only when the file it reads has the same SHA-256, so
// a `--chart` elsewhere, or a chart edited after the build, is read on the spot.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** ES module source: `export const precompiled = { sha256, validate }`. */
export function validatorModule(schemaText) {
  const { default: Ajv } = require('ajv');
  const standalone = require('ajv/dist/standalone').default;
  // The options must match src/values/schema-validator.ts, or errors would differ.
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true } });
  const code = standalone(ajv, ajv.compile(JSON.parse(schemaText)));
  const sha256 = createHash('sha256').update(schemaText).digest('hex');
  return `${code}\nexport const precompiled = { sha256: ${JSON.stringify(sha256)}, validate: validate10 };\n`;
}

/** ES module source: `export const precompiledYaml = { [sha256]: JSON text }` for the chart's values files. */
export function valuesModule(chartDir) {
  const { parse } = require('yaml');
  const entries = readdirSync(chartDir)
    .filter((f) => /^values(-[a-z]+)?\.yaml$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(chartDir, f), 'utf8');
      const sha256 = createHash('sha256').update(text).digest('hex');
      return [sha256, JSON.stringify(parse(text) ?? {})];
    });
  return `export const precompiledYaml = ${JSON.stringify(Object.fromEntries(entries))};\n`;
}

/**
 * esbuild plugin: replaces the source stand-ins (src/values/precompiled-schema.ts and
 * src/values/precompiled-values.ts) with the generated modules.
 */
export function precompiledSchemaPlugin(chartDir) {
  return {
    name: 'precompiled-chart',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]values[\\/]precompiled-schema\.ts$/ }, () => ({
        contents: validatorModule(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')),
        loader: 'js',
        resolveDir: process.cwd(),
      }));
      b.onLoad({ filter: /[\\/]src[\\/]values[\\/]precompiled-values\.ts$/ }, () => ({
        contents: valuesModule(chartDir),
        loader: 'js',
      }));
    },
  };
}
