// The assert API (spec 7.2), redacted and unredacted, against the reference `ses`
// modules run side by side in this process.
import test from 'node:test';
import assertNode from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const __dirname = path.dirname(new URL(import.meta.url).pathname);
const { ours, theirs, outcome } = require('./errors-impls.cjs');

const O = ours();
let T;
test.before(async () => {
  T = await theirs();
});

// Each probe gets an implementation and returns a thunk; the outcome is compared.
const probes = {
  'assert(0)': I => () => I.makeAssert()(0),
  'assert(1)': I => () => I.makeAssert()(1),
  'assert(0,msg)': I => () => I.makeAssert()(0, 'msg'),
  'assert(0,X,TypeError,code)': I => () => {
    const A = I.makeAssert();
    A(0, A.details`a ${A.quote({ a: 1 })} ${'secret'}`, TypeError, { code: 'E' });
  },
  'Fail redacted': I => () => I.makeAssert().Fail`v=${42} s=${'str'} o=${{}} n=${null}`,
  'Fail unredacted': I => () => I.makeAssert(undefined, true).Fail`v=${42} s=${'str'} o=${{}}`,
  'Fail plain array': I => () => I.makeAssert().Fail(['a', 'b'], 1),
  'Fail error arg': I => () => I.makeAssert().Fail`e=${new TypeError('t')} r=${RangeError('r')}`,
  'Fail kinds': I => () =>
    I.makeAssert().Fail`${undefined} ${Symbol('s')} ${1n} ${() => 1} ${[]} ${true}`,
  'equal 1 2': I => () => I.makeAssert().equal(1, 2),
  'equal 1 2 unredacted': I => () => I.makeAssert(undefined, true).equal(1, 2),
  'equal NaN': I => () => I.makeAssert().equal(NaN, NaN),
  'equal 0 -0': I => () => I.makeAssert(undefined, true).equal(0, -0),
  'equal custom': I => () => I.makeAssert().equal(1, 2, 'nope', TypeError, { code: 'C' }),
  'typeof number': I => () => I.makeAssert().typeof(1, 'string'),
  'typeof unredacted': I => () => I.makeAssert(undefined, true).typeof(1, 'string'),
  'typeof an undefined': I => () => I.makeAssert().typeof({}, 'undefined'),
  'typeof an object': I => () => I.makeAssert(undefined, true).typeof(undefined, 'object'),
  'typeof bad name': I => () => I.makeAssert().typeof(1, 5),
  'typeof ok': I => () => I.makeAssert().typeof('x', 'string'),
  'typeof details': I => () => I.makeAssert().typeof(1, 'bigint', 'custom'),
  'string': I => () => I.makeAssert().string(3),
  'fail default': I => () => I.makeAssert().fail(),
  'fail string': I => () => I.makeAssert().fail('boom', RangeError),
  'fail bad details': I => () => I.makeAssert().fail({}),
  'makeError default': I => () => {
    throw I.makeError();
  },
  'makeError errors': I => () => {
    throw I.makeError('m', TypeError, { errors: [1] });
  },
  'makeError aggregate': I => () => {
    throw I.makeError('m', AggregateError, { errors: [Error('x')], cause: 'c' });
  },
  'makeError nosanitize': I => () => {
    const e = I.makeError('m', undefined, { sanitize: false });
    throw e;
  },
  'makeError bad code': I => () => {
    throw I.makeError('m', undefined, { code: 5 });
  },
  'makeError ctor extra props': I => () => {
    function Weird(msg) {
      const e = Error(msg);
      e.extra = 1;
      Object.defineProperty(e, 'acc', { get: () => 2, enumerable: true, configurable: true });
      return e;
    }
    throw I.makeError('w', Weird);
  },
  'note non-object': I => () => I.makeAssert().note(undefined, 'x'),
  'makeError non-ctor': I => () => I.makeError('m', 5),
  'makeError class ctor': I => () => I.makeError('m', class Foo extends Error {}),
  'fail with errorName': I => () => I.makeAssert().fail('m', TypeError, { errorName: 'N' }),
  'assert raise non-function': I => () => I.makeAssert(5)(false),
  'quote toString frozen': I => () => {
    const qq = I.q(1);
    return `${Object.isFrozen(qq)} ${Object.isFrozen(qq.toString)} ${Object.keys(qq)}`;
  },
  'note bad': I => () => I.makeAssert().note(Error('x'), {}),
  'note string ok': I => () => I.makeAssert().note(Error('x'), 'fine'),
  'X toString': I => () => String(I.makeAssert().details`hi ${1} ${I.q('x')} ${I.b('bare words')}`),
  'X unredacted toString': I => () => String(I.unredactedDetails`hi ${1} ${'x'}`),
  'not a token': I => () => {
    const proto = Object.getPrototypeOf(I.X`a`);
    return proto.toString.call({});
  },
  'token frozen': I => () => {
    const t = I.X`a`;
    return `${Object.isFrozen(t)} ${Reflect.ownKeys(t).length} ${Object.isFrozen(Object.getPrototypeOf(t))}`;
  },
  'quote special': I => () =>
    String(I.q([undefined, NaN, Infinity, -Infinity, 2n, Symbol('x'), function f() {}, () => 0])),
  'quote error map': I => () => String(I.q([Error('m'), new Map(), '[br', 'plain'])),
  'quote cycles': I => () => {
    const o = { z: 1, a: 2 };
    o.self = o;
    const shared = { k: 1 };
    return String(I.q({ o, x: [shared, shared] }));
  },
  'quote spaces': I => () => String(I.q({ b: 1, a: [1, 2] }, 2)),
  'quote throws': I => () =>
    String(
      I.q(
        new Proxy(
          {},
          {
            ownKeys() {
              throw Error('no');
            },
          },
        ),
      ),
    ),
  'bare ok': I => () => String(I.b('foo:bar-baz qux')),
  'bare double space': I => () => String(I.b('a  b')),
  'bare non-string': I => () => String(I.b(12)),
  'bare punct': I => () => String(I.b('a.b')),
  'an': I => () => [I.an('object'), I.an('Object'), I.an('yaml'), I.an({}), I.an('')].join('|'),
  'enJoin': I => () =>
    [I.enJoin([], 'and'), I.enJoin(['a'], 'or'), I.enJoin(['a', 'b'], 'or'), I.enJoin(['a', 'b', 'c'], 'and')].join('|'),
};

