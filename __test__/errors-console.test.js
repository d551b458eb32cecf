// The causal console (spec 7.4) through loggers, compared with the reference `ses`
// modules, and the host traps in child processes.
import test from 'node:test';
import assertNode from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const { ours, theirs, normalizeLine } = require('./errors-impls.cjs');

const O = ours();
let T;
test.before(async () => {
  T = await theirs();
  // The ses-ava hook hardens the console it builds; a shallow freeze suffices here.
  if (typeof globalThis.harden !== 'function') globalThis.harden = Object.freeze;
});

// Run `scenario(impl, console)` against a causal console writing to a logger.
const record = (impl, scenario) => {
  impl.loggedErrorHandler.resetErrorTagNum();
  const lines = [];
  const make = impl.defineCausalConsoleFromLogger(impl.loggedErrorHandler);
  const c = make((...args) => lines.push(normalizeLine(args)));
  scenario(impl, c);
  return lines;
};

const sharedSymbol = Symbol('s');
const scenarios = {
  'plain values': (I, c) => c.log('a', 1, { b: 2 }),
  'format sanitizing': (I, c) => c.log('%d %x %% %c', 1, 2, 3),
  'format %c at end, %s, %j': (I, c) => c.info('%s %j %c', 'S', { j: 1 }, 'css', 'extra'),
  'format without args': (I, c) => c.warn('%c %d'),
  'makeError secret': (I, c) => c.log('x', I.makeError(I.X`secret ${'s'}`)),
  'error with cause and note': (I, c) => {
    const inner = I.makeError(I.X`inner ${7}`, RangeError);
    const e = I.makeError(I.X`outer ${I.q('q')}`, TypeError, { cause: inner });
    I.annotateError(e, I.X`noted ${{ n: 1 }}`);
    c.error('failed:', e);
    I.annotateError(e, I.X`late ${Error('late error')}`);
  },
  'aggregate error': (I, c) => {
    const e = I.makeError('agg', AggregateError, { errors: [Error('e1'), TypeError('e2')] });
    c.log(e);
  },
  'errorName tag': (I, c) => c.log(I.makeError('n', undefined, { errorName: 'MyName' })),
  'two errors in one call': (I, c) => c.log(Error('one'), Error('two')),
  'same error twice': (I, c) => {
    const e = Error('once');
    c.log(e);
    c.log(e);
  },
  'assert and timeLog': (I, c) => {
    c.assert(true, 'not shown?');
    c.assert(false, '%c%s', 'css', Error('in assert'));
    c.assert(false);
    c.timeLog('label');
    c.timeLog('label', '%c%d', 'x', 5, Error('in timeLog'));
  },
  'groups indent': (I, c) => {
    c.group('G');
    c.log('inside\nmultiline');
    c.groupEnd();
    c.log('outside');
  },
  'other methods': (I, c) => {
    c.count('k');
    c.dir({ d: 1 });
    c.table([1]);
  },
  'non-error message args': (I, c) => {
    const e = I.makeError(I.X`list ${[1, 2]} sym ${sharedSymbol} undefined ${undefined}`);
    c.debug(e);
  },
};

// The same over a logging console (which, unlike the logger hook, has every method).
const recordKit = (impl, scenario) => {
  impl.loggedErrorHandler.resetErrorTagNum();
  const { loggingConsole, takeLog } = impl.makeLoggingConsoleKit(impl.loggedErrorHandler);
  const c = impl.makeCausalConsole(loggingConsole, impl.loggedErrorHandler);
  scenario(impl, c);
  return takeLog().map(normalizeLine);
};

test('causal console output agrees with ses 2.3.0 (logger hook)', () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    if (name === 'assert and timeLog') {
      const make = impl => impl.defineCausalConsoleFromLogger(impl.loggedErrorHandler)(() => {});
      assertNode.equal(typeof make(O).assert, typeof make(T).assert);
      continue;
    }
    assertNode.deepEqual(record(O, scenario), record(T, scenario), name);
  }
});

