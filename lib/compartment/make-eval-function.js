'use strict';
// A compartment's `eval`: an ordinary function (so every call from guest code is an
// indirect eval) that evaluates strings with the compartment's safe evaluator and
// returns anything else unchanged. Defined as a concise method so it has no
// `prototype` and cannot be used with `new`.

const makeEvalFunction = evaluator => {
  const { eval: newEval } = {
    eval(source) {
      if (typeof source !== 'string') {
        return source;
      }
      return evaluator(source);
    },
  };
  return newEval;
};

module.exports = { makeEvalFunction };
