// The package's entry points: every `exports` key resolves under both `import` and
// `require`, each shim installs exactly its own globals, and ESM and CommonJS share one
// instance (so one lockdown serves both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Run `code` as a module (or a CommonJS script) in a fresh process. The code is written
// to a file inside the package, where `ses` resolves to this package by self-reference
// (and where, unlike \`node -e\`, Node predefines no \`assert\` global).
const run = (code, { cjs = false } = {}) => {
  const file = fileURLToPath(new URL(`./.tmp-entry-${process.pid}-${(counter += 1)}.${cjs ? 'cjs' : 'mjs'}`, import.meta.url));
  writeFileSync(file, code);
  try {
    const out = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    return { status: out.status, stdout: out.stdout.trim(), stderr: out.stderr.trim() };
  } finally {
    rmSync(file, { force: true });
  }
};
let counter = 0;

test('package.json names the package ses and maps the ses entry points', () => {
  assert.equal(pkg.name, 'ses');
  for (const key of ['.', './lockdown', './tools.js', './assert-shim.js', './lockdown-shim.js',
    './compartment-shim.js', './console-shim.js', './module-source', './package.json']) {
    assert.ok(key in pkg.exports, `exports lacks ${key}`);
  }
});

const newGlobals = `const before = new Set(Reflect.ownKeys(globalThis));`;
const listNew = `Reflect.ownKeys(globalThis).filter((k) => !before.has(k)).map(String).sort()`;

test('import "ses" installs lockdown, repairIntrinsics, Compartment, assert and the console hook', () => {
  const r = run(`${newGlobals} await import('ses'); console.log(JSON.stringify(${listNew}));`);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [
    'Compartment', 'Symbol(MAKE_CAUSAL_CONSOLE_FROM_LOGGER_KEY_FOR_SES_AVA)', 'assert', 'lockdown', 'repairIntrinsics',
  ].sort());
});

test('require("ses") installs the same globals and exports nothing', () => {
  const r = run(`${newGlobals} const m = require('ses'); console.log(JSON.stringify([${listNew}, Object.keys(m)]));`, { cjs: true });
  assert.equal(r.status, 0, r.stderr);
  const [names, exported] = JSON.parse(r.stdout);
  assert.ok(names.includes('lockdown') && names.includes('Compartment') && names.includes('repairIntrinsics'));
  assert.deepEqual(exported, []);
});

for (const [entry, expected] of [
  ['ses/lockdown-shim.js', ['lockdown', 'repairIntrinsics']],
  ['ses/compartment-shim.js', ['Compartment']],
  ['ses/assert-shim.js', ['assert']],
  ['ses/console-shim.js', ['Symbol(MAKE_CAUSAL_CONSOLE_FROM_LOGGER_KEY_FOR_SES_AVA)']],
]) {
  test(`${entry} installs only ${expected.join(', ')}`, () => {
    const r = run(`${newGlobals} await import('${entry}'); console.log(JSON.stringify(${listNew}));`);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), expected);
  });
}

test('ESM and CommonJS share one instance: lockdown through one is seen by the other', () => {
  const r = run(`
    import { createRequire } from 'node:module';
    await import('ses');
    const esmLockdown = globalThis.lockdown;
    createRequire(import.meta.url)('ses');
    console.log(globalThis.lockdown === esmLockdown);
    lockdown();
    console.log(typeof harden, Object.isFrozen(Array.prototype));
  `);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'true\nfunction true');
});

test('ses/tools.js exports frozen transforms and scopeTerminators and installs no globals', () => {
  const r = run(`${newGlobals}
    const tools = await import('ses/tools.js');
    console.log(JSON.stringify([${listNew}, Object.keys(tools).sort(), Object.isFrozen(tools.transforms),
      tools.transforms.applyTransforms('a', [(s) => s + 'b', (s) => s + 'c'])]));`);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [[], ['scopeTerminators', 'transforms'], true, 'abc']);
});

test('ses/module-source exports ModuleSource under import and require', () => {
  const esm = run(`const { ModuleSource } = await import('ses/module-source'); console.log(new ModuleSource('export default 1').exports[0]);`);
  assert.equal(esm.status, 0, esm.stderr);
  assert.equal(esm.stdout, 'default');
  const cjs = run(`const { ModuleSource } = require('ses/module-source'); console.log(new ModuleSource('export const a = 1').exports[0]);`, { cjs: true });
  assert.equal(cjs.status, 0, cjs.stderr);
  assert.equal(cjs.stdout, 'a');
});
