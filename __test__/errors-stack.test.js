// tameErrorConstructor (spec 2.4) in fresh processes: our room's function versus the
// reference `ses` after `lockdown()` with the same options. The probe body lives in one
// CommonJS file loaded by both, so its frames have the same file, line and column.
import test from 'node:test';
import assertNode from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.join(here, '..');
const tamePath = path.join(root, 'lib', 'errors', 'tame-error-constructor.js');
const v8Path = path.join(root, 'lib', 'errors', 'tame-v8-error-constructor.js');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'errors-stack-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

let bodyCount = 0;
const writeBody = body => {
  bodyCount += 1;
  const file = path.join(tmp, `probe-${bodyCount}.cjs`);
  fs.writeFileSync(file, `'use strict';\nmodule.exports = () => {\n${body}\n};\n`);
  return file;
};

const runOurs = (bodyFile, errorTaming, stackFiltering) =>
  spawnSync(
    process.execPath,
    [
      '-e',
      `
      const tame = require(${JSON.stringify(tamePath)});
      const r = tame(${JSON.stringify(errorTaming)}, ${JSON.stringify(stackFiltering)});
      globalThis.Error = r['%InitialError%'];
      globalThis.getStackString = r['%InitialGetStackString%'];
      globalThis.SharedError = r['%SharedError%'];
      require(${JSON.stringify(bodyFile)})();
      `,
    ],
    { encoding: 'utf8', cwd: root },
  );

const runRef = (bodyFile, errorTaming, stackFiltering) =>
  spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `
      import { createRequire } from 'node:module';
      await import('ses-reference');
      lockdown({ errorTaming: ${JSON.stringify(errorTaming)}, stackFiltering: ${JSON.stringify(stackFiltering)}, consoleTaming: 'unsafe', overrideTaming: 'min' });
      globalThis.SharedError = Error.prototype.constructor;
      createRequire(${JSON.stringify(pathToFileURL(path.join(root, 'x.js')).href)})(${JSON.stringify(bodyFile)})();
      `,
    ],
    { encoding: 'utf8', cwd: root },
  );

