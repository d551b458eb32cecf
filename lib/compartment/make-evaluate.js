'use strict';
// Builds the evaluator function of one safe evaluator.
//
// The factory is sloppy code (it needs `with`), compiled with the engine's original
// Function constructor, so it closes over nothing of ours. The scope
// chain seen by the guest source is, from the inside out:
//   evalScope       the one-shot `eval` (see eval-scope.js)
//   moduleLexicals  the module shim's lexical bindings ({} when there are none)
//   globalObject    the compartment's global object
//   scopeTerminator claims every remaining name, so nothing reaches the host's globals
// Names whose property is an immutable data property when the evaluator is built are
// additionally bound as `const` locals, so that reading them is a plain local load.
// The returned function is strict and runs its argument through a direct eval, so the
// guest gets strict script semantics, a completion value, and per-call declarations.

const { FERAL_FUNCTION, Map, apply, arrayJoin, mapGet, mapSet } = require('../commons.js');
const { getScopeConstants } = require('./scope-constants.js');

const constBindings = (names, from) =>
  names.length === 0 ? '' : `const {${arrayJoin(names, ',')}} = this.${from};`;

const makeFactorySource = (globalObjectConstants, moduleLexicalConstants) => `
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
`;

// Factories by their constant names. A factory closes over nothing (its scope chain
// comes from the context it is applied to), so one compiled factory serves every
// evaluator whose constant names are the same: nearly all of them, since few globals
// are ever frozen. Bounded: hostile endowment names must not grow it without limit.
// (Names are identifiers, so neither ',' nor '|' can make two lists share a key.)
const factories = new Map();
const FACTORY_LIMIT = 256;

// `onlySource`: the one source this evaluator will run, or the names it can look up,
// when that is known (see scope-constants.js).
const makeEvaluate = (context, onlySource = undefined) => {
  const { globalObjectConstants, moduleLexicalConstants } = getScopeConstants(
    context.globalObject,
    context.moduleLexicals,
    onlySource,
  );
  const key = `${arrayJoin(globalObjectConstants, ',')}|${arrayJoin(moduleLexicalConstants, ',')}`;
  let factory = mapGet(factories, key);
  if (factory === undefined) {
    factory = FERAL_FUNCTION(makeFactorySource(globalObjectConstants, moduleLexicalConstants));
    if (factories.size < FACTORY_LIMIT) mapSet(factories, key, factory);
  }
  return apply(factory, context, []);
};

module.exports = { makeEvaluate };
