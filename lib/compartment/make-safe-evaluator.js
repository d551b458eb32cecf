'use strict';
// A safe evaluator: runs a script source against one global object (and optionally a
// layer of module lexicals) after the source transforms and the mandatory rejection
// checks, through the evaluator built by make-evaluate.js.
//
// Order of transforms, as in ses: the caller's `localTransforms` (which, coming from
// compartment.evaluate, end with the evasions and the direct-eval rejection), then the
// `globalTransforms` of the compartment, then the mandatory HTML-comment and
// import-expression rejections, so that the output of every transform is checked.

const { apply, arrayFlatMap, freeze } = require('../commons.js');
const { strictScopeTerminator } = require('./strict-scope-terminator.js');
const { createSloppyGlobalsScopeTerminator } = require('./sloppy-globals-scope-terminator.js');
const { makeEvalScopeKit } = require('./eval-scope.js');
const { makeEvaluate } = require('./make-evaluate.js');
const { assert } = require('../errors/assert.js');
const { checkTransformedSource } = require('./source-checks.js');

const { Fail } = assert;

const identity = x => x;

/**
 * Runs `source` through `evaluate` (an evaluator whose innermost scope is
 * `evalScopeKit`'s), with the one-shot `eval` armed for this one call.
 */
const evaluateWithKit = (evalScopeKit, evaluate, globalObject, source) => {
  const { evalScope } = evalScopeKit;
  let err;
  try {
    evalScopeKit.allowNextEvalToBeUnsafe();
    return apply(evaluate, globalObject, [source]);
  } catch (e) {
    err = e;
    throw e;
  } finally {
    // No calls before the delete: this block must not be able to overflow the stack.
    const unsafeEvalWasStillExposed = 'eval' in evalScope;
    delete evalScope.eval;
    if (unsafeEvalWasStillExposed) {
      evalScopeKit.revoked = { err };
      // eslint-disable-next-line no-unsafe-finally
      Fail`handler did not reset allowNextEvalToBeUnsafe ${err}`;
    }
  }
};

const noTransforms = freeze([]);

const makeSafeEvaluator = ({
  globalObject,
  moduleLexicals = {},
  globalTransforms = [],
  sloppyGlobalsMode = false,
  // The only source this evaluator will be given, if the caller knows it and no
  // transform can change it, or the list of names that source can look up (lets the
  // evaluator skip globals that source never names).
  onlySource = undefined,
}) => {
  // Everything is built on first use: a compartment that never evaluates compiles
  // nothing and allocates nothing more than this closure.
  let evalScopeKit;
  let evalScope;
  let evaluate;
  const provideEvaluate = () => {
    const scopeTerminator = sloppyGlobalsMode
      ? createSloppyGlobalsScopeTerminator(globalObject)
      : strictScopeTerminator;
    evalScopeKit = makeEvalScopeKit();
    ({ evalScope } = evalScopeKit);
    const evaluateContext = freeze({
      evalScope,
      moduleLexicals,
      globalObject,
      scopeTerminator,
    });
    evaluate = makeEvaluate(evaluateContext, onlySource);
  };

  // The compartment transforms, flattened once. `undefined` (as the module shim passes)
  // means none.
  const compartmentTransforms =
    globalTransforms === undefined || globalTransforms.length === 0
      ? noTransforms
      : arrayFlatMap([globalTransforms], identity);

  const safeEvaluate = (source, options) => {
    const localTransforms =
      options === undefined || options === null || options.localTransforms === undefined
        ? noTransforms
        : options.localTransforms;
    if (evaluate === undefined) {
      provideEvaluate();
    }

    source = checkTransformedSource(source, localTransforms, compartmentTransforms);

    return evaluateWithKit(evalScopeKit, evaluate, globalObject, source);
  };

  return { safeEvaluate };
};

module.exports = { makeSafeEvaluator, evaluateWithKit };