test('assert probes agree with ses 2.3.0', () => {
  for (const [name, probe] of Object.entries(probes)) {
    const mine = outcome(O, probe(O));
    const ref = outcome(T, probe(T));
    assertNode.deepEqual(mine, ref, name);
  }
});

test('spec 7.2 checks', () => {
  const A = O.makeAssert();
  const U = O.makeAssert(undefined, true);
  assertNode.throws(() => A.Fail`v=${42}`, { message: 'v=(a number)' });
  assertNode.throws(() => U.Fail`v=${42}`, { message: 'v=42' });
  assertNode.throws(() => A(0, A.details`a ${A.quote({ a: 1 })}`, TypeError, { code: 'E' }), e => {
    assertNode.equal(e.constructor, TypeError);
    assertNode.equal(e.message, 'a {"a":1}');
    assertNode.equal(e.code, 'E');
    assertNode.equal(Object.getOwnPropertyDescriptor(e, 'code').enumerable, false);
    assertNode.ok(Object.isFrozen(e));
    return true;
  });
  assertNode.deepEqual(Reflect.ownKeys(A), [
    'length', 'name', 'equal', 'typeof', 'string', 'fail', 'makeError', 'note', 'details',
    'Fail', 'quote', 'bare', 'error', 'makeAssert',
  ]);
  assertNode.ok(Object.isFrozen(A));
  assertNode.equal(A.error, A.makeError);
  assertNode.equal(A.details, O.redactedDetails);
  assertNode.equal(U.details, O.unredactedDetails);
  assertNode.equal(A.makeAssert, O.makeAssert);
});

test('raise callback runs before the throw', () => {
  const seen = [];
  const A = O.makeAssert(reason => seen.push(reason.message));
  assertNode.throws(() => A(false, 'r'), { message: 'r' });
  assertNode.deepEqual(seen, ['r']);
});

test('makeError options', () => {
  const cause = Error('c');
  const e = O.makeError('m', RangeError, { cause, errorName: 'Custom' });
  assertNode.equal(e.cause, cause);
  assertNode.equal(O.loggedErrorHandler.tagError(e).startsWith('Custom#'), true);
  const agg = O.makeError('m', AggregateError, { errors: [cause] });
  assertNode.deepEqual(agg.errors, [cause]);
  const plain = O.makeError('m', TypeError, { errors: [cause] });
  assertNode.equal(Object.getOwnPropertyDescriptor(plain, 'errors').enumerable, false);
});

test('sanitize: dropped properties become a note, accessors become data', () => {
  function Weird(msg) {
    const err = Error(msg);
    err.fileName = 'f';
    return err;
  }
  const e = O.makeError('m', Weird);
  assertNode.equal('fileName' in e, false);
  const notes = O.loggedErrorHandler.takeNoteLogArgsArray(e);
  assertNode.equal(notes.length, 1);
  assertNode.equal(notes[0][0], 'originally with properties');
  assertNode.equal(String(notes[0][1]), '[object Object]');
  assertNode.equal(notes[0][1].fileName, 'f');
});

