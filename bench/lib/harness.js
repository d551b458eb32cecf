// Shared timing helpers. Every comparison is interleaved: the two implementations take
// turns, round after round, so drift on a busy machine (thermal, other processes)
// falls on both alike. Results are medians over rounds.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const quick = process.env.QUICK === '1';
export const rounds = (n) => Math.max(3, quick ? Math.ceil(n / 4) : n);

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Time `fn` once, in milliseconds. */
export const time = (fn) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/**
 * Run `script` (a file in bench/cases) in a fresh Node process with `impl` ('ours' or
 * 'ses') and return the JSON it printed on its last line.
 */
export const runCase = (script, impl, args = []) => {
  const out = spawnSync(process.execPath, [join(root, 'bench', 'cases', script), impl, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) {
    return { error: (out.stderr || out.stdout || `exit ${out.status}`).trim().split('\n').slice(-3).join(' | ') };
  }
  const lines = out.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
};

/**
 * Interleave `runCase` for both implementations `n` times; medians per metric, and the
 * raw results of each round (`rounds[i].ours`, `rounds[i].ses`, absent on error).
 */
export const compareCases = (script, n, args = []) => {
  const acc = { ours: {}, ses: {} };
  const errors = {};
  const perRound = [];
  for (let i = 0; i < n; i += 1) {
    const round = {};
    for (const impl of i % 2 ? ['ses', 'ours'] : ['ours', 'ses']) {
      const result = runCase(script, impl, args);
      if (result.error) {
        errors[impl] = result.error;
        continue;
      }
      round[impl] = result;
      for (const [k, v] of Object.entries(result)) (acc[impl][k] ||= []).push(v);
    }
    perRound.push(round);
  }
  const med = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, median(v)]));
  return { ours: med(acc.ours), ses: med(acc.ses), errors, rounds: perRound };
};

/**
 * How many times faster ours is on `metric` (a time): the median over rounds of
 * ses / ours within each round. The two runs of a round follow each other, so a slow
 * spell of the machine weighs on both; undefined when no round has both.
 */
export const pairedSpeedUp = (perRound, metric) => {
  const ratios = perRound
    .filter((r) => r.ours?.[metric] > 0 && r.ses?.[metric] > 0)
    .map((r) => r.ses[metric] / r.ours[metric]);
  return ratios.length ? median(ratios) : undefined;
};

const fmt = (x) => (x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(3));

/**
 * Print a table: one row per metric, columns ours / ses / ratio. `lowerIsBetter` per row
 * decides how the ratio reads: for times, ours/ses (below 1 is faster); for throughputs,
 * ours/ses too (above 1 is faster) — the header says which.
 */
export const printTable = (title, rows) => {
  console.log(`\n## ${title}`);
  console.log('| measure | ours | ses | ours/ses |');
  console.log('|---|---|---|---|');
  for (const { name, ours, ses, unit = 'ms' } of rows) {
    const ratio = ours !== undefined && ses !== undefined && ses !== 0 ? ours / ses : undefined;
    console.log(`| ${name} (${unit}) | ${fmt(ours)} | ${fmt(ses)} | ${ratio === undefined ? '—' : `${ratio.toFixed(3)}×`} |`);
  }
};
