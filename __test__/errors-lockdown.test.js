// The errors room through the public entry: `import 'ses'; lockdown(options)` versus
// the reference `ses` 2.3.0, in fresh processes. One probe file serves both (its
// frames then match), importing the entry named by SES_ENTRY.
import test from 'node:test';
import assertNode from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.join(here, '..');
const entries = {
  ours: pathToFileURL(path.join(root, 'index.js')).href,
  ses: pathToFileURL(path.join(root, 'node_modules', 'ses-reference', 'index.js')).href,
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'errors-lockdown-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

let count = 0;
const run = (body, env = {}, nodeArgs = []) => {
  count += 1;
  const file = path.join(tmp, `probe-${count}.mjs`);
  fs.writeFileSync(file, `await import(process.env.SES_ENTRY);\n${body}\n`);
  const outs = {};
  for (const [label, entry] of Object.entries(entries)) {
    const r = spawnSync(process.execPath, [...nodeArgs, file], {
      encoding: 'utf8',
      env: { ...process.env, ...env, SES_ENTRY: entry },
    });
    outs[label] = { stdout: r.stdout, stderr: r.stderr, status: r.status };
  }
  return outs;
};

// Identical except for where each implementation lives on disk.
const same = (outs, name) => {
  const clean = s =>
    s
      .replaceAll(pathToFileURL(path.join(root, 'node_modules', 'ses-reference')).href, '<SES>')
      .replaceAll(path.join(root, 'node_modules', 'ses-reference'), '<SES>')
      .replaceAll(pathToFileURL(root).href, '<SES>')
      .replaceAll(root, '<SES>')
      .replace(/<SES>\/(src|lib)\/[\w/.-]+:\d+:\d+/g, '<SES-FILE>');
  assertNode.equal(clean(outs.ours.stdout), clean(outs.ses.stdout), `${name}: stdout`);
  assertNode.equal(clean(outs.ours.stderr), clean(outs.ses.stderr), `${name}: stderr`);
  assertNode.equal(outs.ours.status, outs.ses.status, `${name}: status`);
  return outs.ours;
};

const assertProbe = `
const show = f => { try { return String(f()); } catch (e) { return e.name + ': ' + e.message; } };
const line = () => [
  show(() => assert.Fail\`v=\${42} \${'s'} \${assert.quote('q')}\`),
  show(() => assert.equal(1, 2)),
  show(() => assert.typeof(1, 'string')),
  Object.isFrozen(assert),
  Reflect.ownKeys(assert).join(),
].join(' | ');
console.log('before', line());
lockdown(LOCKDOWN_OPTIONS);
console.log('after', line());
console.log(Object.getOwnPropertyDescriptor(globalThis, 'assert').enumerable, typeof globalThis.getStackString);
console.log('makeError ctor is Error:', assert.makeError('x').constructor === Error);
console.log('TypeError proto is Error:', Object.getPrototypeOf(TypeError) === Error);
console.log('shared ctor:', Error.prototype.constructor === new Compartment().globalThis.Error);
console.log('compartment has assert:', 'assert' in new Compartment().globalThis);
`;

for (const errorTaming of ['safe', 'unsafe', 'unsafe-debug']) {
  test(`global assert and Error identities, errorTaming ${errorTaming}`, () => {
    const outs = run(
      assertProbe.replace('LOCKDOWN_OPTIONS', JSON.stringify({ errorTaming })),
    );
    const r = same(outs, errorTaming);
    assertNode.equal(r.status, 0);
    if (errorTaming === 'safe') assertNode.match(r.stdout, /^after Error: v=\(a number\)/m);
    else assertNode.match(r.stdout, /^after Error: v=42/m);
  });
}

test('LOCKDOWN_ERROR_TAMING=unsafe keeps the unredacted assert', () => {
  const r = same(run(assertProbe.replace('LOCKDOWN_OPTIONS', '{}'), { LOCKDOWN_ERROR_TAMING: 'unsafe' }), 'env');
  assertNode.match(r.stdout, /^after Error: v=42/m);
});

const consoleProbe = `
lockdown(LOCKDOWN_OPTIONS);
function makeIt() { return assert.makeError(assert.details\`secret \${'s'} n=\${1}\`, TypeError, { cause: RangeError('inner') }); }
const e = makeIt();
assert.note(e, assert.details\`a note \${{ k: 1 }}\`);
console.log('x', e, typeof e.stack, e.stack.length);
assert.note(e, 'after logging');
console.error('%s and %d', 'fmt', 7, Error('plain'));
const agg = assert.makeError('agg', AggregateError, { errors: [Error('a'), Error('b')] });
console.warn(agg);
console.log('%c%j %x %%', 'css', 1, 2);
const lines = [];
const mk = globalThis[Symbol.for('MAKE_CAUSAL_CONSOLE_FROM_LOGGER_KEY_FOR_SES_AVA')];
const ava = mk((...args) => lines.push(args.map(a => typeof a === 'string' ? a.replace(/\\n {2}at [^\\n]*/g, '<frame>') : a)));
ava.log('via logger', makeIt());
console.log(JSON.stringify(lines));
`;

for (const [label, opts] of [
  ['safe', {}],
  ['unsafe', { errorTaming: 'unsafe' }],
  ['verbose', { stackFiltering: 'verbose' }],
  ['unsafe console', { consoleTaming: 'unsafe' }],
]) {
  test(`causal console after lockdown (${label})`, () => {
    const outs = run(consoleProbe.replace('LOCKDOWN_OPTIONS', JSON.stringify(opts)));
    // verbose stacks include each implementation's own frames, which differ by design
    if (label === 'verbose') {
      const strip = s => s.split('\n').filter(l => !/^\s+at /.test(l)).join('\n');
      for (const k of ['ours', 'ses']) outs[k].stdout = strip(outs[k].stdout);
    }
    const r = same(outs, label);
    assertNode.equal(r.status, 0);
  });
}

test('SES_UNCAUGHT_EXCEPTION and exit 255', () => {
  const r = same(
    run(`lockdown(); setTimeout(() => { throw assert.makeError(assert.details\`late \${'x'}\`); }, 1);`),
    'uncaught',
  );
  assertNode.equal(r.status, 255);
  assertNode.match(r.stderr, /SES_UNCAUGHT_EXCEPTION: \(Error#1\)/);
});

test('errorTrapping none: node default', () => {
  const outs = run(`lockdown({ errorTrapping: 'none' }); throw Error('bare');`);
  assertNode.equal(outs.ours.status, outs.ses.status);
  assertNode.equal(outs.ours.status, 1);
});

test('SES_UNHANDLED_REJECTION keeps the process alive', () => {
  const r = same(
    run(`lockdown(); globalThis.p = Promise.reject(Error('nobody')); setTimeout(() => console.log('alive'), 5);`),
    'rejection',
  );
  assertNode.equal(r.status, 0);
  assertNode.match(r.stderr, /SES_UNHANDLED_REJECTION: \(Error#1\)/);
});

test('prepareStackTrace facade and getStackString after lockdown', () => {
  const r = same(
    run(`
      lockdown();
      function here() { return Error('h'); }
      const e = here();
      console.log(JSON.stringify([e.stack, getStackString(e)]));
      Error.prepareStackTrace = (err, sst) => sst.map(s => [typeof s.getThis, s.getFunctionName()]).slice(0, 1);
      console.log(JSON.stringify(here().stack));
      const c = new Compartment();
      console.log(c.evaluate('[typeof Error.stackTraceLimit, Error.prepareStackTrace(), (() => { const o = {}; Error.captureStackTrace(o); return o.stack; })()]').join());
    `),
    'prepare',
  );
  assertNode.match(r.stdout, /\[\["undefined","here"\]\]/);
});

test('an unhandled rejection is reported when its promise is collected', () => {
  const r = same(
    run(
      `
      lockdown();
      (() => { Promise.reject(Error('dropped')); })();
      setTimeout(() => {
        globalThis.gc();
        setTimeout(() => console.log('after gc'), 20);
      }, 5);
      `,
      {},
      ['--expose-gc'],
    ),
    'gc',
  );
  assertNode.equal(r.status, 0);
  // reported before the process ends, not at exit
  assertNode.match(r.stderr, /SES_UNHANDLED_REJECTION: \(Error#1\)/);
});

test('errorTrapping exit and report', () => {
  const exit = same(run(`lockdown({ errorTrapping: 'exit' }); process.exitCode = 3; throw Error('e');`), 'exit');
  assertNode.equal(exit.status, 3);
  const report = same(
    run(`lockdown({ errorTrapping: 'report' }); setTimeout(() => console.log('on'), 5); throw Error('r');`),
    'report',
  );
  assertNode.equal(report.status, 0);
  assertNode.match(report.stdout, /on/);
});

test('the ses-ava hook needs harden, so fails before lockdown', () => {
  const r = same(
    run(`
      try { globalThis[Symbol.for('MAKE_CAUSAL_CONSOLE_FROM_LOGGER_KEY_FOR_SES_AVA')](() => {}); }
      catch (e) { console.log(e.name, e.message); }
    `),
    'hook',
  );
  assertNode.equal(r.stdout, 'ReferenceError harden is not defined\n');
});
