'use strict';
// Shared by the lockdown-*.test.js files: runs one probe script in a fresh Node process
// after `import '<impl>'`, where impl is 'ses-reference' (the real ses 2.3.0) or 'ses'
// (this package, resolved by self-reference), and returns what it printed.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

// Every room lockdown() needs; until they all exist the differential tests are skipped.
const NEEDED = [
  'lib/lockdown/lockdown.js',
  'lib/lockdown/permits.js',
  'lib/lockdown/intrinsics.js',
  'lib/lockdown/get-anonymous-intrinsics.js',
  'lib/lockdown/permits-intrinsics.js',
  'lib/harden/make-hardener.js',
  'lib/errors/assert.js',
  'lib/errors/tame-console.js',
  'lib/errors/tame-error-constructor.js',
  'lib/compartment/compartment.js',
  'lib/compartment/global-object.js',
  'lib/compartment/make-safe-evaluator.js',
  'lib/compartment/transforms.js',
  'lib/shims/compartment-shim.js',
  'lib/shims/assert-shim.js',
  'lib/shims/console-shim.js',
];
const missing = NEEDED.filter((f) => !fs.existsSync(path.join(ROOT, f)));
const ready = missing.length === 0;
const skipReason = ready ? false : `waiting for ${missing.join(', ')}`;

// Helpers available to every probe.
const PRELUDE = String.raw`
const __lines = [];
const show = v => {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'function') return 'function ' + JSON.stringify(v.name);
  if (typeof v === 'symbol' || typeof v === 'bigint') return String(v);
  if (v === null || typeof v !== 'object') return String(v);
  try { return Object.prototype.toString.call(v) + ' ' + JSON.stringify(v); } catch (_) { return Object.prototype.toString.call(v); }
};
const r = f => {
  try { return show(f()); } catch (e) {
    let name; try { name = e && e.name; } catch (_) { name = '?'; }
    let msg; try { msg = e && e.message; } catch (_) { msg = '?'; }
    return 'THROWS ' + name + ': ' + String(msg).replace(/\n/g, '\\n');
  }
};
const out = (label, f) => { const line = label + ' → ' + r(f); __lines.push(line); console.log(line); };
const desc = (o, k) => { const d = Reflect.getOwnPropertyDescriptor(o, k); if (!d) return 'absent'; return ('value' in d ? 'data' + (d.writable ? ' w' : ' -') : 'accessor' + (d.get ? ' g' : '') + (d.set ? ' s' : '')) + (d.enumerable ? ' e' : ' -') + (d.configurable ? ' c' : ' -'); };
`;

const cleanEnv = () => {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('LOCKDOWN_') && k !== 'NODE_OPTIONS' && k !== 'NODE_TEST_CONTEXT') {
      env[k] = v;
    }
  }
  return env;
};

// Runs `body` (ES module text) after importing `impl`. `pre` runs before the import
// (it is placed in a module evaluated first).
const runProbe = (impl, body, { env = {}, pre = '', importSpecifier } = {}) => {
  const spec = importSpecifier ? importSpecifier(impl) : impl;
  const code = `${pre ? `import ${JSON.stringify(`data:text/javascript,${encodeURIComponent(pre)}`)};\n` : ''}import '${spec}';\n${PRELUDE}\n${body}\n`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    env: { ...cleanEnv(), ...env },
    encoding: 'utf8',
    timeout: 120000,
  });
  return {
    status: res.status,
    signal: res.signal,
    stdout: res.stdout,
    stderr: res.stderr,
  };
};

// Runs the probe under both implementations and returns both results.
const runBoth = (body, options) => ({
  ref: runProbe('ses-reference', body, options),
  ours: runProbe('ses', body, options),
});

// Line-by-line comparison with a readable failure.
const compareLines = (assert, ref, ours, what = 'stdout') => {
  const a = ref.split('\n');
  const b = ours.split('\n');
  const n = Math.max(a.length, b.length);
  const diffs = [];
  for (let i = 0; i < n; i += 1) {
    if (a[i] !== b[i]) {
      diffs.push(`  line ${i + 1}\n    ses:  ${a[i]}\n    ours: ${b[i]}`);
    }
  }
  if (diffs.length) {
    assert.fail(`${what} differs from ses:\n${diffs.slice(0, 15).join('\n')}`);
  }
};

module.exports = { ROOT, ready, skipReason, runProbe, runBoth, compareLines, PRELUDE };
