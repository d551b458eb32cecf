'use strict';
// The innermost `with` object of an evaluator: the one place where the name `eval` can
// resolve to the engine's real eval, and only for a single lookup.
//
// Why one-shot: the evaluator's inner function performs `eval(arguments[0])`. For that
// call to be a *direct* eval (so the guest source runs inside the evaluator's `with`
// scopes and never in the host's global scope), `eval` must resolve to the genuine
// %eval%. Right before each evaluation we install an accessor named `eval` here; its
// first read deletes it and hands back %eval%. Guest code that names `eval` afterwards
// finds nothing here, falls through to the compartment's own (safe) `eval`, and can
// never obtain %eval%, which would evaluate in the host's global scope.
//
// Even if the evaluation dies before the accessor is read (a stack overflow or an
// out-of-memory error thrown before the guest source starts), the caller removes the
// accessor in a `finally` block that performs no calls, so it cannot itself overflow.
// If it ever finds the accessor still present, the kit is revoked for good.

const { FERAL_EVAL, create, defineGetter, defineProperties, freeze } = require('../commons.js');
const { assert } = require('../errors/assert.js');

const { Fail } = assert;

const makeEvalScopeKit = () => {
  const evalScope = create(null);
  const oneTimeEval = {
    get() {
      delete evalScope.eval;
      return FERAL_EVAL;
    },
  }.get;
  const evalScopeKit = {
    evalScope,
    allowNextEvalToBeUnsafe() {
      const { revoked } = evalScopeKit;
      if (revoked !== null) {
        Fail`a handler did not reset allowNextEvalToBeUnsafe ${revoked.err}`;
      }
      // The accessor is installed before every evaluation. `__defineGetter__` makes it
      // enumerable where `defineProperties` would not, which nothing can observe (this
      // object is only ever a `with` scope, never handed out), at a fraction of the
      // cost once lockdown has made descriptor reads slow.
      if (defineGetter !== undefined) {
        defineGetter(evalScope, 'eval', oneTimeEval);
      } else {
        defineProperties(evalScope, freeze({ eval: { get: oneTimeEval, enumerable: false, configurable: true } }));
      }
    },
    revoked: null,
  };
  return evalScopeKit;
};

module.exports = { makeEvalScopeKit };