test('notes: hidden until taken, then delivered through the callback', () => {
  const e = Error('x');
  O.note(e, O.X`first ${1}`);
  O.note(e, 'second');
  const taken = O.loggedErrorHandler.takeNoteLogArgsArray(e, (err, args) => late.push(args));
  const late = [];
  assertNode.deepEqual(taken, [['first', 1], ['second']]);
  O.note(e, O.X`third ${O.q(3)}`);
  assertNode.deepEqual(late, [['third', 3]]);
  assertNode.deepEqual(O.loggedErrorHandler.takeNoteLogArgsArray(Error('y')), []);
});

test('log args trim spaces next to substitutions', () => {
  const e = O.makeError(O.X` a ${1} b ${2}${3}  c `);
  assertNode.deepEqual(O.loggedErrorHandler.takeMessageLogArgs(e), [' a', 1, 'b', 2, 3, ' c ']);
  assertNode.equal(O.loggedErrorHandler.takeMessageLogArgs(e), undefined);
  const r = T.makeError(T.X` a ${1} b ${2}${3}  c `);
  assertNode.deepEqual(T.loggedErrorHandler.takeMessageLogArgs(r), [' a', 1, 'b', 2, 3, ' c ']);
});

test('note budgets: 100 per error, 1000 errors (LRU)', () => {
  const kit = O.makeNoteLogArgsArrayKit();
  const e = {};
  for (let i = 0; i < 150; i += 1) kit.addLogArgs(e, [i]);
  const list = kit.takeLogArgsArray(e);
  assertNode.equal(list.length, 100);
  assertNode.deepEqual(list[0], [50]);
  const errors = [];
  for (let i = 0; i < 1001; i += 1) {
    const err = {};
    errors.push(err);
    kit.addLogArgs(err, [i]);
  }
  assertNode.equal(kit.takeLogArgsArray(errors[0]), undefined);
  assertNode.deepEqual(kit.takeLogArgsArray(errors[1]), [[1]]);
  // touching an entry protects it from eviction
  const small = O.makeNoteLogArgsArrayKit(2, 5);
  const [a, b, c] = [{}, {}, {}];
  small.addLogArgs(a, ['a']);
  small.addLogArgs(b, ['b']);
  small.addLogArgs(a, ['a2']);
  small.addLogArgs(c, ['c']);
  assertNode.equal(small.takeLogArgsArray(b), undefined);
  assertNode.deepEqual(small.takeLogArgsArray(a), [['a'], ['a2']]);
  assertNode.throws(() => O.makeNoteLogArgsArrayKit(10, 0), {
    name: 'TypeError',
    message: 'argsPerErrorBudget must be a safe positive integer number',
  });
});

test('the assert-shim installs the unredacted assert by assignment', () => {
  const script = `
    const before = globalThis.assert;
    delete globalThis.assert;
    require(${JSON.stringify(path.join(__dirname, '..', 'lib', 'shims', 'assert-shim.js'))});
    const d = Object.getOwnPropertyDescriptor(globalThis, 'assert');
    let m; try { assert.Fail\`x \${1}\`; } catch (e) { m = e.message; }
    console.log(JSON.stringify([d.writable, d.enumerable, d.configurable, Object.isFrozen(d.value), m]));
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assertNode.equal(r.stderr, '');
  assertNode.deepEqual(JSON.parse(r.stdout), [true, true, true, true, 'x 1']);
});

test('function names and lengths match ses 2.3.0', () => {
  const describe = obj =>
    Reflect.ownKeys(obj)
      .filter(k => typeof obj[k] === 'function')
      .map(k => `${String(k)}:${obj[k].name}/${obj[k].length}`);
  for (const [a, b] of [
    [O.makeAssert(), T.makeAssert()],
    [O.makeAssert(undefined, true), T.makeAssert(undefined, true)],
    [O.loggedErrorHandler, T.loggedErrorHandler],
  ]) {
    assertNode.deepEqual(describe(a), describe(b));
  }
  assertNode.deepEqual(Reflect.ownKeys(O.loggedErrorHandler), Reflect.ownKeys(T.loggedErrorHandler));
  const names = ['makeAssert', 'makeError', 'annotateError', 'X', 'q', 'b', 'unredactedDetails',
    'sanitizeError', 'assertEqual', 'an', 'bestEffortStringify', 'enJoin', 'makeNoteLogArgsArrayKit',
    'sanitizeFormatData', 'makeCausalConsole', 'defineCausalConsoleFromLogger', 'filterConsole',
    'makeLoggingConsoleKit', 'pumpLogToConsole'];
  for (const n of names) {
    assertNode.equal(typeof O[n], typeof T[n], n);
    assertNode.equal(O[n].length, T[n].length, `${n}.length`);
  }
});
