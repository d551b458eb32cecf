'use strict';
// Builds the evaluator function of one safe evaluator.
//
// The factory is sloppy code (it needs `with`), compiled once per evaluator with the
// engine's original Function constructor, so it closes over nothing of ours. The scope
// chain seen by the guest source is, from the inside out:
//   evalScope       the one-shot `eval` (see eval-scope.js)
//   moduleLexicals  the module shim's lexical bindings ({} when there are none)
//   globalObject    the compartment's global object
//   scopeTerminator claims every remaining name, so nothing reaches the host's globals
// Names whose property is an immutable data property when the evaluator is built are
// additionally bound as `const` locals, so that reading them is a plain local load.
// The returned function is strict and runs its argument through a direct eval, so the
// guest gets strict script semantics, a completion value, and per-call declarations.

const { FERAL_FUNCTION, apply, arrayJoin } = require('../commons.js');
const { getScopeConstants } = require('./scope-constants.js');

const constBindings = (names, from) =>
  names.length === 0 ? '' : `const {${arrayJoin(names, ',')}} = this.${from};`;

const makeEvaluate = context => {
  const { globalObjectConstants, moduleLexicalConstants } = getScopeConstants(
    context.globalObject,
    context.moduleLexicals,
  );
  const factory = FERAL_FUNCTION(`
with (this.scopeTerminator) {
  with (this.globalObject) {
    with (this.moduleLexicals) {
      with (this.evalScope) {
        ${constBindings(globalObjectConstants, 'globalObject')}
        ${constBindings(moduleLexicalConstants, 'moduleLexicals')}
        return function() {
          'use strict';
          return eval(arguments[0]);
        };
      }
    }
  }
}
`);
  return apply(factory, context, []);
};

module.exports = { makeEvaluate };