test('causal console output agrees with ses 2.3.0 (logging console kit)', () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    assertNode.deepEqual(recordKit(O, scenario), recordKit(T, scenario), name);
  }
});

test('causal console method set and freezing', () => {
  const make = O.defineCausalConsoleFromLogger(O.loggedErrorHandler);
  const c = make(() => {});
  assertNode.ok(Object.isFrozen(c));
  const ref = T.defineCausalConsoleFromLogger(T.loggedErrorHandler)(() => {});
  assertNode.deepEqual(Object.keys(c), Object.keys(ref));
  assertNode.deepEqual(
    Object.values(c).map(f => f.name),
    Object.values(ref).map(f => f.name),
  );
});

test('sanitizeFormatData agrees with ses 2.3.0', () => {
  const cases = [
    [],
    ['x'],
    [1, 2],
    ['no percent', 1],
    ['%s%d%i%f%o%O', 1, 2, 3, 4, 5, 6],
    ['%c%c', 'a', 'b', 'c'],
    ['%%c %c', 'a'],
    ['%j %x %', 1, 2, 3],
    ['%s', 'a', 'b', '%s'],
    ['trailing %', 1],
    ['%d %d %d', 1],
  ];
  for (const c of cases) {
    assertNode.deepEqual(O.sanitizeFormatData(c), T.sanitizeFormatData(c), JSON.stringify(c));
    assertNode.ok(Object.isFrozen(O.sanitizeFormatData(c)));
  }
});

test('logging console kit and filterConsole', () => {
  const { loggingConsole, takeLog } = O.makeLoggingConsoleKit(O.loggedErrorHandler);
  loggingConsole.log('a', 1);
  loggingConsole.error('b');
  assertNode.deepEqual(takeLog(), [['log', 'a', 1], ['error', 'b']]);
  assertNode.deepEqual(takeLog(), []);
  const filtered = O.filterConsole(loggingConsole, { canLog: sev => sev === 'error' });
  filtered.log('dropped');
  filtered.error('kept');
  assertNode.deepEqual(takeLog(), [['error', 'kept']]);
  const pumped = [];
  O.pumpLogToConsole([['log', 1], ['warn', 2]], {
    log: (...a) => pumped.push(['log', ...a]),
    warn: (...a) => pumped.push(['warn', ...a]),
  });
  assertNode.deepEqual(pumped, [['log', 1], ['warn', 2]]);
});

// ---- real consoles and traps, in child processes ----

const libErrors = path.join(here, '..', 'lib', 'errors');
const oursPrelude = (consoleArgs = "'safe', 'platform', 'report'") => `
  const tameErrorConstructor = require(${JSON.stringify(path.join(libErrors, 'tame-error-constructor.js'))});
  const { tameConsole } = require(${JSON.stringify(path.join(libErrors, 'tame-console.js'))});
  const A = require(${JSON.stringify(path.join(libErrors, 'assert.js'))});
  const r = tameErrorConstructor('safe', 'concise');
  globalThis.Error = r['%InitialError%'];
  globalThis.console = tameConsole(${consoleArgs}, r['%InitialGetStackString%']).console;
  globalThis.assert = A.makeAssert();
`;
const refPrelude = (opts = '{}') => `
  await import('ses-reference');
  lockdown(${opts});
`;

const runOurs = (body, consoleArgs) =>
  spawnSync(process.execPath, ['-e', oursPrelude(consoleArgs) + body], {
    encoding: 'utf8',
    cwd: path.join(here, '..'),
  });
const runRef = (body, opts) =>
  spawnSync(
    process.execPath,
    ['--input-type=module', '-e', refPrelude(opts) + body],
    { encoding: 'utf8', cwd: path.join(here, '..') },
  );

// Stack frames differ by file layout; keep their count out of it too.
const normalize = text =>
  text
    .split('\n')
    .filter(line => !/^\s*at /.test(line))
    .join('\n');

