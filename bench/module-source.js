// `new ModuleSource(text)` throughput: ours (Rust, swc) against @endo/module-source 1.5.0
// (Babel), on every file of lodash-es and on acorn's ESM build, interleaved in one
// process (neither needs lockdown).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { ModuleSource as Ours } from 'ses/module-source';
import { ModuleSource as Theirs } from '@endo/module-source';
import { median, printTable, root, rounds, time } from './lib/harness.js';

const require = createRequire(join(root, 'package.json'));
const lodashDir = dirname(require.resolve('lodash-es/package.json'));
const lodash = readdirSync(lodashDir)
  .filter((f) => f.endsWith('.js'))
  .map((f) => readFileSync(join(lodashDir, f), 'utf8'));
const acorn = readFileSync(join(dirname(require.resolve('acorn/package.json')), 'dist', 'acorn.mjs'), 'utf8');

const corpora = [
  { name: `lodash-es (${lodash.length} modules)`, sources: lodash },
  { name: 'acorn.mjs (one large module)', sources: [acorn] },
];

const parseAll = (Ctor, sources) => () => {
  for (const s of sources) new Ctor(s);
};

for (const { name, sources } of corpora) {
  const bytes = sources.reduce((n, s) => n + Buffer.byteLength(s), 0);
  const mb = bytes / 1e6;
  // Warm both up (JIT, lazy loading of the addon and of Babel).
  time(parseAll(Ours, sources));
  time(parseAll(Theirs, sources));
  const ours = [];
  const theirs = [];
  const n = rounds(sources.length > 1 ? 7 : 15);
  for (let i = 0; i < n; i += 1) {
    if (i % 2) {
      theirs.push(time(parseAll(Theirs, sources)));
      ours.push(time(parseAll(Ours, sources)));
    } else {
      ours.push(time(parseAll(Ours, sources)));
      theirs.push(time(parseAll(Theirs, sources)));
    }
  }
  const o = median(ours);
  const t = median(theirs);
  printTable(`new ModuleSource — ${name}, ${mb.toFixed(2)} MB, ${n} rounds`, [
    { name: 'time per round', ours: o, ses: t },
    { name: 'per module', ours: o / sources.length, ses: t / sources.length },
    { name: 'throughput', unit: 'MB/s', ours: mb / (o / 1000), ses: mb / (t / 1000) },
  ]);
  console.log(`speed-up: ${(t / o).toFixed(1)}× the throughput of @endo/module-source`);
}
