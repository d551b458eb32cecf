'use strict';
// The private state of every Compartment, and the alias table for module namespaces.
// Both maps are held only by lib/compartment/ and lib/modules/; nothing here is ever
// placed where guest code can reach it.
//
// privateFields: WeakMap<Compartment, CompartmentFields>, where CompartmentFields is a
// plain record (every field an own property, even when undefined) with exactly the
// field names of upstream ses:
//
//   name                  string       the compartment's name ('<unknown>' by default)
//   globalObject          object       the compartment's global object; undefined until
//                                      first asked for through provideGlobalObject
//   globalTransforms      Array<fn>    [...transforms, ...__shimTransforms__] (read only)
//   safeEvaluate          (source, { localTransforms }) => completion value
//                                      the compartment's own evaluator: applies
//                                      localTransforms, then globalTransforms, then the
//                                      mandatory HTML-comment / import-expression checks,
//                                      and evaluates in the compartment's scope
//                                      (built with the global object, on first use)
//   buildGlobalObject     () => { globalObject, safeEvaluate } | undefined
//                                      builds both (endowments included); cleared once
//                                      it has succeeded
//   resolveHook           fn | undefined
//   importHook            fn | undefined
//   importNowHook         fn | undefined
//   moduleMap             null-prototype object: specifier -> descriptor/namespace.
//                                      (A Map given as `modules` is converted to this
//                                      shape before it is stored; compartments given no
//                                      modules share one frozen empty object.)
//   moduleMapHook         fn | undefined
//   importMetaHook        fn | undefined
//   moduleRecords         Map<fullSpecifier, ModuleCompartmentRecord>
//   __shimTransforms__    Array<fn>    (read only; may be a shared frozen empty array)
//   deferredExports       Map<fullSpecifier, DeferredExports> (module-proxy.js: target and proxy made on first read)
//   instances             Map<fullSpecifier, ModuleInstance>
//   parentCompartment     Compartment | undefined
//   noNamespaceBox        boolean
//   compartmentImport     async (fullSpecifier) => namespace   (dynamic import support)
//   noAggregateLoadErrors boolean
//
// moduleAliases: WeakMap<ModuleExportsNamespace, Compartment>, as upstream's.
//
// compartmentEvaluate(compartmentFields, source, options) lives in
// ./compartment-evaluate.js with upstream's signature (options: transforms,
// sloppyGlobalsMode, __moduleShimLexicals__, __evadeHtmlCommentTest__,
// __evadeImportExpressionTest__, __rejectSomeDirectEvalExpressions__).

const { WeakMap } = require('../commons.js');

const privateFields = new WeakMap();
const moduleAliases = new WeakMap();

// A compartment's global object and evaluator cost most of its construction, so they
// are built when first needed: by `globalThis`, `evaluate`, and module instantiation.
// Building runs no guest code. The fields are written only once it has succeeded, so a
// failure part-way (a stack overflow, say) leaves the record as it was, to be tried
// again, with nothing of the failed attempt reachable.
// (A foreign receiver has no record: `fields` is then undefined, and is returned as is
// so that the caller fails on it exactly as ses does.)
const provideGlobalObject = fields => {
  const build = fields === undefined ? undefined : fields.buildGlobalObject;
  if (build !== undefined) {
    const { globalObject, safeEvaluate } = build();
    fields.globalObject = globalObject;
    fields.safeEvaluate = safeEvaluate;
    fields.buildGlobalObject = undefined;
  }
  return fields;
};

module.exports = { privateFields, moduleAliases, provideGlobalObject };
