// Attack class: exhausting the stack so that an evaluation fails part-way, hoping to leave
// the evaluator's one-shot `eval` binding (the engine's real eval, which would evaluate in
// the host's global scope) reachable. Every depth of the unwinding stack retries an
// evaluation, so the RangeError strikes at every point of the evaluator in turn.
import test from 'node:test';
import assert from 'node:assert/strict';
import { host, assertNotHost } from './security-helpers.mjs';

const noReject = { __rejectSomeDirectEvalExpressions__: false };

test('host-driven: evaluations failing at every stack depth never expose the real eval', () => {
  const c = new Compartment();
  const seen = new Set();
  let failures = 0;
  const recurse = () => {
    try {
      recurse();
    } catch {
      // the innermost frames overflow
    }
    try {
      seen.add(c.evaluate('eval', noReject));
      seen.add(c.evaluate('(0, eval)("eval")', noReject));
      seen.add(c.globalThis.eval('eval'));
      seen.add(c.evaluate('Function("return eval")()'));
    } catch (e) {
      failures += 1;
      assert.ok(e instanceof RangeError || e instanceof Error, String(e));
    }
  };
  recurse();
  assert.ok(failures > 0, 'the stack was never exhausted inside an evaluation');
  for (const value of seen) {
    assert.notEqual(value, host.eval);
    assertNotHost(value, 'eval seen by guest');
    assert.equal(value, c.globalThis.eval);
  }
});

test('after the storm the compartment either works safely or fails closed', () => {
  const c = new Compartment();
  const recurse = () => {
    try {
      recurse();
    } catch {
      // overflow
    }
    try {
      c.evaluate('eval', noReject);
    } catch {
      // overflow inside the evaluator
    }
  };
  recurse();
  let got;
  try {
    got = c.evaluate('eval', noReject);
  } catch (e) {
    // Failing closed is acceptable; leaking is not.
    assert.match(String(e.message), /allowNextEvalToBeUnsafe/);
    return;
  }
  assert.equal(got, c.globalThis.eval);
});

test('guest-driven: a compartment exhausting its own stack never sees the real eval', () => {
  const c = new Compartment();
  const found = c.evaluate(`
    const e = eval;
    const found = new Set();
    let depth = 0;
    function r() {
      depth += 1;
      try { r(); } catch {}
      try { found.add(e('eval')); } catch {}
      try { found.add(e('(0, eval)')); } catch {}
      try { found.add(Function('return eval')()); } catch {}
    }
    r();
    [...found];
  `);
  assert.ok(found.length > 0);
  for (const value of found) {
    assert.notEqual(value, host.eval);
    assertNotHost(value, 'eval seen by guest');
  }
});

test('stack-overflow RangeErrors caught in a compartment lead nowhere', () => {
  const c = new Compartment();
  const err = c.evaluate('(() => { const f = () => f(); try { f(); } catch (e) { return e; } })()');
  assert.ok(err instanceof RangeError);
  assert.equal(err.constructor, RangeError);
  assert.throws(() => c.evaluate('(e) => e.constructor.constructor("return globalThis")()')(err), TypeError);
  assertNotHost(Object.getPrototypeOf(err).constructor.constructor, 'RangeError constructor chain');
});

test('eval named inside a compartment evaluates in the compartment scope only', () => {
  globalThis.hostOnlyName = 'host';
  const c = new Compartment({ __options__: true, globals: { endowed: 1 } });
  assert.equal(c.evaluate('eval("typeof hostOnlyName")', noReject), 'undefined');
  // Even when written as a direct eval, guest `eval` is the compartment's own function
  // (the one-shot binding is gone by then): call-site locals are not visible, as in ses.
  assert.equal(c.evaluate('let local = 2; eval("typeof local")', noReject), 'undefined');
  assert.equal(c.evaluate('eval("endowed")', noReject), 1);
  assert.equal(c.evaluate('eval("this")', noReject), c.globalThis);
  assert.equal(c.evaluate('eval("eval")', noReject), c.globalThis.eval);
  assert.equal(c.evaluate('eval("eval(\\"globalThis\\")")', noReject), c.globalThis);
  delete globalThis.hostOnlyName;
});
