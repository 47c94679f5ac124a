// Writes the real-node suite's failure table (test/e2e-real/failures.json) for the
// shell benchmark: kinds.txt (one kind a line), args-<i>.txt (one argument a line)
// and secrets.yaml, into the folder given.
//   node bench/real-node-failures.mjs <dir>
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const here = path.join(import.meta.dirname, '..', 'test', 'e2e-real');
const { failures } = JSON.parse(readFileSync(path.join(here, 'failures.json'), 'utf8'));
const dir = process.argv[2];
writeFileSync(path.join(dir, 'kinds.txt'), `${failures.map((f) => f.kind).join('\n')}\n`);
failures.forEach((f, i) => {
  writeFileSync(path.join(dir, `args-${i}.txt`), `${f.args.join('\n')}\n`);
});
copyFileSync(path.join(here, 'failure-secrets.yaml'), path.join(dir, 'secrets.yaml'));
console.log(`${failures.length} failure kinds written to ${dir}`);