// The launching `-e` frames differ (CommonJS versus ESM eval); drop them.
const dropFramesMatching = pattern => {
  const drop = v => {
    if (typeof v === 'string') {
      return v
        .split('\n')
        .filter(line => !pattern.test(line))
        .join('\n');
    }
    if (Array.isArray(v)) return v.map(drop);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, drop(x)]));
    }
    return v;
  };
  return drop;
};
const dropEvalFrames = dropFramesMatching(/^ *at .*\[eval/);
// Unfiltered stacks also show the launcher's internal frames, which differ likewise.
const dropLauncherFrames = dropFramesMatching(/^ *at .*(\[eval|node:internal)/);

const both = (body, errorTaming = 'safe', stackFiltering = 'concise') => {
  const file = writeBody(body);
  const mine = runOurs(file, errorTaming, stackFiltering);
  const ref = runRef(file, errorTaming, stackFiltering);
  assertNode.equal(mine.stderr, '', 'ours: stderr');
  assertNode.equal(ref.stderr, '', 'ses: stderr');
  return { mine: dropEvalFrames(JSON.parse(mine.stdout)), ref: dropEvalFrames(JSON.parse(ref.stdout)) };
};

// The probe reports with `process.stdout.write`: the console is not in question here.
const report = `const out = v => process.stdout.write(JSON.stringify(v));`;

const shapeProbe = `${report}
  function makeOne() { return new Error('x'); }
  const e = makeOne();
  const f = Error('called');
  const res = {};
  res.stack = e.stack;
  res.stackType = typeof f.stack;
  res.getStackString = getStackString(e);
  res.getStackStringAgain = getStackString(e);
  res.name = Error.name;
  res.length = Error.length;
  res.protoSame = Error.prototype === SharedError.prototype;
  res.ctor = Error.prototype.constructor === SharedError;
  res.initialIsNotShared = Error !== SharedError;
  res.nativeProtos = [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError]
    .map(C => Object.getPrototypeOf(C) === SharedError);
  res.initialKeys = Reflect.ownKeys(Error).map(String).sort();
  res.sharedKeys = Reflect.ownKeys(SharedError).map(String).sort();
  res.limitType = typeof Error.stackTraceLimit;
  const lim = Error.stackTraceLimit;
  Error.stackTraceLimit = 3;
  res.limitSet = Error.stackTraceLimit;
  Error.stackTraceLimit = 'nope';
  res.limitIgnored = Error.stackTraceLimit;
  Error.stackTraceLimit = lim;
  res.sharedLimit = SharedError.stackTraceLimit;
  SharedError.stackTraceLimit = 5;
  res.sharedLimitAfter = SharedError.stackTraceLimit;
  res.sharedPrepare = typeof SharedError.prepareStackTrace;
  try { res.sharedPrepareCall = SharedError.prepareStackTrace(Error('q'), []); } catch (_) { res.sharedPrepareCall = 'threw'; }
  const o = {};
  SharedError.captureStackTrace(o);
  res.sharedCapture = Object.getOwnPropertyDescriptor(o, 'stack');
  const p = {};
  Error.captureStackTrace(p);
  res.initialCaptureType = typeof p.stack;
  res.initialCapture = p.stack;
  res.instanceOf = e instanceof Error && e instanceof SharedError;
  res.subclass = (() => { class Sub extends Error {} const s = new Sub('s'); return [s instanceof Sub, s.message, typeof s.stack]; })();
  out(res);
`;

test('safe: shape and statics agree with ses lockdown', () => {
  const { mine, ref } = both(shapeProbe, 'safe');
  assertNode.equal(mine.stack, '');
  assertNode.match(mine.getStackString, /^\n {2}at makeOne \(/);
  assertNode.deepEqual(mine, ref);
});

test('unsafe: stack is the message plus filtered frames; agrees with ses', () => {
  const { mine, ref } = both(shapeProbe, 'unsafe');
  assertNode.match(mine.stack, /^Error: x\n {2}at makeOne \(/);
  assertNode.deepEqual(mine, ref);
});

test('unsafe-debug: native machinery reachable; agrees with ses', () => {
  const { mine, ref } = both(shapeProbe, 'unsafe-debug');
  assertNode.match(mine.stack, /^Error: x\n {4}at makeOne \(/);
  assertNode.deepEqual(dropLauncherFrames(mine), dropLauncherFrames(ref));
});

const prepareProbe = `${report}
  const res = {};
  function deep() { return new Error('y'); }
  const seen = [];
  Error.prepareStackTrace = (err, sst) => {
    const top = sst[0];
    seen.push(Object.keys(Object.getPrototypeOf(top)).sort());
    seen.push(typeof top.getThis, typeof top.getFunction);
    seen.push(top.getFunctionName(), typeof top.getLineNumber(), top.isNative(), String(top).startsWith('deep ('));
    return 'custom:' + err.message;
  };
  const e = deep();
  res.custom = e.stack;
  res.hookSeen = seen;
  res.getStackStringAfterCustom = getStackString(e).split('\\n').length > 1;
  res.readBack = typeof Error.prepareStackTrace;
  const hook = Error.prepareStackTrace;
  Error.prepareStackTrace = hook;
  res.reinstallSame = Error.prepareStackTrace === hook;
  Error.prepareStackTrace = 'not a function';
  res.restored = deep().stack;
  out(res);
`;

for (const mode of ['safe', 'unsafe']) {
  test(`${mode}: user prepareStackTrace gets the call-site facade; agrees with ses`, () => {
    const { mine, ref } = both(prepareProbe, mode);
    assertNode.equal(mine.custom, 'custom:y');
    assertNode.deepEqual(mine, ref);
  });
}

// Frames from node internals, from /node_modules/ and from functions named __HIDE_*
// are dropped by concise and omit-frames; paths are shortened by concise and
// shorten-paths.
const filterProbe = dir => `${report}
  const fs = require('node:fs');
  const path = require('node:path');
  const nm = path.join(${JSON.stringify(dir)}, 'node_modules', 'dep');
  const pk = path.join(${JSON.stringify(dir)}, 'packages', 'pkg');
  fs.mkdirSync(nm, { recursive: true });
  fs.mkdirSync(pk, { recursive: true });
  fs.writeFileSync(path.join(nm, 'index.js'), 'module.exports = f => [1].map(function depFrame() { return f(); })[0];');
  fs.writeFileSync(path.join(pk, 'index.js'), 'module.exports = f => (function pkgFrame() { return f(); })();');
  const dep = require(nm);
  const pkg = require(pk);
  function __HIDE_me(f) { return f(); }
  const e = pkg(() => dep(() => __HIDE_me(() => new Error('z'))));
  out(getStackString(e).split('\\n').map(l => l.replace(/:\\d+:\\d+\\)?$/, '')));
`;

for (const filtering of ['concise', 'omit-frames', 'shorten-paths', 'verbose']) {
  test(`stackFiltering ${filtering} agrees with ses`, () => {
    const dir = fs.mkdtempSync(path.join(tmp, `f-${filtering}-`));
    const { mine, ref } = both(filterProbe(dir), 'safe', filtering);
    assertNode.deepEqual(mine, ref);
    const text = mine.join('\n');
    if (filtering === 'concise' || filtering === 'omit-frames') {
      assertNode.doesNotMatch(text, /depFrame|__HIDE_me|node:internal|Array\.map/);
    } else {
      assertNode.match(text, /depFrame/);
    }
    if (filtering === 'concise' || filtering === 'shorten-paths') {
      assertNode.match(text, /\(packages\/pkg\/index\.js/);
    }
  });
}

test('frames inside our own lib/ are filtered like ses filters its assert.js', () => {
  const body = `${report}
    const A = require(${JSON.stringify(path.join(root, 'lib', 'errors', 'assert.js'))});
    function userCode() { return A.makeError('m'); }
    out(getStackString(userCode()));
  `;
  const file = writeBody(body);
  const concise = JSON.parse(runOurs(file, 'safe', 'concise').stdout);
  assertNode.match(concise, /^\n {2}at userCode /);
  assertNode.doesNotMatch(concise, /lib\/errors/);
  const verbose = JSON.parse(runOurs(file, 'safe', 'verbose').stdout);
  assertNode.match(verbose, /lib\/errors\/assert\.js/);
});

test('filterFileName and shortenCallSiteString agree with ses', async () => {
  const ours = require(v8Path);
  const theirs = await import(
    pathToFileURL(
      path.join(root, 'node_modules', 'ses-reference', 'src', 'error', 'tame-v8-error-constructor.js'),
    ).href
  );
  const names = [
    null,
    'node:internal/x.js',
    'internal/x.js',
    '/a/node_modules/b/c.js',
    '/x/packages/ses/src/error/assert.js',
    '/x/packages/eventual-send/src/a.js',
    '/x/packages/ses-ava/src/ses-ava-test.js',
    '/home/u/app.js',
    'file:///home/u/app.mjs',
    undefined,
  ];
  for (const n of names) assertNode.equal(ours.filterFileName(n), theirs.filterFileName(n), String(n));
  const sites = [
    'Object.bar (/vat-v1/.../errors/test/deep-send.test.js:13:21)',
    'Object.bar (.../errors/test/deep-send.test.js:13:21)',
    'Object.bar (/Users/m/src/agoric-sdk/packages/errors/test/deep-send.test.js:13:21)',
    'Object.bar (file:///Users/m/packages/x.js:1:2)',
    'Object.bar (file://test/deep-send.test.js:13:21)',
    '/abs/path/file.js:1:1',
    'async Promise.all (index 0)',
  ];
  for (const s of sites) {
    assertNode.equal(ours.shortenCallSiteString(s), theirs.shortenCallSiteString(s), s);
  }
});

test('tameErrorConstructor defaults, as the upstream unit test', () => {
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      `
      const tame = require(${JSON.stringify(tamePath)});
      const r = tame();
      const E = r['%InitialError%'];
      const out = [Object.keys(r).join(','), typeof E.stackTraceLimit];
      E.stackTraceLimit = 11;
      out.push(E.stackTraceLimit);
      const error = E();
      out.push(typeof error.stack, error.stack);
      E.captureStackTrace(error);
      out.push(typeof error.stack);
      out.push(String(E), E.name, tame.default === tame);
      process.stdout.write(JSON.stringify(out));
      `,
    ],
    { encoding: 'utf8' },
  );
  assertNode.equal(r.stderr, '');
  const out = JSON.parse(r.stdout);
  assertNode.deepEqual(out.slice(0, 6), [
    '%InitialGetStackString%,%InitialError%,%SharedError%',
    'number',
    11,
    'string',
    '',
    'string',
  ]);
  assertNode.equal(out[7], 'Error');
});
