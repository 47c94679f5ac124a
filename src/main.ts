// flask-helm-wizard's entry point (bundled into dist/cli.js): argv in, exit code out.
// The flow lives in src/cli/ (ARCHITECTURE.md).
import { main } from './cli/main.js';

const code = await main(process.argv.slice(2));
// Ink, prompts or a finished child may leave handles open; the exit code is final here.
process.stdout.write('', () => process.exit(code));
