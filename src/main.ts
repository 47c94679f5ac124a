// flask-helm-wizard entry point (bundled into dist/cli.js). The flow lives in src/cli/;
// this file only connects the release pipelines to it.
import type { Pipeline } from './cli/context.js';
import { main } from './cli/main.js';

/**
 * ── Pipeline dispatch ─────────────────────────────────────────────────────────
 * One entry per release command, each lazy-loaded (keeps `--help` fast). Signature:
 * `(request: InstallRequest | ReleaseRequest, ctx: CliContext) => Promise<ExitCode>`
 * (src/cli/context.ts). A command without an entry exits 1 saying it is not
 * available in this build.
 */
const entries = () => import('./cli/release/entries.js');
const pipeline: Pipeline = {
  install: async (r, ctx) => (await entries()).installEntry(r, ctx),
  upgrade: async (r, ctx) => (await entries()).installEntry(r, ctx),
  rollback: async (r, ctx) => (await entries()).rollbackEntry(r, ctx),
  status: async (r, ctx) => (await entries()).statusEntry(r, ctx),
  'port-forward': async (r, ctx) => (await entries()).portForwardEntry(r, ctx),
  uninstall: async (r, ctx) => (await entries()).uninstallEntry(r, ctx),
};

const code = await main(process.argv.slice(2), pipeline);
// Ink, prompts or a finished child may leave handles open; the exit code is final here.
process.stdout.write('', () => process.exit(code));
