'use strict';
// The hot path of every evaluation: apply the transforms in ses's order and run the
// rejection checks on the result.
//
// When the compartment has no transforms of its own, the direct-eval rejection (the last
// local transform that compartment.evaluate appends) reads the same text as the
// mandatory checks, so all three run as one native scan (transforms.js `checkSource`,
// which also skips the scan for text that cannot match), with ses's precedence: direct
// eval, then HTML comment, then import expression.

const { freeze } = require('../commons.js');
const { applyTransforms, rejectSomeDirectEvalExpressions, checkSource } = require('./transforms.js');

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
  return checkSource(source, fuseDirectEval);
};
freeze(checkTransformedSource);

module.exports = { checkTransformedSource };