const differential = (name, body, consoleArgs, opts) => {
  const mine = runOurs(body, consoleArgs);
  const ref = runRef(body, opts);
  assertNode.equal(normalize(mine.stdout), normalize(ref.stdout), `${name}: stdout`);
  assertNode.equal(normalize(mine.stderr), normalize(ref.stderr), `${name}: stderr`);
  assertNode.equal(mine.status, ref.status, `${name}: exit status`);
  return mine;
};

test('tamed console: format, tags, custom inspect ignored (vs ses lockdown)', () => {
  const r = differential(
    'console',
    `
    console.log('%d %x %% %c', 1, 2, 3);
    console.log({ [Symbol.for('nodejs.util.inspect.custom')]: () => 'CUSTOM', plain: 1 });
    console.log('x', assert.makeError(assert.details\`secret \${'s'}\`));
    console.error('e', new TypeError('t'));
    console.log(Object.isFrozen(console), typeof console.profile, typeof console.timeStamp);
  `,
  );
  assertNode.match(r.stdout, /^1 %x % {2}3$/m);
  assertNode.match(r.stdout, /^x \(Error#1\)$/m);
  assertNode.match(r.stdout, /^Error#1: secret s$/m);
  assertNode.doesNotMatch(r.stdout, /CUSTOM/);
});

test('uncaught exception: exit 255 with SES_UNCAUGHT_EXCEPTION (vs ses lockdown)', () => {
  const r = differential('uncaught', `throw assert.makeError(assert.details\`boom \${42}\`);`);
  assertNode.equal(r.status, 255);
  assertNode.match(r.stderr, /^SES_UNCAUGHT_EXCEPTION: \(Error#1\)$/m);
  assertNode.match(r.stderr, /^Error#1: boom 42$/m);
});

test('uncaught exception with errorTrapping report keeps running', () => {
  const body = `
    setTimeout(() => console.log('still alive'), 10);
    throw Error('reported');
  `;
  const r = differential('report', body, "'safe', 'report', 'report'", "{ errorTrapping: 'report' }");
  assertNode.equal(r.status, 0);
  assertNode.match(r.stdout, /still alive/);
});

test('unhandled rejection is reported at exit and does not crash (vs ses lockdown)', () => {
  const r = differential(
    'rejection',
    `
    const p = Promise.reject(assert.makeError(assert.details\`rejected \${'why'}\`));
    globalThis.keep = p;
    setTimeout(() => console.log('alive'), 10);
  `,
  );
  assertNode.equal(r.status, 0);
  assertNode.match(r.stdout, /alive/);
  assertNode.match(r.stderr, /^SES_UNHANDLED_REJECTION: \(Error#1\)$/m);
  assertNode.match(r.stderr, /^Error#1: rejected why$/m);
});

test('handled-later rejections are not reported', () => {
  const r = differential(
    'handled',
    `
    const p = Promise.reject(Error('later'));
    setTimeout(() => p.catch(() => console.log('caught')), 5);
  `,
  );
  assertNode.equal(r.status, 0);
  assertNode.doesNotMatch(r.stderr, /SES_UNHANDLED_REJECTION/);
});

test('unhandledRejectionTrapping none: node default turns it into an uncaught exception', () => {
  const r = differential(
    'none',
    `Promise.reject(Error('nobody'));`,
    "'safe', 'platform', 'none'",
    "{ unhandledRejectionTrapping: 'none' }",
  );
  assertNode.equal(r.status, 255);
  assertNode.match(r.stderr, /SES_UNCAUGHT_EXCEPTION/);
});

test('consoleTaming unsafe leaves the original console', () => {
  const r = runOurs(
    `console.log(console === require('node:console') || typeof console.Console === 'function');`,
    "'unsafe', 'none', 'none'",
  );
  assertNode.equal(r.stdout.trim(), 'true');
});
