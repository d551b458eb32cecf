// Differential cases for the module loader, run in a child process under either
// `ses-reference` (real ses 2.3.0) or `ses` (this package). Each case returns a JSON-able
// result or throws; modules-differential.test.js compares the two runs case by case.
// Only behaviour that real `ses` supports is here (no module-text sources, no Map
// module maps); those are covered by the in-process tests.
/* global Compartment */
// MODULE_SOURCE=native swaps in this package's ModuleSource (records are meant to be
// interchangeable, so every case must give the same result either way).
const { ModuleSource } =
  process.env.MODULE_SOURCE === 'native'
    ? await import('ses/module-source')
    : await import('@endo/module-source');

const MS = (text, url) => new ModuleSource(text, url);
const virtual = (exports, execute, imports = []) => ({ imports, exports, execute });
const errorOf = e => (e && typeof e === 'object' ? { name: e.name, message: e.message } : { thrown: String(e) });
const catching = async thunk => {
  try {
    return { value: await thunk() };
  } catch (e) {
    return { error: errorOf(e) };
  }
};
const catchingNow = thunk => {
  try {
    return { value: thunk() };
  } catch (e) {
    return { error: errorOf(e) };
  }
};
const plainNs = ns => {
  const out = {};
  for (const k of Object.keys(ns)) {
    const v = ns[k];
    out[k] = typeof v === 'function' ? `fn:${v.name}` : v !== null && typeof v === 'object' ? Object.keys(v) : v;
  }
  return out;
};
const idResolve = s => s;
const urlResolve = (s, r) => new URL(s, r).href;
const sources = texts => {
  const hookCalls = [];
  const importHook = async specifier => {
    hookCalls.push(specifier);
    const text = texts[specifier];
    if (text === undefined) throw Error(`no module ${specifier}`);
    return { source: MS(text, specifier) };
  };
  const importNowHook = specifier => {
    hookCalls.push(specifier);
    const text = texts[specifier];
    if (text === undefined) throw Error(`no module ${specifier}`);
    return { source: MS(text, specifier) };
  };
  return { importHook, importNowHook, hookCalls };
};

