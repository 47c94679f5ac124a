// Stand-in for the chart's values files parsed at build time (JSON text keyed by the
// SHA-256 of the YAML text; scripts/build/precompiled-schema.mjs replaces this module
// in the bundle). Running from source there are none, and the YAML is parsed instead.
export const precompiledYaml: Readonly<Record<string, string>> = {};
