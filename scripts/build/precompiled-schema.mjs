// Build-time compilation of the bundled chart's values.schema.json into a standalone
// validator. Compiling the schema with ajv costs ~120 ms of CPU on every run; the
// generated code loads in a few. The runtime uses it only when the schema it reads
// has the same SHA-256 (a `--chart` with another schema is compiled on the spot).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

/** esbuild plugin: replaces the source stand-in (src/values/precompiled-schema.ts) with the generated validator. */
export function precompiledSchemaPlugin(chartDir) {
  return {
    name: 'precompiled-chart-schema',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]values[\\/]precompiled-schema\.ts$/ }, () => ({
        contents: validatorModule(readFileSync(join(chartDir, 'values.schema.json'), 'utf8')),
        loader: 'js',
        resolveDir: process.cwd(),
      }));
    },
  };
}
