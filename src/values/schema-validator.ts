// A validator for a chart's values.schema.json. The bundled chart's schema comes
// precompiled with the build; any other schema (`--chart`, or a chart edited after the
// build) is compiled with ajv here, once per process.
import { createHash } from 'node:crypto';

import type { SchemaValidate } from './schema-types.js';

const compiled = new Map<string, Promise<SchemaValidate>>();

export function validatorFor(schemaText: string): Promise<SchemaValidate> {
  const sha256 = createHash('sha256').update(schemaText).digest('hex');
  let v = compiled.get(sha256);
  if (!v) {
    v = load(sha256, schemaText);
    compiled.set(sha256, v);
  }
  return v;
}

async function load(sha256: string, schemaText: string): Promise<SchemaValidate> {
  // Both imports are lazy: neither belongs on the wizard's start-up path.
  const { precompiled } = await import('./precompiled-schema.js');
  if (precompiled?.sha256 === sha256) return precompiled.validate;
  const mod = await import('ajv');
  // CommonJS interop differs between Node (named export) and the bundle (default only).
  const Ajv = mod.Ajv ?? (mod.default as unknown as { Ajv?: typeof mod.Ajv }).Ajv ?? mod.default;
  // The same options as the build's precompiled validator (scripts/build/precompiled-schema.mjs).
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(schemaText) as object) as SchemaValidate;
}
