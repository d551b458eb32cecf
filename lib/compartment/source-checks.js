'use strict';
// The hot path of every evaluation: apply the transforms in ses's order and run the
// rejection checks on the result.
//
// Two shortcuts keep `evaluate('1+1')` cheap without making any check laxer:
// - every rejection pattern needs one of the literal substrings `<!--`, `-->`, `import`
//   (or `eval` for the direct-eval check), so a source containing none of them cannot be
//   rejected and needs no scan at all;
// - when the compartment has no transforms of its own, the direct-eval rejection (the
//   last local transform that compartment.evaluate appends) reads the same text as the
//   mandatory checks, so all three are run as one native scan, with ses's precedence
//   (direct eval, then HTML comment, then import expression).

const { stringIncludes, freeze } = require('../commons.js');
const transforms = require('./transforms.js');

const {
  applyTransforms,
  mandatoryTransforms,
  rejectSomeDirectEvalExpressions,
  checkSource,
} = transforms;

const getTransforms = () => transforms;

const mayBeRejected = (source, withDirectEval) =>
  stringIncludes(source, 'import') ||
  stringIncludes(source, '<!--') ||
  stringIncludes(source, '-->') ||
  (withDirectEval && stringIncludes(source, 'eval'));

// Runs the checks that upstream expresses as the transforms
// [rejectSomeDirectEvalExpressions (when withDirectEval), mandatoryTransforms].
const runChecks = (source, withDirectEval) => {
  if (typeof source !== 'string') {
    // ses's regex checks coerce; the evaluator then returns a non-string as is.
    if (withDirectEval) rejectSomeDirectEvalExpressions(source);
    mandatoryTransforms(source);
    return source;
  }
  if (mayBeRejected(source, withDirectEval)) {
    checkSource(source, withDirectEval);
  }
  return source;
};

const checkTransformedSource = (source, localTransforms, compartmentTransforms) => {
  let localCount = localTransforms.length;
  let fuseDirectEval = false;
  if (
    compartmentTransforms.length === 0 &&
    localCount > 0 &&
    localTransforms[localCount - 1] === rejectSomeDirectEvalExpressions
  ) {
    fuseDirectEval = true;
    localCount -= 1;
  }
  for (let i = 0; i < localCount; i += 1) {
    const transform = localTransforms[i];
    source = transform(source);
  }
  if (compartmentTransforms.length > 0) {
    source = applyTransforms(source, compartmentTransforms);
  }
  return runChecks(source, fuseDirectEval);
};
freeze(checkTransformedSource);

module.exports = { checkTransformedSource, getTransforms };
