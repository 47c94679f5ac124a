import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { validatorModule } from '../../../scripts/build/precompiled-schema.mjs';
import type { SchemaValidate } from '../../../src/values/schema-types.js';
import { validatorFor } from '../../../src/values/schema-validator.js';

const ROOT = join(import.meta.dirname, '../../..');
const schemaText = readFileSync(join(ROOT, 'flask-app/values.schema.json'), 'utf8');
mkdirSync(join(ROOT, '.cache'), { recursive: true });
// Inside the repository, so the generated code's require('ajv/dist/runtime/…') resolves.
const dir = mkdtempSync(join(ROOT, '.cache', 'schema-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function loadGenerated(text: string): Promise<{ sha256: string; validate: SchemaValidate }> {
  const file = join(dir, `v${Math.random().toString(36).slice(2)}.mjs`);
  // The bundle provides `require` through its banner; a bare ES module needs it here.
  const prelude = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n";
  writeFileSync(file, prelude + (validatorModule(text) as string));
  return (await import(pathToFileURL(file).href)).precompiled;
}

const samples: unknown[] = [
  {},
  { replicaCount: 2, image: { repository: 'flask-app', tag: 'dev' } },
  { replicaCount: 'two' },
  { image: { pullPolicy: 'Sometimes' } },
  { ingress: { enabled: true, hosts: [{ host: 'Not A Host' }] } },
  { persistence: { size: 'a lot' }, unknownTopLevelKey: true },
  { autoscaling: { enabled: true, minReplicas: 0, maxReplicas: -1 } },
];

describe('chart schema validator', () => {
  it('the build-time validator reports exactly what the runtime-compiled one does', async () => {
    const generated = await loadGenerated(schemaText);
    // From source, the precompiled stand-in is empty: this one is compiled with ajv.
    const runtime = await validatorFor(schemaText);
    let invalid = 0;
    for (const s of samples) {
      const a = generated.validate(s);
      const b = runtime(s);
      expect(a).toBe(b);
      if (!a) invalid += 1;
      expect(generated.validate.errors ?? null).toEqual(runtime.errors ?? null);
    }
    // The samples must exercise failures, or the comparison proves little.
    expect(invalid).toBeGreaterThanOrEqual(4);
  });

  it('keys the precompiled validator by the SHA-256 of the schema text', async () => {
    const generated = await loadGenerated(schemaText);
    const { createHash } = await import('node:crypto');
    expect(generated.sha256).toBe(createHash('sha256').update(schemaText).digest('hex'));
  });

  it('compiles another schema at run time, once per process', async () => {
    const other = JSON.stringify({ type: 'object', properties: { replicaCount: { type: 'integer', minimum: 1 } } });
    const v = await validatorFor(other);
    expect(v({ replicaCount: 3 })).toBe(true);
    expect(v({ replicaCount: 0 })).toBe(false);
    expect(v.errors?.[0]?.instancePath).toBe('/replicaCount');
    expect(await validatorFor(other)).toBe(v);
  });
});

describe("the chart's values files parsed at build time", () => {
  it('hold exactly what parsing the YAML gives, keyed by the SHA-256 of each file', async () => {
    // @ts-expect-error: a plain .mjs build script without type declarations
    const { valuesModule } = await import('../../../scripts/build/precompiled-schema.mjs');
    const { parse } = await import('yaml');
    const { createHash } = await import('node:crypto');
    const file = join(dir, `values${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(file, valuesModule(join(ROOT, 'flask-app')) as string);
    const { precompiledYaml } = (await import(pathToFileURL(file).href)) as { precompiledYaml: Record<string, string> };
    const names = ['values.yaml', 'values-dev.yaml', 'values-staging.yaml', 'values-prod.yaml'];
    for (const name of names) {
      const text = readFileSync(join(ROOT, 'flask-app', name), 'utf8');
      const json = precompiledYaml[createHash('sha256').update(text).digest('hex')];
      expect(json, name).toBeDefined();
      expect(JSON.parse(json as string)).toEqual(parse(text));
    }
    expect(Object.keys(precompiledYaml)).toHaveLength(names.length);
  });
});
