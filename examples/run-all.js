// `npm run demo`: runs every example in this folder in its own Node process (each one
// calls lockdown(), which happens once per process) and shows what it printed.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.mjs')).sort();
let failed = 0;
for (const file of files) {
  const firstComment = readFileSync(join(here, file), 'utf8').match(/^\/\/ (.*)$/m);
  console.log(`\n=== ${file}${firstComment ? ` — ${firstComment[1]}` : ''}`);
  const run = spawnSync(process.execPath, [join(here, file)], { encoding: 'utf8', timeout: 20000 });
  process.stdout.write(run.stdout.replace(/^/gm, '  '));
  if (run.stderr) process.stdout.write(run.stderr.replace(/^/gm, '  ! '));
  if (run.status !== 0) {
    failed += 1;
    console.log(`  (exit code ${run.status})`);
  }
}
console.log(`\n${files.length - failed} of ${files.length} examples ran cleanly`);
process.exitCode = failed ? 1 : 0;
