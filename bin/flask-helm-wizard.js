#!/usr/bin/env node
// Node 22.1+ can keep V8's compiled code between runs: the wizard's modules are then
// read, not compiled, on every start after the first. Node 20 has no such API and
// compiles each time. The cache is only a speed-up: if it cannot be written, nothing
// changes. Dynamic import: a static one would load the CLI before the cache is on.
import module from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

function enableCompileCache() {
  if (typeof module.enableCompileCache !== 'function') return;
  const env = process.env;
  const base = env.FHW_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'flask-helm-wizard');
  try {
    const { status } = module.enableCompileCache(join(base, 'compile-cache'));
    if (status === module.constants?.compileCacheStatus?.FAILED) {
      module.enableCompileCache(join(tmpdir(), 'flask-helm-wizard-compile-cache'));
    }
  } catch {
    // A cache we cannot use costs only time.
  }
}

enableCompileCache();
await import('../dist/cli.js');
