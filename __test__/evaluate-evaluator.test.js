// The safe evaluator in process, before lockdown: scope constants, per-evaluator
// evaluate caching, the scope terminators exported by ses/tools.js, and the fast path
// that skips the rejection scan (which must never skip a source that could match).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import 'ses';
import { scopeTerminators, transforms } from 'ses/tools.js';

const require = createRequire(import.meta.url);
const { makeSafeEvaluator } = require('../lib/compartment/make-safe-evaluator.js');
const { getScopeConstants, isValidIdentifierName } = require('../lib/compartment/scope-constants.js');

test('scope constants: immutable data properties with plain identifier names', () => {
  const g = Object.create(null, {
    k: { value: 1, writable: false, configurable: false },
    w: { value: 1, writable: true, configurable: false },
    c: { value: 1, writable: false, configurable: true },
    a: { get() {}, configurable: false },
    'not-id': { value: 1 },
    eval: { value: 1 },
    let: { value: 1 },
    shadowed: { value: 1 },
  });
  const lex = Object.create(null, {
    shadowed: { value: 2, writable: true, configurable: true },
    lk: { value: 3 },
  });
  assert.deepEqual(getScopeConstants(g, lex), {
    globalObjectConstants: ['k'],
    moduleLexicalConstants: ['lk'],
  });
  assert.equal(isValidIdentifierName('arguments'), false);
  assert.equal(isValidIdentifierName('$ok_1'), true);
  assert.equal(isValidIdentifierName('1no'), false);
});

test('makeSafeEvaluator over a plain object', () => {
  const globalObject = { x: 1 };
  const { safeEvaluate } = makeSafeEvaluator({ globalObject });
  assert.equal(safeEvaluate('x + 1'), 2);
  assert.equal(safeEvaluate('this'), globalObject);
  assert.equal(safeEvaluate('typeof process'), 'undefined');
  assert.throws(() => safeEvaluate('y = 1'), { name: 'ReferenceError', message: 'y is not defined' });
  assert.throws(() => safeEvaluate('<!--'), SyntaxError);
  // Direct-eval rejection is not part of the bare evaluator (this global has no eval).
  assert.throws(() => safeEvaluate('eval("x")'), { name: 'TypeError', message: 'eval is not a function' });
  const sloppy = makeSafeEvaluator({ globalObject, sloppyGlobalsMode: true });
  assert.equal(sloppy.safeEvaluate('y = 5; y'), 5);
  assert.equal(globalObject.y, 5);
});

test('global transforms apply to every evaluation, after local ones', () => {
  const log = [];
  const { safeEvaluate } = makeSafeEvaluator({
    globalObject: {},
    globalTransforms: [s => (log.push('g'), s)],
  });
  safeEvaluate('1', { localTransforms: [s => (log.push('l'), s)] });
  assert.deepEqual(log, ['l', 'g']);
  // A local rejectSomeDirectEvalExpressions still runs before the global transforms.
  assert.throws(
    () => safeEvaluate('eval("1")', { localTransforms: [transforms.rejectSomeDirectEvalExpressions] }),
    /SES_EVAL_REJECTED/,
  );
});

test('scope terminators', () => {
  const { strictScopeTerminator, createSloppyGlobalsScopeTerminator } = scopeTerminators;
  assert.equal('anything' in strictScopeTerminator, true);
  assert.equal(strictScopeTerminator.anything, undefined);
  assert.throws(() => {
    strictScopeTerminator.x = 1;
  }, { name: 'ReferenceError', message: 'x is not defined' });
  assert.throws(() => Object.defineProperty(strictScopeTerminator, 'x', { value: 1 }), /unexpected scope handler trap/);
  assert.equal(Object.getPrototypeOf(strictScopeTerminator), null);
  const g = {};
  const sloppy = createSloppyGlobalsScopeTerminator(g);
  sloppy.z = 3;
  assert.equal(g.z, 3);
  assert.equal('q' in sloppy, true);
});

test('the scan shortcut never skips a source that could be rejected', () => {
  const c = new Compartment();
  const rejected = [
    '<!--', '-->', 'import(1)', 'import /* */ (1)', '[...import(x)]', "'import(\\'x\\')'",
    'eval(1)', 'eval\n(1)', '/* eval(1) */', 'x\n-->0',
  ];
  for (const src of rejected) {
    assert.throws(() => c.evaluate(src), SyntaxError, src);
  }
  const allowed = ['1+1', 'x => x.import(1)', 'x => x.eval(1)', 'typeof importX', 'typeof myeval', "'imp' + 'ort'"];
  for (const src of allowed) {
    assert.doesNotThrow(() => c.evaluate(src), src);
  }
});

test('repeated evaluation of the same source reuses one evaluator', () => {
  const c = new Compartment();
  for (let i = 0; i < 1000; i += 1) {
    assert.equal(c.evaluate('1+1'), 2);
  }
  // Declarations never persist across calls, however often the code is cached.
  assert.equal(c.evaluate('let t = 1; t'), 1);
  assert.equal(c.evaluate('let t = 2; t'), 2);
});
