// Sums the vitest JSON reports and pytest JUnit files in a folder into one closing
// line, "N passed, N failed", and fails when any test was skipped or none ran:
// a skipped test is a test not done.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.cache/reports';
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of readdirSync(dir)) {
  const text = readFileSync(join(dir, name), 'utf8');
  if (name.endsWith('.json')) {
    const report = JSON.parse(text);
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (name.endsWith('.xml')) {
    for (const m of text.matchAll(/<testsuite\b[^>]*>/g)) {
      const attr = (key) => Number(new RegExp(`\\b${key}="(\\d+)"`).exec(m[0])?.[1] ?? 0);
      const total = attr('tests');
      const bad = attr('failures') + attr('errors');
      const skip = attr('skipped');
      failed += bad;
      skipped += skip;
      passed += total - bad - skip;
    }
  }
}
if (skipped > 0) console.log(`${skipped} tests were skipped: a skipped test counts as not done`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || skipped > 0 || passed === 0 ? 1 : 0);
