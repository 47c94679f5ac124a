// Stand-in for the validator that the build generates from flask-app/values.schema.json
// (scripts/build/precompiled-schema.mjs replaces this module in the bundle). Running
// from source there is none, and the schema is compiled at run time instead.
import type { SchemaValidate } from './schema-types.js';

export const precompiled: { sha256: string; validate: SchemaValidate } | undefined = undefined;
