// Differential: misuse of lockdown and the failures it reports (spec 2.1-2.3, 8), with
// error classes, messages, retry behaviour and what was reported on stderr.

import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { skipReason, runBoth, compareLines } = require('./lockdown-helpers.cjs');

const compare = (body, options) => {
  const { ref, ours } = runBoth(body, options);
  compareLines(assert, ref.stdout, ours.stdout);
  compareLines(assert, ref.stderr, ours.stderr, 'stderr');
  assert.equal(ours.status, ref.status);
};

const CLASS = String.raw`
const klass = f => { try { f(); return 'no error'; } catch (e) { return [e instanceof TypeError ? 'TypeError' : e instanceof Error ? 'Error' : typeof e, e.message].join(': '); } };
`;

const CASES = {
  'lockdown(null), then a retry': `
out('lockdown(null)', () => lockdown(null));
out('retry', () => lockdown());
out('harden', () => typeof harden);`,
  'unknown string option, then a retry': `
out('class', () => klass(() => lockdown({ bogus: 1 })));
out('two unknown', () => lockdown({ bogus: 1, other: 2, errorTaming: 'safe' }));
out('retry', () => lockdown());`,
  'unknown symbol option': `
out('symbol', () => lockdown({ [Symbol('x')]: 1 }));
out('mixed', () => lockdown({ z: 1, [Symbol.iterator]: 1 }));`,
  'lockdown(non-object values)': `
out('lockdown(1)', () => repairIntrinsics(1));
out('lockdown("x")', () => lockdown('x'));`,
  'second lockdown': `
lockdown();
out('again', () => klass(() => lockdown()));
out('repairIntrinsics', () => klass(() => repairIntrinsics()));
out('no hardenIntrinsics', () => typeof hardenIntrinsics);`,
  'repairIntrinsics then hardenIntrinsics twice': `
out('repair', () => repairIntrinsics());
out('hardenIntrinsics type', () => typeof hardenIntrinsics);
out('hardenIntrinsics desc', () => desc(globalThis, 'hardenIntrinsics'));
out('harden after repair', () => typeof harden);
out('frozen before harden', () => Object.isFrozen(Array.prototype));
out('harden', () => hardenIntrinsics());
out('frozen after', () => Object.isFrozen(Array.prototype));
out('harden global', () => typeof harden);
out('again', () => klass(() => hardenIntrinsics()));
out('lockdown', () => klass(() => lockdown()));`,
  'harden used between repair and hardenIntrinsics': `
repairIntrinsics();
out('harden({})', () => Object.isFrozen(harden({ a: 1 })));
out('Object.prototype frozen', () => Object.isFrozen(Object.prototype));
out('hardenIntrinsics', () => hardenIntrinsics());
out('toString desc', () => desc(Object.prototype, 'toString'));
out('override', () => { const o = {}; o.toString = () => 'x'; return String(o); });`,
  'a vetted shim between repair and harden': `
repairIntrinsics();
out('typeof Compartment', () => typeof Compartment);
Array.prototype.vetted = function vetted() { return 1; };
out('frozen before', () => Object.isFrozen(Array.prototype));
hardenIntrinsics();
out('vetted survives', () => [].vetted());
out('vetted frozen', () => Object.isFrozen(Array.prototype.vetted));
out('String(vetted)', () => String(Array.prototype.vetted));`,
  'reporting bogus': `
out('class', () => klass(() => lockdown({ reporting: 'bogus' })));
out('retry', () => lockdown());`,
  'overrideTaming bogus fails in hardenIntrinsics': `
out('lockdown', () => klass(() => lockdown({ overrideTaming: 'bogus' })));
out('harden', () => typeof harden);
out('frozen', () => Object.isFrozen(Array.prototype));
out('retry', () => lockdown());`,
  'overrideTaming bogus via repairIntrinsics': `
out('repair', () => repairIntrinsics({ overrideTaming: 'bogus' }));
out('hardenIntrinsics', () => hardenIntrinsics());
out('again', () => hardenIntrinsics());`,
  'undeletable unpermitted property': `
Object.defineProperty(Array, 'bar', { value: 1, configurable: false });
out('lockdown', () => klass(() => lockdown()));
out('retry', () => lockdown());`,
  'unpermitted property removed with a warning': `
Array.prototype.foo = 1;
Object.prototype.zork = () => 1;
out('lockdown', () => lockdown());
out('foo', () => 'foo' in []);
out('zork', () => 'zork' in {});`,
  'unpermitted property removed silently with reporting none': `
Array.prototype.foo = 1;
out('lockdown', () => lockdown({ reporting: 'none' }));
out('foo', () => 'foo' in []);`,
  'reporting console groups the warnings': `
Array.prototype.foo = 1;
out('lockdown', () => lockdown({ reporting: 'console' }));`,
  'prior Object[@harden] without a hint': `
Object[Symbol.for('harden')] = x => x;
out('lockdown', () => klass(() => lockdown()));
out('retry', () => lockdown());`,
  'prior Object[@harden] with a lockdownError': `
const h = x => x; h.lockdownError = RangeError('used harden too early');
Object[Symbol.for('harden')] = h;
out('lockdown', () => klass(() => lockdown()));
out('name', () => { try { repairIntrinsics(); } catch (e) { return e.name; } });`,
  'pre-existing global harden is adopted': `
globalThis.harden = function harden(x) { return x; };
out('lockdown', () => lockdown());
out('same', () => Object.isFrozen(harden({})));`,
  'deprecated options warn': `
out('lockdown', () => lockdown({ dateTaming: 'unsafe', mathTaming: 'safe' }));`,
  'seems locked down by another copy': `
Function.prototype.constructor = function F() {};
globalThis.harden = () => {};
globalThis.Date = function FakeDate() {}; Date.now = () => 1; Date.prototype = { constructor: { now: () => NaN } };
out('lockdown', () => lockdown());
out('retry', () => lockdown());`,
};

for (const [name, body] of Object.entries(CASES)) {
  test(name, { skip: skipReason }, () => {
    compare(`${CLASS}${body}`);
  });
}

test('SES_DIRECT_EVAL when eval was replaced before the import', { skip: skipReason }, () => {
  const pre = `globalThis.eval = (0, eval)('(function eval(s) { return (0, globalThis.Function)("return " + s)(); })');`;
  compare(`${CLASS}
out('lockdown', () => klass(() => lockdown()));
out('retry', () => lockdown());
out('SES_changed', () => typeof globalThis.SES_changed);`, { pre });
  compare(`${CLASS}
out('unsafe-eval', () => lockdown({ evalTaming: 'unsafe-eval' }));`, { pre });
  compare(`${CLASS}
out('safeEval skips the check', () => klass(() => lockdown({ evalTaming: 'safeEval' })));`, { pre });
});

test('SES_NO_DOMAINS when domains are initialized', { skip: skipReason }, () => {
  const pre = `import 'node:domain';`;
  compare(`${CLASS}
out('lockdown', () => klass(() => lockdown()));
out('retry', () => lockdown());`, { pre });
  compare(`${CLASS}
out('unsafe', () => lockdown({ domainTaming: 'unsafe' }));
out('domain desc', () => desc(process, 'domain'));`, { pre });
});

test('domains cannot be loaded after lockdown', { skip: skipReason }, () => {
  compare(`${CLASS}
lockdown();
try { await import('node:domain'); console.log('domain loaded'); } catch (e) { console.log('THROWS', e.name, e.message); }
out('process.domain', () => desc(process, 'domain'));`);
});
