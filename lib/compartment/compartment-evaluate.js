'use strict';
// compartment.evaluate(source, options): picks the evaluator and assembles the local
// transforms for one call.
//
// The compartment's own evaluator serves the common case. `sloppyGlobalsMode` needs a
// different scope terminator and `__moduleShimLexicals__` an extra scope layer, so those
// calls get a fresh evaluator over the same global object. When module lexicals are
// given (the module shim evaluating a functor program), the compartment `transforms`
// are not applied: the shim applies `__shimTransforms__` to module programs itself.

const {
  TypeError,
  WeakMap,
  arrayPush,
  create,
  freeze,
  getOwnPropertyDescriptors,
  weakmapGet,
  weakmapSet,
} = require('../commons.js');
const {
  evadeHtmlCommentTest,
  evadeImportExpressionTest,
  rejectSomeDirectEvalExpressions,
} = require('./transforms.js');
const { makeSafeEvaluator, evaluateWithKit } = require('./make-safe-evaluator.js');
const { makeEvalScopeKit } = require('./eval-scope.js');
const { makeEvaluate } = require('./make-evaluate.js');
const { strictScopeTerminator } = require('./strict-scope-terminator.js');
const { checkTransformedSource } = require('./source-checks.js');
const { provideGlobalObject } = require('./private-fields.js');

const provideCompartmentEvaluator = (compartmentFields, options) => {
  const { sloppyGlobalsMode = false, __moduleShimLexicals__ = undefined } = options;
  provideGlobalObject(compartmentFields);

  if (__moduleShimLexicals__ === undefined && !sloppyGlobalsMode) {
    const { safeEvaluate } = compartmentFields;
    return { safeEvaluate };
  }

  const { globalObject } = compartmentFields;
  let { globalTransforms } = compartmentFields;
  let moduleLexicals;
  if (__moduleShimLexicals__ !== undefined) {
    globalTransforms = undefined;
    moduleLexicals = create(null, getOwnPropertyDescriptors(__moduleShimLexicals__));
  }
  return makeSafeEvaluator({
    globalObject,
    moduleLexicals,
    globalTransforms,
    sloppyGlobalsMode,
  });
};

// The transform list of every compartment given none (never exposed or mutated).
const noTransforms = freeze([]);

// The local-transform lists of the common calls, made once.
let onlyRejectDirectEval;
const noLocalTransforms = freeze([]);

const compartmentEvaluate = (compartmentFields, source, options) => {
  if (typeof source !== 'string') {
    throw TypeError('first argument of evaluate() must be a string');
  }
  const {
    transforms,
    __evadeHtmlCommentTest__ = false,
    __evadeImportExpressionTest__ = false,
    // On by default: guest code asked to be evaluated must not smuggle a direct eval.
    __rejectSomeDirectEvalExpressions__ = true,
  } = options;

  let localTransforms;
  if (
    transforms === undefined &&
    __evadeHtmlCommentTest__ !== true &&
    __evadeImportExpressionTest__ !== true
  ) {
    if (__rejectSomeDirectEvalExpressions__ === true) {
      if (onlyRejectDirectEval === undefined) {
        onlyRejectDirectEval = freeze([rejectSomeDirectEvalExpressions]);
      }
      localTransforms = onlyRejectDirectEval;
    } else {
      localTransforms = noLocalTransforms;
    }
  } else {
    localTransforms = transforms === undefined ? [] : [...transforms];
    if (__evadeHtmlCommentTest__ === true) {
      arrayPush(localTransforms, evadeHtmlCommentTest);
    }
    if (__evadeImportExpressionTest__ === true) {
      arrayPush(localTransforms, evadeImportExpressionTest);
    }
    if (__rejectSomeDirectEvalExpressions__ === true) {
      arrayPush(localTransforms, rejectSomeDirectEvalExpressions);
    }
  }

  const { safeEvaluate } = provideCompartmentEvaluator(compartmentFields, options);
  return safeEvaluate(source, { localTransforms });
};

// The eval scope kit that every eager module program of a compartment shares (by its
// fields record). One is enough: its `eval` is armed only from right before an
// evaluator's call to its first read, inside that call, when no guest code runs; the
// compartment's own evaluator likewise serves every `evaluate` call.
const moduleEvalScopeKits = new WeakMap();

// The module shim's call: what `compartmentEvaluate(fields, source, { transforms:
// __shimTransforms__, __moduleShimLexicals__: moduleLexicals })` does, without the
// options record and without copying `moduleLexicals`, which is the shim's own object,
// already complete and never handed to anyone else.
// `eagerForm`, when given, is `{ program, clean, names }` (see lib/modules/module-source.js):
// `program` is an equivalent form of `source`, evaluated instead when no shim transform
// is there to see the text, and `clean` says that the native side already ran the
// rejection checks on `source`. Returns the completion value and whether it came from
// `eagerForm`.
let moduleTransformsForNoShim;
const evaluateModuleProgram = (compartmentFields, source, moduleLexicals, eagerForm) => {
  if (typeof source !== 'string') {
    throw TypeError('first argument of evaluate() must be a string');
  }
  provideGlobalObject(compartmentFields);
  const { __shimTransforms__, globalObject } = compartmentFields;
  if (__shimTransforms__ !== noTransforms) {
    const { safeEvaluate } = makeSafeEvaluator({
      globalObject,
      moduleLexicals,
      globalTransforms: undefined,
      sloppyGlobalsMode: false,
    });
    const localTransforms = [...__shimTransforms__, rejectSomeDirectEvalExpressions];
    return { value: safeEvaluate(source, { localTransforms }), eager: false };
  }
  // Without shim transforms the evaluator runs exactly the text it is given (the
  // direct-eval check does not change it) and nothing else: it need only consider the
  // names that text contains (for the eager form, the names the native side listed).
  if (moduleTransformsForNoShim === undefined) {
    moduleTransformsForNoShim = freeze([rejectSomeDirectEvalExpressions]);
  }
  if (eagerForm === undefined) {
    const { safeEvaluate } = makeSafeEvaluator({
      globalObject,
      moduleLexicals,
      globalTransforms: undefined,
      sloppyGlobalsMode: false,
      onlySource: source,
    });
    return { value: safeEvaluate(source, { localTransforms: moduleTransformsForNoShim }), eager: false };
  }
  // The checks apply to `source` itself (the eager head leaves out the import
  // specifiers that `source` spells): unless the native side found it clean, run them
  // here, which throws their error.
  if (eagerForm.clean !== true) {
    checkTransformedSource(source, moduleTransformsForNoShim, noTransforms);
  }
  // The eager program itself, through an evaluator of its own (its scope has the
  // module's lexicals) over the compartment's shared eval scope.
  let evalScopeKit = weakmapGet(moduleEvalScopeKits, compartmentFields);
  if (evalScopeKit === undefined) {
    evalScopeKit = makeEvalScopeKit();
    weakmapSet(moduleEvalScopeKits, compartmentFields, evalScopeKit);
  }
  const evaluate = makeEvaluate(
    {
      evalScope: evalScopeKit.evalScope,
      moduleLexicals,
      globalObject,
      scopeTerminator: strictScopeTerminator,
    },
    eagerForm.names,
  );
  return { value: evaluateWithKit(evalScopeKit, evaluate, globalObject, eagerForm.program), eager: true };
};

module.exports = {
  noTransforms,
  provideCompartmentEvaluator,
  compartmentEvaluate,
  evaluateModuleProgram,
};