export const cases = {
  async virtualModuleMap() {
    const c = new Compartment({ __options__: true, modules: { a: { source: virtual(['x', 'y'], e => { e.x = 1; e.y = 2; }) } } });
    const ns = c.importNow('a');
    return { ns: plainNs(ns), keys: Reflect.ownKeys(ns).map(String), frozen: Object.isFrozen(ns), tag: Object.prototype.toString.call(ns) };
  },
  async precompiledLiveBinding() {
    const c = new Compartment({ __options__: true, modules: { a: { source: MS('export let n = 0; export function inc() { n += 1; } export const k = 7;') } } });
    const ns = c.importNow('a');
    const before = ns.n;
    ns.inc();
    ns.inc();
    const d = Object.getOwnPropertyDescriptor(ns, 'n');
    return { before, after: ns.n, keys: Object.keys(ns), frozen: Object.isFrozen(ns), desc: { get: typeof d.get, set: typeof d.set, enumerable: d.enumerable, configurable: d.configurable } };
  },
  async jsonClone() {
    const record = JSON.parse(JSON.stringify(MS('import { x } from "b"; export default x * 2; export { x };')));
    const c = new Compartment({ __options__: true, resolveHook: idResolve, modules: { a: { source: record }, b: { source: MS('export const x = 21;') } } });
    return plainNs(c.importNow('a'));
  },
  async importHookGraph() {
    const { importHook, hookCalls } = sources({
      'https://x.test/main.js': 'import half from "./lib/half.js"; import { two } from "./lib/two.js"; export const meaning = half * two;',
      'https://x.test/lib/half.js': 'import { two } from "./two.js"; export default 42 / two;',
      'https://x.test/lib/two.js': 'export const two = 2;',
    });
    const c = new Compartment({ __options__: true, resolveHook: urlResolve, importHook });
    const { namespace } = await c.import('https://x.test/main.js');
    return { ns: plainNs(namespace), calls: hookCalls.sort() };
  },
  async importNowHookGraph() {
    const { importNowHook, hookCalls } = sources({
      main: 'import { b } from "b"; export const a = b + 1;',
      b: 'import "c"; export const b = 1;',
      c: 'globalThis.cRan = true;',
    });
    const c = new Compartment({ __options__: true, resolveHook: idResolve, importNowHook });
    const ns = c.importNow('main');
    return { ns: plainNs(ns), calls: hookCalls, cRan: c.globalThis.cRan };
  },
  async hookPrecedence() {
    const log = [];
    const c = new Compartment({
      __options__: true,
      modules: { a: { source: virtual(['from'], e => { e.from = 'map'; }) } },
      moduleMapHook: s => {
        log.push(`mapHook:${s}`);
        return s === 'b' ? { source: virtual(['from'], e => { e.from = 'mapHook'; }) } : undefined;
      },
      importNowHook: s => {
        log.push(`nowHook:${s}`);
        return { source: virtual(['from'], e => { e.from = 'nowHook'; }) };
      },
    });
    return { a: c.importNow('a').from, b: c.importNow('b').from, z: c.importNow('z').from, log };
  },
  async namespaceProxyDescriptor() {
    let runs = 0;
    const c1 = new Compartment({ __options__: true, modules: { a: { source: virtual(['v'], e => { runs += 1; e.v = {}; }) } } });
    const ns1 = c1.module('a');
    const c2 = new Compartment({ __options__: true, modules: { b: ns1, c: { namespace: ns1 } } });
    const b = c2.importNow('b');
    const cc = c2.importNow('c');
    return { same: b === ns1 && cc === ns1, v: b.v === c1.importNow('a').v, runs };
  },
  async namespaceStringWithCompartment() {
    const shared = new Compartment({ __options__: true, modules: { s: { source: MS('export const o = {};') } } });
    const a = new Compartment({ __options__: true, modules: { s: { namespace: 's', compartment: shared } } });
    const b = new Compartment({ __options__: true, modules: { s: { namespace: 's', compartment: shared } } });
    return { same: a.importNow('s').o === b.importNow('s').o, ns: a.importNow('s') === shared.importNow('s') };
  },
  async namespaceStringParentDefault() {
    const parent = new Compartment({ __options__: true, modules: { p: { source: virtual(['who'], e => { e.who = 'parent'; }) } } });
    const child = new parent.globalThis.Compartment({ __options__: true, modules: { q: { namespace: 'p' } } });
    return { who: child.importNow('q').who, same: child.importNow('q') === parent.importNow('p') };
  },
  async namespaceStringNoParent() {
    const c = new Compartment({ __options__: true, name: 'top', modules: { a: { namespace: 'b' } } });
    return { now: catchingNow(() => c.importNow('a')), async: await catching(() => c.import('a')) };
  },
  async namespacePlainObject() {
    const obj = { x: 1, f() { return 2; } };
    const c = new Compartment({ __options__: true, modules: { a: { namespace: obj } } });
    const ns = c.importNow('a');
    return { ns: plainNs(ns), frozen: Object.isFrozen(ns), shared: ns.f === obj.f };
  },
  async namespacePrimitive() {
    const c = new Compartment({ __options__: true, name: 'c', modules: { a: { namespace: 42 } } });
    return catchingNow(() => c.importNow('a'));
  },
  async stringDescriptor() {
    const c = new Compartment({ __options__: true, name: 'c', modules: { a: 'b' } });
    return { now: catchingNow(() => c.importNow('a')), async: await catching(() => c.import('a')) };
  },
  async stringDescriptorNoAggregate() {
    const c = new Compartment({ __options__: true, name: 'c', modules: { a: 'b' }, noAggregateLoadErrors: true });
    return { now: catchingNow(() => c.importNow('a')), async: await catching(() => c.import('a')) };
  },
  async primitiveDescriptor() {
    const c = new Compartment({ __options__: true, name: 'c', importNowHook: () => 42, noAggregateLoadErrors: true });
    return catchingNow(() => c.importNow('a'));
  },
  async archiveDescriptor() {
    const c = new Compartment({ __options__: true, name: 'c', modules: { a: { archive: {} } }, noAggregateLoadErrors: true });
    return catchingNow(() => c.importNow('a'));
  },
  async legacyRecord() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      importNowHook: s => (s === 'req' ? { record: MS('export default import.meta.url;'), specifier: 'real', importMeta: { url: 'u' } } : undefined),
    });
    const a = c.importNow('req');
    const b = c.importNow('real');
    return { same: a === b, d: a.default };
  },
  async legacyRecordSameInstance() {
    let n = 0;
    const c = new Compartment({
      __options__: true,
      importNowHook: s => {
        n += 1;
        return { record: virtual(['x'], e => { e.x = s; }), specifier: 'canonical' };
      },
    });
    const a = c.importNow('one');
    const b = c.importNow('canonical');
    return { x: a.x, same: a === b, n };
  },
  async legacySpecifierCompartment() {
    const other = new Compartment({ __options__: true, modules: { o: { source: virtual(['v'], e => { e.v = 'other'; }) } } });
    const c = new Compartment({ __options__: true, modules: { a: { specifier: 'o', compartment: other } } });
    return { v: c.importNow('a').v, same: c.importNow('a') === other.importNow('o') };
  },
  async legacySpecifierBadCompartment() {
    const c = new Compartment({ __options__: true, name: 'c', modules: { a: { specifier: 'o', compartment: {} } }, noAggregateLoadErrors: true });
    return catchingNow(() => c.importNow('a'));
  },
  async sourceKeyWithCompartment() {
    let runs = 0;
    const other = new Compartment({ __options__: true, modules: { o: { source: virtual(['v'], e => { runs += 1; e.v = {}; }) } } });
    const c = new Compartment({ __options__: true, modules: { a: { source: 'o', compartment: other } } });
    const a = c.importNow('a');
    const o = other.importNow('o');
    return { separate: a.v !== o.v, runs };
  },
  async sourceKeyOwnCompartmentUndefinedMeansParent() {
    const parent = new Compartment({ __options__: true, modules: { p: { source: virtual(['who'], (e, comp) => { e.who = comp.name; }) } } });
    const child = new parent.globalThis.Compartment({ __options__: true, name: 'kid', modules: { q: { source: 'p', compartment: undefined } } });
    return child.importNow('q').who;
  },
  async sourceKeyNoParent() {
    const c = new Compartment({ __options__: true, name: 'top', modules: { a: { source: 'b', compartment: undefined } } });
    return { now: catchingNow(() => c.importNow('a')), async: await catching(() => c.import('a')) };
  },
  async sourceKeyOwnCompartmentSpecifierCollision() {
    const c = new Compartment({
      __options__: true,
      modules: { './object.js': { source: MS('export default { meaning: 42 }') } },
      importNowHook(specifier) {
        return specifier === './index.js' ? { source: './object.js', specifier: './object.js', compartment: c } : undefined;
      },
    });
    const o1 = c.importNow('./object.js').default;
    const o2 = c.importNow('./index.js').default;
    return { same: o1 === o2 };
  },
  async invalidImports() {
    const c = new Compartment({ __options__: true, name: 'c', modules: { 'x.js': { source: { imports: 'nope', exports: [], execute() {} } } }, noAggregateLoadErrors: true });
    return catchingNow(() => c.importNow('x.js'));
  },
  async invalidImportsNonString() {
    const c = new Compartment({ __options__: true, name: 'c', modules: { 'x.js': { source: { imports: [1], exports: [], execute() {} } } }, noAggregateLoadErrors: true });
    return catchingNow(() => c.importNow('x.js'));
  },
  async invalidExports() {
    const c = new Compartment({ __options__: true, name: 'c', modules: { 'x.js': { source: { imports: [], execute() {} } } } });
    return catchingNow(() => c.importNow('x.js'));
  },
  async invalidReexports() {
    const c = new Compartment({ __options__: true, name: 'c', modules: { 'x.js': { source: { imports: [], exports: [], reexports: 3, execute() {} } } } });
    return catchingNow(() => c.importNow('x.js'));
  },
  async neitherPrecompiledNorVirtual() {
    const c = new Compartment({ __options__: true, name: 'c', modules: { 'x.js': { source: { imports: [], exports: [] } } } });
    return catchingNow(() => c.importNow('x.js'));
  },
  async precompiledBadMaps() {
    const r = { ...JSON.parse(JSON.stringify(MS('export const a = 1;'))) };
    const c1 = new Compartment({ __options__: true, modules: { 'x.js': { source: { ...r, __fixedExportMap__: 3 } } } });
    const c2 = new Compartment({ __options__: true, modules: { 'x.js': { source: { ...r, __liveExportMap__: null } } } });
    return [catchingNow(() => c1.importNow('x.js')), catchingNow(() => c2.importNow('x.js'))];
  },
  async virtualExportsNotStrings() {
    const c = new Compartment({ __options__: true, modules: { 'x.js': { source: { imports: [], exports: [1], execute() {} } } } });
    return catchingNow(() => c.importNow('x.js'));
  },
  async missingExport() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: { './a.js': { source: MS('import { nope } from "./b.js"; export default nope;') }, './b.js': { source: MS('export const yes = 1;') } },
    });
    return { now: catchingNow(() => c.importNow('./a.js')), again: catchingNow(() => c.importNow('./a.js')) };
  },
  async cycle() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        a: { source: MS('import { b, getB } from "b"; export const a = "A"; export const seenB = b; export const lateB = () => getB();') },
        b: { source: MS('import { a } from "a"; export const b = "B"; export const seenA = typeof a; export function getB() { return b + a; }') },
      },
    });
    const ns = c.importNow('a');
    const nb = c.importNow('b');
    return { seenB: ns.seenB, late: ns.lateB(), seenA: nb.seenA };
  },
  async exportStar() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        main: { source: MS('export * from "one"; export * from "two"; export const own = 0;') },
        one: { source: MS('export const x = 1; export const dup = "one"; export default "d1"; export const own = "one";') },
        two: { source: MS('export const y = 2; export const dup = "two";') },
      },
    });
    const ns = c.importNow('main');
    return { keys: Object.keys(ns), ns: plainNs(ns) };
  },
  // Reading re-exported bindings through a namespace while their module has not yet
  // initialized them (a cycle runs `reader` first), then after, then after an update.
  async reexportBeforeInitialization() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        src: { source: MS('import "r"; import "reader"; export let v = 1; export function bump() { v += 1; }') },
        r: { source: MS('export * from "src"; export { v as w } from "src";') },
        reader: {
          source: MS(
            'import * as nsR from "r"; export const seen = [nsR.v, nsR.w, "v" in nsR]; ' +
              'export const shape = Object.entries(Object.getOwnPropertyDescriptor(nsR, "v")).map(([k, x]) => k + ":" + typeof x);',
          ),
        },
      },
    });
    const src = c.importNow('src');
    const r = c.importNow('r');
    const reader = c.importNow('reader');
    const after = [r.v, r.w];
    src.bump();
    return { seen: reader.seen, shape: reader.shape, after, bumped: [r.v, r.w], keys: Object.keys(r) };
  },
  // A chain of `export *` through complete modules: own names shadow, `default` stays
  // behind, names are sorted, and imports of names taken through the chain resolve (and
  // stay live), as does a missing one's error.
  async starChainThroughCompleteModules() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        a: { source: MS('export let x = 1; export const y = "a", w = "a"; export default "a"; export const bump = () => { x += 1; };') },
        b: { source: MS('export * from "a"; export const y = "b"; export const b = 1;') },
        c: { source: MS('import "b"; export * from "b"; export const z = 3; export const aa = 0;') },
        d: {
          source: MS(
            'import { x, y, z, w, bump } from "c"; import * as ns from "c"; bump(); ' +
              'export const seen = [x, y, z, w, Object.keys(ns).join(), "default" in ns, ns.x];',
          ),
        },
        e: { source: MS('import { nope } from "c";') },
      },
    });
    const d = c.importNow('d');
    const e = catchingNow(() => c.importNow('e'));
    return { seen: d.seen, keys: Object.keys(c.importNow('c')), e };
  },
  // In a cycle, module code holds another module's exports target before its namespace
  // is complete and may put a property on it: completing the namespace redefines it as a
  // getter without a setter, as ses does.
  async cyclePlantedAccessor() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        a: { source: MS('import { log } from "b"; export const a = 1; export const getLog = () => log;') },
        b: {
          source: MS(
            'import * as A from "a"; export const log = []; ' +
              'Object.defineProperty(A, "a", { get() { return "early"; }, set(v) { log.push("setter saw " + v); }, configurable: true, enumerable: false }); ' +
              'export const poke = () => { try { A.a = 42; } catch (e) { log.push(e.name); } };',
          ),
        },
      },
    });
    const ns = c.importNow('a');
    c.importNow('b').poke();
    const d = Object.getOwnPropertyDescriptor(ns, 'a');
    return { a: ns.a, set: typeof d.set, enumerable: d.enumerable, configurable: d.configurable, log: ns.getLog() };
  },
  // Namespaces looked at only late, and from every side: through the proxy, as the
  // target an `export * as` hands out, through an `import * as` that is read and one
  // that is not, before and after a live binding changes.
  async namespacesObservedLate() {
    const shape = ns => ({
      keys: Reflect.ownKeys(ns).map(String),
      frozen: Object.isFrozen(ns),
      extensible: Object.isExtensible(ns),
      proto: Object.getPrototypeOf(ns),
      tag: Object.prototype.toString.call(ns),
      descriptors: Object.keys(ns).map(k => {
        const d = Object.getOwnPropertyDescriptor(ns, k);
        return [k, typeof d.get, typeof d.set, d.enumerable, d.configurable, 'value' in d];
      }),
      values: plainNs(ns),
    });
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        a: { source: MS('export let y = 1; export const x = 2; export default 3; export function bump() { y += 1; }') },
        b: { source: MS('export * from "a"; export * as nsA from "a"; export const own = 4;') },
        unread: { source: MS('import * as ignored from "b"; import { x } from "a"; export const got = x;') },
        reader: { source: MS('import * as B from "b"; export const early = Object.keys(B); export const look = () => B;') },
      },
    });
    const unread = c.importNow('unread');
    const reader = c.importNow('reader');
    const a = c.module('a');
    a.bump();
    const b = c.importNow('b');
    const nsA = b.nsA;
    return {
      got: unread.got,
      early: reader.early,
      a: shape(a),
      b: shape(b),
      nsA: shape(nsA),
      viaReader: shape(reader.look()),
      rawIsNotProxy: nsA === a,
      writes: [
        catchingNow(() => { 'use strict'; nsA.y = 9; }),
        catchingNow(() => Reflect.set(nsA, 'y', 9)),
        catchingNow(() => Reflect.defineProperty(nsA, 'z', { value: 1 })),
      ],
    };
  },
  // A chain of single-source `export *` longer than the merges the loader lets wait:
  // names resolve through it by import and by namespace, own names shadow, `default`
  // stays behind, and a namespace in the middle is complete too.
  async longStarChain() {
    const n = 150;
    const modules = {};
    for (let i = 0; i < n; i += 1) {
      const next = i + 1 < n ? `export * from "s${i + 1}"; ` : '';
      modules[`s${i}`] = { source: MS(`${next}export const v${i} = ${i}; export const shared = ${i}; export default ${i};`) };
    }
    modules.top = { source: MS('import { v149, v70, shared, v0 } from "s0"; export const seen = [v149, v70, shared, v0];') };
    const c = new Compartment({ __options__: true, resolveHook: idResolve, modules });
    const top = c.importNow('top');
    const s0 = c.importNow('s0');
    const s100 = c.module('s100');
    return {
      seen: top.seen,
      s0: [Object.keys(s0).length, s0.v149, s0.shared, s0.default, 'v150' in s0],
      s100: [Object.keys(s100).length, s100.v100, s100.v149, s100.shared, Object.keys(s100).slice(0, 3)],
      missing: catchingNow(() => c.importNow('s0') && new Compartment({ __options__: true, resolveHook: idResolve, modules: { ...modules, bad: { source: MS('import { nope } from "s0";') } } }).importNow('bad')),
    };
  },
  // A string-literal export name reads as `undefined`; a re-export of one, from a module
  // already complete, finds the export named "undefined" as ses does.
  async reexportOfStringLiteralName() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        x: { source: MS('const v = 1; export { v as undefined };') },
        m: { source: MS('import "x"; export { "w" as "z" } from "x";') },
      },
    });
    return catchingNow(() => Object.entries(c.importNow('m')));
  },
  // A hand-written functor may call `imports` twice: the second call changes nothing.
  async importsCalledTwice() {
    const record = {
      imports: ['x'],
      exports: ['a', 'r'],
      reexports: [],
      __syncModuleProgram__: '',
      __fixedExportMap__: { a: ['a'] },
      __liveExportMap__: {},
      __reexportMap__: { x: [['y', 'r']] },
      __syncModuleFunctor__({ imports, onceVar }) {
        imports(new Map([['x', new Map()]]));
        imports(new Map([['x', new Map()]]));
        onceVar.a(1);
      },
    };
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: { m: { source: record }, x: { source: virtual(['y'], e => { e.y = 7; }) } },
    });
    return catchingNow(() => Object.entries(c.importNow('m')));
  },
  // Globals that are constants when a module is linked are bound as constants in its
  // evaluator: assigning one fails as an assignment to a constant, in both loaders.
  async constantGlobalsInModules() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        main: {
          source: MS(
            'let caught = []; for (const f of [() => { fixedGlobal = 2; }, () => { writableGlobal = 3; }]) ' +
              '{ try { f(); caught.push("ok"); } catch (e) { caught.push(e.name + ": " + e.message); } } ' +
              'export { caught }; export const seen = [fixedGlobal, writableGlobal, typeof Infinity]; ' +
              'export const escaped = (() => { try { onlyEsc\\u0061ped = 4; return "ok"; } catch (e) { return e.message; } })();',
          ),
        },
      },
    });
    Object.defineProperty(c.globalThis, 'fixedGlobal', { value: 1, writable: false, configurable: false });
    Object.defineProperty(c.globalThis, 'onlyEscaped', { value: 1, writable: false, configurable: false });
    c.globalThis.writableGlobal = 1;
    const ns = c.importNow('main');
    return { caught: ns.caught, seen: ns.seen, escaped: ns.escaped };
  },
  // The getter a re-exporting namespace defines: its name and arity as in ses (its
  // identity and frozenness differ by design: one frozen getter per binding, see README).
  async reexportGetterShape() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        a: { source: MS('export let x = 1;') },
        b: { source: MS('export { x } from "a";') },
        d: { source: MS('export * from "a";') },
        main: {
          source: MS(
            'import * as nb from "b"; import * as nd from "d"; ' +
              'const g = ns => Object.getOwnPropertyDescriptor(ns, "x").get; ' +
              'export const shape = [g(nb).name, g(nb).length, g(nd).name, typeof g(nd), g(nd)()];',
          ),
        },
      },
    });
    return c.importNow('main').shape;
  },
  async exportStarAs() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        main: { source: MS('export * as inner from "one"; export { x as renamed, default as d } from "one";') },
        one: { source: MS('export let x = 1; export default "d1"; export function bump() { x += 1; }') },
      },
    });
    const ns = c.importNow('main');
    const inner = ns.inner;
    inner.bump();
    return { keys: Object.keys(ns), renamed: ns.renamed, d: ns.d, innerKeys: Object.keys(inner), innerIsProxy: inner === c.importNow('one') };
  },
  async liveReexport() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        main: { source: MS('import { n, inc } from "one"; export { n, inc }; export const first = n;') },
        one: { source: MS('export let n = 0; export const inc = () => { n += 1; };') },
      },
    });
    const ns = c.importNow('main');
    ns.inc();
    return { first: ns.first, now: ns.n };
  },
  async tdzThroughNamespace() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      globals: {},
      modules: {
        a: { source: MS('import { peek } from "b"; export const early = peek(); export const x = 1;') },
        b: { source: virtual(['peek'], (e, comp) => { e.peek = () => { try { return comp.module('a').x; } catch (err) { return `${err.name}: ${err.message}`; } }; }) },
      },
    });
    return c.importNow('a').early;
  },
  async moduleErrorRethrown() {
    const c = new Compartment({ __options__: true, modules: { a: { source: MS('throw Error("boom");') } } });
    let e1;
    let e2;
    try { c.importNow('a'); } catch (e) { e1 = e; }
    try { await c.import('a'); } catch (e) { e2 = e; }
    return { message: e1.message, same: e1 === e2 };
  },
  async virtualErrorRethrown() {
    let n = 0;
    const c = new Compartment({ __options__: true, modules: { a: { source: virtual([], () => { n += 1; throw Error('v-boom'); }) } } });
    const r1 = catchingNow(() => c.importNow('a'));
    const r2 = catchingNow(() => c.importNow('a'));
    return { r1, r2, n };
  },
  async dynamicImportInModule() {
    const c = new Compartment({
      __options__: true,
      resolveHook: (s, r) => `${r}>${s}`,
      __noNamespaceBox__: true,
      modules: {
        main: { source: MS('export const load = () => import("dep");') },
        'main>dep': { source: MS('export const d = "dep";') },
      },
    });
    const ns = await c.import('main');
    const dep = await ns.load();
    return { d: dep.d, proxy: dep === c.module('main>dep') };
  },
  async dynamicImportNoResolveHook() {
    const c = new Compartment({ __options__: true, modules: { main: { source: MS('export const load = () => import("dep");') } } });
    const ns = c.importNow('main');
    return catching(() => ns.load());
  },
  async importMeta() {
    const calls = [];
    const c = new Compartment({
      __options__: true,
      importMetaHook(specifier, meta) {
        calls.push([specifier, Object.getPrototypeOf(meta), { ...meta }]);
        meta.hooked = true;
      },
      modules: {
        a: { source: MS('export const m = import.meta;'), importMeta: { url: 'file:///a.js' }, specifier: 'a-real' },
        b: { source: MS('export const x = 1;'), importMeta: { url: 'file:///b.js' } },
      },
    });
    const m = c.importNow('a').m;
    c.importNow('b');
    return { m: { ...m }, proto: Object.getPrototypeOf(m), frozen: Object.isFrozen(m), calls };
  },
  async namespaceTraps() {
    const c = new Compartment({ __options__: true, modules: { a: { source: MS('export const x = 1;') } } });
    const ns = c.module('a');
    const before = [
      catchingNow(() => ns.x),
      catchingNow(() => 'x' in ns),
      catchingNow(() => Object.keys(ns)),
      catchingNow(() => Object.getOwnPropertyDescriptor(ns, 'x')),
      catchingNow(() => Object.isExtensible(ns)),
      catchingNow(() => Object.preventExtensions(ns)),
      catchingNow(() => Object.getPrototypeOf(ns)),
    ];
    c.importNow('a');
    const after = [
      catchingNow(() => { 'use strict'; ns.x = 2; }),
      catchingNow(() => { 'use strict'; delete ns.x; }),
      catchingNow(() => Object.defineProperty(ns, 'y', { value: 1 })),
      catchingNow(() => Object.setPrototypeOf(ns, {})),
      catchingNow(() => Object.isExtensible(ns)),
      catchingNow(() => 'x' in ns),
      catchingNow(() => ns[Symbol.toStringTag]),
    ];
    return { before, after };
  },
  async importStarIsRawTarget() {
    const c = new Compartment({
      __options__: true,
      resolveHook: idResolve,
      modules: {
        a: { source: MS('import * as b from "b"; export { b }; export const keys = Object.keys(b);') },
        b: { source: MS('export const z = 1; export const a = 2;') },
      },
    });
    const ns = c.importNow('a');
    return { same: ns.b === c.importNow('b'), keys: ns.keys, frozen: Object.isFrozen(ns.b), tag: Object.prototype.toString.call(ns.b) };
  },
  async aggregateErrors() {
    const c = new Compartment({
      __options__: true,
      name: 'mc',
      resolveHook: idResolve,
      importHook: async s => {
        if (s === 'bad.js') return { source: MS('import "missing1.js"; import "missing2.js";') };
        throw Error(`no module ${s}`);
      },
      importNowHook: s => {
        if (s === 'bad.js') return { source: MS('import "missing1.js"; import "missing2.js";') };
        throw Error(`no module ${s}`);
      },
    });
    return { async: await catching(() => c.import('bad.js')), now: catchingNow(() => c.importNow('bad.js')), load: await catching(() => c.load('bad.js')) };
  },
  async noAggregateErrors() {
    const c = new Compartment({
      __options__: true,
      name: 'mc',
      noAggregateLoadErrors: true,
      resolveHook: idResolve,
      importHook: async s => {
        if (s === 'bad.js') return { source: MS('import "missing1.js"; import "missing2.js";') };
        throw Error(`no module ${s}`);
      },
      importNowHook: s => {
        if (s === 'bad.js') return { source: MS('import "missing1.js"; import "missing2.js";') };
        throw Error(`no module ${s}`);
      },
    });
    return { async: await catching(() => c.import('bad.js')), now: catchingNow(() => c.importNow('bad.js')) };
  },
  async noNamespaceBox() {
    const mods = () => ({ a: { source: virtual(['x'], e => { e.x = 1; }) } });
    const boxed = new Compartment({ __options__: true, modules: mods() });
    const unboxed = new Compartment({ __options__: true, modules: mods(), __noNamespaceBox__: true });
    const b = await boxed.import('a');
    const u = await unboxed.import('a');
    return { boxKeys: Object.keys(b), boxProto: Object.getPrototypeOf(b) === Object.prototype, boxSame: b.namespace === boxed.module('a'), unboxed: u === unboxed.module('a') };
  },
  async importNowHookReturnsPromise() {
    const c = new Compartment({ __options__: true, name: 'c', importNowHook: async () => ({ source: virtual([], () => {}) }) });
    return catchingNow(() => c.importNow('p'));
  },
  async hookThrows() {
    const c = new Compartment({
      __options__: true,
      name: 'c',
      importHook: () => { throw TypeError('sync throw'); },
      importNowHook: () => { throw RangeError('now throw'); },
    });
    return { async: await catching(() => c.import('a')), now: catchingNow(() => c.importNow('a')) };
  },
  async hookRejectsThenRetries() {
    let n = 0;
    const c = new Compartment({
      __options__: true,
      importHook: async () => {
        n += 1;
        if (n === 1) throw Error('first fails');
        return { source: virtual(['ok'], e => { e.ok = true; }) };
      },
    });
    const first = await catching(() => c.import('a'));
    const second = await catching(async () => (await c.import('a')).namespace.ok);
    return { first, second, n };
  },
  async concurrentImports() {
    let n = 0;
    const c = new Compartment({
      __options__: true,
      importHook: async () => {
        n += 1;
        return { source: virtual(['x'], e => { e.x = 1; }) };
      },
    });
    const all = await Promise.all([c.import('a'), c.import('a'), c.import('a')]);
    return { n, same: all[0].namespace === all[2].namespace };
  },
  async missingResolveHook() {
    const c = new Compartment({ __options__: true, name: 'c', noAggregateLoadErrors: true, modules: { a: { source: MS('import "b";') } } });
    return catchingNow(() => c.importNow('a'));
  },
  async missingHooks() {
    const c = new Compartment({ __options__: true, name: 'nohooks' });
    return { now: catchingNow(() => c.importNow('zz')), async: await catching(() => c.import('zz')), load: await catching(() => c.load('zz')) };
  },
  async syncModuleFunctor() {
    const record = JSON.parse(JSON.stringify(MS('export const x = 1;')));
    let called = 0;
    record.__syncModuleFunctor__ = ({ onceVar, imports }) => {
      called += 1;
      imports([]);
      onceVar.x(99);
    };
    const c = new Compartment({ __options__: true, modules: { a: { source: record } } });
    return { x: c.importNow('a').x, called };
  },
  async functorConventionMaps() {
    const record = {
      imports: ['b'],
      exports: ['y'],
      reexports: [],
      __syncModuleProgram__: '({ imports, onceVar }) => { let x; imports(new Map([["b", new Map([["x", [v => { x = v; }]]])]])); onceVar.y(x * 2); }',
      __fixedExportMap__: { y: ['y'] },
      __liveExportMap__: {},
    };
    const c = new Compartment({ __options__: true, resolveHook: idResolve, modules: { a: { source: record }, b: { source: virtual(['x'], e => { e.x = 21; }) } } });
    return c.importNow('a').y;
  },
  async onceVarTwice() {
    const record = {
      imports: [],
      exports: ['y'],
      __syncModuleProgram__: '({ imports, onceVar }) => { imports([]); onceVar.y(1); onceVar.y(2); }',
      __fixedExportMap__: { y: ['y'] },
      __liveExportMap__: {},
    };
    const c = new Compartment({ __options__: true, modules: { a: { source: record } } });
    return catchingNow(() => c.importNow('a'));
  },
  async functorArgumentShape() {
    const record = {
      imports: [],
      exports: [],
      __syncModuleProgram__: '(arg) => { globalThis.seen = { keys: Object.keys(arg), frozen: Object.isFrozen(arg), importType: typeof arg.import, metaProto: Object.getPrototypeOf(arg.importMeta), thisType: typeof this }; arg.imports([]); }',
      __fixedExportMap__: {},
      __liveExportMap__: {},
      __needsImport__: false,
    };
    const c = new Compartment({ __options__: true, modules: { a: { source: record } } });
    c.importNow('a');
    return c.globalThis.seen;
  },
  async directEvalRejectedAtLinkTime() {
    let ran = false;
    const c = new Compartment({
      __options__: true,
      name: 'c',
      resolveHook: idResolve,
      globals: { mark: () => { ran = true; } },
      modules: { a: { source: MS('import "b"; export const f = () => eval("1");') }, b: { source: MS('mark();') } },
    });
    return { r: catchingNow(() => c.importNow('a')), ran };
  },
  async shimTransformsApplyToModules() {
    const c = new Compartment({
      __options__: true,
      transforms: [s => s.replace('FROM', 'transforms')],
      __shimTransforms__: [s => s.replace('FROM', 'shim')],
      modules: { a: { source: MS('export const w = "FROM";') } },
    });
    return c.importNow('a').w;
  },
  async moduleMethodIdentity() {
    const c = new Compartment({ __options__: true, modules: { a: { source: virtual(['x'], e => { e.x = 1; }) } } });
    const m = c.module('a');
    return { same: m === c.module('a'), now: c.importNow('a') === m };
  },
  async loadDoesNotExecute() {
    let ran = 0;
    const c = new Compartment({ __options__: true, importHook: async () => ({ source: virtual(['x'], e => { ran += 1; e.x = 1; }) }) });
    const r = await c.load('a');
    const ranAfterLoad = ran;
    c.importNow('a');
    return { r: r === undefined, ranAfterLoad, ran };
  },
  async childCompartmentImportHookParentSourceSpecifier() {
    const parent = new Compartment({
      __options__: true,
      name: 'parent',
      resolveHook: s => s,
      importHook: async s => (s === './meaning.js' ? { source: MS('import m from "./m.js"; export default m;') } : undefined),
    });
    const child = new parent.globalThis.Compartment({
      __options__: true,
      name: 'child',
      resolveHook: (s, r) => `${r}|${s}`,
      importHook: async s => {
        if (s === './index.js') return { source: './meaning.js', specifier: './lib/meaning.js', compartment: undefined };
        if (s === './lib/meaning.js|./m.js') return { source: virtual(['default'], e => { e.default = 42; }) };
        return undefined;
      },
      __noNamespaceBox__: true,
    });
    return (await child.import('./index.js')).default;
  },
  async thenableNamespace() {
    const c = new Compartment({ __options__: true, modules: { a: { source: MS('export const then = r => r("adopted");') } } });
    const got = await c.import('a');
    return typeof got === 'object' ? Object.keys(got) : got;
  },
  async syntaxErrorRecord() {
    const c = new Compartment({ __options__: true, modules: { a: { source: MS('export const x = 1;\nexport const y = await 2;') } } });
    const r = catchingNow(() => c.importNow('a'));
    return { name: r.error && r.error.name };
  },
};
