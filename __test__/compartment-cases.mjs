// Probe cases for compartment-differential.test.js. Each case runs in a child process
// under real `ses` 2.3.0 and under this package; its return value (JSON-able) or thrown
// error (class and message) must be the same. `pre` cases run before lockdown, `post`
// cases after a default lockdown().

const keysOf = o => Reflect.ownKeys(o).map(String);
const attrs = (o, k) => {
  const d = Object.getOwnPropertyDescriptor(o, k);
  if (!d) return 'absent';
  return `${'value' in d ? 'data' : 'accessor'}:${d.writable ? 'w' : ''}${d.enumerable ? 'e' : ''}${d.configurable ? 'c' : ''}`;
};
const errorOf = f => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: `${e.name}: ${e.message}` };
  }
};
const opts = o => ({ __options__: true, ...o });

export const common = {
  // --- constructor -------------------------------------------------------------------
  'without new': () => errorOf(() => Compartment()),
  'length and name': () => [Compartment.length, Compartment.name],
  'sigil must be true': () => errorOf(() => new Compartment({ __options__: 1 })),
  'sigil false': () => errorOf(() => new Compartment({ __options__: false })),
  'legacy modules conflict first': () =>
    errorOf(() => new Compartment({}, {}, { modules: {}, globals: {} })),
  'legacy globals conflict': () => errorOf(() => new Compartment({}, {}, { globals: {} })),
  'two args take legacy path': () =>
    new Compartment({ __options__: true }, {}).evaluate('typeof __options__'),
  'inherited __options__ counts': () =>
    new Compartment(Object.create({ __options__: true })).name,
  'unknown options ignored': () =>
    new Compartment(opts({ loadHook: 1, loadNowHook: 2, __native__: true, bogus: 3 })).name,
  'default name': () => new Compartment().name,
  'name coerced': () => [new Compartment(opts({ name: 42 })).name, new Compartment({}, {}, { name: 'x' }).name],
  'symbol name throws': () => errorOf(() => new Compartment(opts({ name: Symbol('s') }))),
  'globals getters run once': () => {
    let n = 0;
    const g = {
      get a() {
        n += 1;
        return n;
      },
    };
    const c = new Compartment(opts({ globals: g }));
    return [n, c.evaluate('a'), c.evaluate('a'), attrs(c.globalThis, 'a')];
  },
  'symbol-keyed globals copied': () => {
    const s = Symbol.for('probe');
    const c = new Compartment(opts({ globals: { [s]: 1 } }));
    return c.globalThis[s];
  },
  'non-enumerable globals not copied': () => {
    const g = Object.defineProperty({}, 'hidden', { value: 1, enumerable: false });
    return new Compartment(opts({ globals: g })).evaluate('typeof hidden');
  },
  'inherited globals not copied': () =>
    new Compartment(opts({ globals: Object.create({ inh: 1 }) })).evaluate('typeof inh'),
  'NaN endowment throws': () => errorOf(() => new Compartment({ NaN: 1 })),
  'undefined endowment throws': () => errorOf(() => new Compartment(opts({ globals: { undefined: 2 } }))),
  'endowments override intrinsics': () => {
    const c = new Compartment(opts({ globals: { Math: 1, eval: 2, globalThis: 3 } }));
    return [c.globalThis.Math, c.globalThis.eval, c.globalThis.globalThis, attrs(c.globalThis, 'Math')];
  },
  // Endowments whose assignment meets Object.prototype (setters, read-only properties,
  // `__proto__`): the global object is built lazily, yet the outcome must be ses's.
  'endowments named like Object.prototype properties': () =>
    ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__defineGetter__'].map(name =>
      errorOf(() => {
        const c = new Compartment(opts({ globals: { [name]: 7 } }));
        return [c.evaluate(name), attrs(c.globalThis, name)];
      }),
    ),
  '__proto__ endowment replaces the global prototype': () => {
    const c = new Compartment(opts({ globals: JSON.parse('{"__proto__": {"inherited": 1}, "own": 2}') }));
    return [c.evaluate('inherited + own'), Object.getPrototypeOf(c.globalThis) === Object.prototype, keysOf(c.globalThis).includes('__proto__')];
  },
  'Object.prototype gains a setter after construction': () => {
    const c = new Compartment(opts({ globals: { lateName: 1, other: 2 } }));
    let calls = 0;
    const added = errorOf(() =>
      Object.defineProperty(Object.prototype, 'lateName', {
        get: () => 'inherited',
        set: () => {
          calls += 1;
        },
        configurable: true,
      }),
    );
    try {
      return [added.error ? 'refused' : 'added', c.evaluate('lateName + other'), calls, attrs(c.globalThis, 'lateName')];
    } finally {
      if (!added.error) delete Object.prototype.lateName;
    }
  },
  'Object.prototype gains a read-only property after construction': () => {
    const c = new Compartment(opts({ globals: { lateFixed: 1 } }));
    const added = errorOf(() =>
      Object.defineProperty(Object.prototype, 'lateFixed', { value: 'inherited', writable: false, configurable: true }),
    );
    try {
      return [added.error ? 'refused' : 'added', c.evaluate('lateFixed'), attrs(c.globalThis, 'lateFixed')];
    } finally {
      if (!added.error) delete Object.prototype.lateFixed;
    }
  },
  // Own keys in definition order, as Reflect.ownKeys reports them (not sorted).
  'global object keys in order': () => keysOf(new Compartment(opts({ globals: { z: 1, a: 2 } })).globalThis),
  'legacy globals arg': () => new Compartment({ a: 5 }).evaluate('a'),
  'null legacy globals': () => new Compartment(null).evaluate('1'),
  'null options arg': () => errorOf(() => new Compartment({}, {}, null)),
  'undefined args': () => new Compartment(undefined, undefined, undefined).name,
  'globals option undefined': () => new Compartment(opts({ globals: undefined })).name,

  'subclass': () => {
    class Sub extends Compartment {
      hello() {
        return this.evaluate('1 + 1');
      }
    }
    const c = new Sub({ __options__: true, name: 'sub' });
    return [c.hello(), c.name, c instanceof Compartment, Object.getPrototypeOf(Sub.prototype) === Compartment.prototype];
  },
  'Reflect.construct with another newTarget': () => {
    function Other() {}
    const c = Reflect.construct(Compartment, [{ __options__: true, name: 'r' }], Other);
    return [Object.getPrototypeOf(c) === Other.prototype, errorOf(() => c.name)];
  },
  'usable after guest stack overflow': () => {
    const c = new Compartment();
    const e = errorOf(() => c.evaluate('const f = () => f(); f()'));
    return [e, c.evaluate('1 + 2')];
  },
  'Function default param': () => new Compartment(opts({ globals: { k: 5 } })).globalThis.Function('a = k', 'return a')(),
  'function names': () => new Compartment().evaluate('const named = () => 1; [named.name, (function () {}).name, class Foo {}.name]'),
  'completion of declarations': () => new Compartment().evaluate('let x = 1; var y = 2; function z() {}'),
  'labels and blocks': () => new Compartment().evaluate('out: { 5; break out; }'),
  'getter on global seen live': () => {
    const c = new Compartment();
    let n = 0;
    Object.defineProperty(c.globalThis, 'tick', { get: () => (n += 1), configurable: true });
    return [c.evaluate('tick'), c.evaluate('tick'), c.evaluate('typeof tick')];
  },

  // --- prototype -----------------------------------------------------------------------
  'prototype keys': () => keysOf(Compartment.prototype),
  'prototype attrs': () => keysOf(Compartment.prototype).map(k => attrs(Compartment.prototype, k === 'Symbol(Symbol.toStringTag)' ? Symbol.toStringTag : k)),
  'toString': () => [String(new Compartment()), Object.prototype.toString.call(new Compartment())],
  'inert constructor': () => errorOf(() => new Compartment.prototype.constructor()),
  'inert constructor call': () => errorOf(() => Compartment.prototype.constructor()),
  'inert constructor shape': () => [Compartment.prototype.constructor.name, Compartment.prototype.constructor.length, Compartment.prototype.constructor.prototype === Compartment.prototype],
  'instance prototype': () => Object.getPrototypeOf(new Compartment()) === Compartment.prototype,
  'instance own keys': () => keysOf(new Compartment()),
  'shared prototype with children': () => {
    const c = new Compartment();
    return [
      c.globalThis.Compartment.prototype === Compartment.prototype,
      c.globalThis.Compartment !== Compartment,
      c.evaluate('new Compartment()') instanceof Compartment,
    ];
  },
  'child must use new': () => errorOf(() => new Compartment().evaluate('Compartment()')),
  'foreign receiver evaluate': () => errorOf(() => Compartment.prototype.evaluate.call({}, '1')),
  'foreign receiver globalThis': () =>
    errorOf(() => Object.getOwnPropertyDescriptor(Compartment.prototype, 'globalThis').get.call({})),
  'foreign receiver name': () =>
    errorOf(() => Object.getOwnPropertyDescriptor(Compartment.prototype, 'name').get.call({})),
  '__noNamespaceBox__': () => [new Compartment().__noNamespaceBox__, new Compartment(opts({ __noNamespaceBox__: true })).__noNamespaceBox__],
  'module() non-string': () => errorOf(() => new Compartment().module(1)),
  'importNow() non-string': () => errorOf(() => new Compartment().importNow(1)),
  'import() non-string': async () => {
    try {
      await new Compartment().import(1);
      return 'resolved';
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  },
  'load() non-string': async () => {
    try {
      await new Compartment().load(1);
      return 'resolved';
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  },

  // --- evaluate ------------------------------------------------------------------------
  'evaluate non-string': () => errorOf(() => new Compartment().evaluate(1)),
  'evaluate no args': () => errorOf(() => new Compartment().evaluate()),
  'completion value': () => new Compartment().evaluate('1; 2; if (true) { 3 }'),
  'this is the global': () => {
    const c = new Compartment();
    return c.evaluate('this') === c.globalThis && c.evaluate('globalThis') === c.globalThis;
  },
  'strict mode': () => new Compartment().evaluate('(function () { return this; })()'),
  'unknown free variable': () => new Compartment().evaluate('[typeof nope, nope]'),
  'assign undeclared': () => errorOf(() => new Compartment().evaluate('nope = 1')),
  'declarations per call': () => {
    const c = new Compartment();
    c.evaluate('var v = 1; let l = 2; const k = 3; function f() {} class K {}');
    return [c.evaluate('typeof v'), c.evaluate('typeof l'), c.evaluate('typeof f'), c.evaluate('typeof K'), 'v' in c.globalThis];
  },
  'globalThis persists': () => {
    const c = new Compartment();
    c.evaluate('globalThis.p = 4');
    return c.evaluate('p');
  },
  'NaN is const': () => errorOf(() => new Compartment().evaluate('NaN = 1')),
  'undefined is const': () => errorOf(() => new Compartment().evaluate('undefined = 1')),
  'later global mutation visible': () => {
    const c = new Compartment();
    c.evaluate('1');
    c.globalThis.late = 9;
    return c.evaluate('late');
  },
  'frozen-late endowment not const': () => {
    const c = new Compartment(opts({ globals: { z: 1 } }));
    c.evaluate('1');
    Object.defineProperty(c.globalThis, 'z', { writable: false, configurable: false });
    return errorOf(() => c.evaluate('z = 2'));
  },
  'const endowment before first evaluate': () => {
    const c = new Compartment();
    Object.defineProperty(c.globalThis, 'k', { value: 1, writable: false, configurable: false });
    return errorOf(() => c.evaluate('k = 2'));
  },
  'local shadows global': () => new Compartment().evaluate('let Array = 1; Array'),
  'delete global': () => {
    const c = new Compartment();
    return [c.evaluate('delete globalThis.Array'), c.evaluate('typeof Array')];
  },
  'top-level return': () => errorOf(() => new Compartment().evaluate('return 1')),
  'top-level await': () => errorOf(() => new Compartment().evaluate('await 1')),
  'with statement': () => errorOf(() => new Compartment().evaluate('with ({}) {}')),
  'arguments visible': () => new Compartment().evaluate('typeof arguments'),
  'syntax error': () => errorOf(() => new Compartment().evaluate('1 +')),
  'thrown value passes': () => errorOf(() => new Compartment().evaluate('throw new RangeError("r")')),
  'object prototype names shadow globals': () => {
    const c = new Compartment();
    c.globalThis.toString = 5;
    return [c.evaluate('toString === Object.prototype.toString'), c.evaluate('typeof constructor'), c.evaluate('__proto__ === Object.prototype')];
  },
  'sloppyGlobalsMode': () => {
    const c = new Compartment();
    return [c.evaluate('s1 = 3; s1', { sloppyGlobalsMode: true }), c.globalThis.s1, attrs(c.globalThis, 's1')];
  },
  'sloppyGlobalsMode still strict': () =>
    errorOf(() => new Compartment().evaluate('(function(){ return this })()', { sloppyGlobalsMode: true })),
  'module shim lexicals': () => {
    const c = new Compartment();
    const lex = Object.defineProperties({}, {
      cst: { value: 1, writable: false, configurable: false, enumerable: true },
      mut: { value: 2, writable: true, configurable: true, enumerable: true },
    });
    return [
      c.evaluate('cst + mut', { __moduleShimLexicals__: lex }),
      errorOf(() => c.evaluate('cst = 3', { __moduleShimLexicals__: lex })),
      c.evaluate('mut = 5; mut', { __moduleShimLexicals__: lex }),
      lex.mut,
      c.evaluate('typeof cst'),
    ];
  },
  'module lexicals skip compartment transforms': () => {
    const c = new Compartment(opts({ transforms: [s => s.replace('A', 'B')] }));
    return [c.evaluate('"A"'), c.evaluate('"A"', { __moduleShimLexicals__: {} })];
  },
  'transform order': () => {
    const log = [];
    const c = new Compartment(opts({
      transforms: [s => (log.push('c1'), s)],
      __shimTransforms__: [s => (log.push('shim'), s)],
    }));
    c.evaluate('1', { transforms: [s => (log.push('l1'), s), s => (log.push('l2'), s)] });
    return log;
  },
  'transform output checked': () =>
    errorOf(() => new Compartment(opts({ transforms: [s => `${s}<!--`] })).evaluate('1')),
  'local transform output checked for eval': () =>
    errorOf(() => new Compartment().evaluate('1', { transforms: [() => 'eval("2")'] })),
  'compartment transform may introduce eval': () =>
    errorOf(() => new Compartment(opts({ transforms: [() => 'eval("2")'] })).evaluate('1')),
  'direct eval rejected': () => errorOf(() => new Compartment().evaluate('\n\neval("1")\n//# sourceURL=foo.js')),
  'eval rejection precedes html': () => errorOf(() => new Compartment().evaluate('<!-- eval("1")')),
  'direct eval allowed when asked': () =>
    new Compartment(opts({ globals: { a: 3 } })).evaluate('let b = 4; eval("a + b")', { __rejectSomeDirectEvalExpressions__: false }),
  'direct eval sees compartment scope only': () => {
    globalThis.hostOnlyProbe = 1;
    return new Compartment().evaluate('eval("typeof hostOnlyProbe")', { __rejectSomeDirectEvalExpressions__: false });
  },
  'indirect eval (eval)(src)': () => new Compartment(opts({ globals: { a: 7 } })).evaluate('(eval)("a")'),
  'eval precedence with compartment transforms': () =>
    errorOf(() => new Compartment(opts({ transforms: [s => s] })).evaluate('<!-- eval("1")')),
  'eval before import': () => errorOf(() => new Compartment().evaluate('import("x"); eval("1")')),
  'html before import': () => errorOf(() => new Compartment().evaluate('import("x"); <!--')),
  'evade html then reject eval': () =>
    errorOf(() => new Compartment().evaluate('<!-- eval("1")', { __evadeHtmlCommentTest__: true })),
  'compartment transform removes eval too late': () =>
    errorOf(() => new Compartment(opts({ transforms: [s => s.replace('eval', 'String')] })).evaluate('eval("1")')),
  'local transform removes eval in time': () =>
    new Compartment().evaluate('eval("1")', { transforms: [s => s.replace('eval', 'String')] }),
  'rejection line and url': () =>
    errorOf(() => new Compartment().evaluate('1;\n2;\n\n<!--\n//# sourceURL=x/y.js\n')),
  'shim transforms with rejection off': () =>
    new Compartment(opts({ __shimTransforms__: [s => s.replace('A', 'B')] })).evaluate('"A"', { __rejectSomeDirectEvalExpressions__: false }),
  'eval text inside string rejected': () => errorOf(() => new Compartment().evaluate('"eval(1)"')),
  'myeval allowed': () => new Compartment(opts({ globals: { myeval: x => x } })).evaluate('myeval(3)'),
  'html comment rejected': () => errorOf(() => new Compartment().evaluate('x-->0')),
  'import rejected': () => errorOf(() => new Compartment().evaluate('import("x")')),
  'import in string rejected': () => errorOf(() => new Compartment().evaluate('"import(\'x\')"')),
  'x.import allowed': () => new Compartment(opts({ globals: { x: { import: v => v + 1 } } })).evaluate('x.import(1)'),
  'evade html': () => new Compartment().evaluate('let x=3; x-->0', { __evadeHtmlCommentTest__: true }),
  'evade import': () =>
    new Compartment(opts({ globals: { __import__: s => `E:${s}` } })).evaluate("import('x')", { __evadeImportExpressionTest__: true }),
  'evaluate options transforms must be iterable': () => errorOf(() => new Compartment().evaluate('1', { transforms: 1 })),
  'transform returning non-string': () => new Compartment(opts({ transforms: [() => 42] })).evaluate('1'),
  'compartment transforms flattened': () =>
    new Compartment(opts({ transforms: [[s => s.replace('1', '2')]] })).evaluate('1'),

  // --- eval and Function -----------------------------------------------------------------
  'eval non-string': () => {
    const c = new Compartment();
    const o = {};
    return c.globalThis.eval(o) === o && c.globalThis.eval(5) === 5;
  },
  'new eval': () => errorOf(() => new Compartment().evaluate('new eval("1")')),
  'eval not rejecting direct eval': () => new Compartment().globalThis.eval('eval("1+1")'),
  'eval checks html': () => errorOf(() => new Compartment().globalThis.eval('<!--')),
  'eval applies compartment transforms': () =>
    new Compartment(opts({ transforms: [s => s.replace('1', '2')] })).globalThis.eval('1'),
  'eval is strict': () => new Compartment().globalThis.eval('(function () { return this; })()'),
  'eval declarations local': () => {
    const c = new Compartment();
    c.globalThis.eval('var ev = 1');
    return c.evaluate('typeof ev');
  },
  'Function basics': () => {
    const c = new Compartment();
    const F = c.globalThis.Function;
    const f = F('a', 'b', 'return a + b');
    return [f(1, 2), f.toString(), F.length, F.name, F.prototype === Function.prototype, f instanceof Function, f.name];
  },
  'Function this': () => new Compartment().evaluate('Function("return this")()'),
  'Function sees globals': () => new Compartment(opts({ globals: { g: 2 } })).evaluate('Function("return g")()'),
  'Function param injection': () => errorOf(() => new Compartment().globalThis.Function('a){}; (function(', 'return 1')),
  'Function body injection': () => errorOf(() => new Compartment().globalThis.Function('}); (function() {')),
  'Function no args': () => new Compartment().globalThis.Function().toString(),
  'Function as constructor': () => new Compartment().evaluate('new Function("return 3")()'),
  'Function prototype attrs': () => attrs(new Compartment().globalThis.Function, 'prototype'),
  'evaluators print native': () => {
    const c = new Compartment();
    return [String(c.globalThis.eval), String(c.globalThis.Function)];
  },
  'evaluators frozen': () => {
    const c = new Compartment();
    return [Object.isFrozen(c.globalThis.eval), Object.isFrozen(c.globalThis.Function), Object.isFrozen(c.globalThis.Compartment), Object.isFrozen(Compartment)];
  },
  'eval shape': () => {
    const e = new Compartment().globalThis.eval;
    return [e.name, e.length, 'prototype' in e];
  },

  // --- the global object -----------------------------------------------------------------
  'global keys (sorted)': () => keysOf(new Compartment().globalThis).sort(),
  'global attrs': () => {
    const g = new Compartment().globalThis;
    return Reflect.ownKeys(g).map(k => `${String(k)}=${attrs(g, k)}`).sort();
  },
  'global prototype and extensible': () => {
    const g = new Compartment().globalThis;
    return [Object.getPrototypeOf(g) === Object.prototype, Object.isExtensible(g), Object.isFrozen(g)];
  },
  'unscopables setter': () => {
    const c = new Compartment();
    const d = Object.getOwnPropertyDescriptor(c.globalThis, Symbol.unscopables);
    return [d.get, typeof d.set, errorOf(() => c.evaluate('globalThis[Symbol.unscopables] = {}')), c.globalThis[Symbol.unscopables]];
  },
  'unscopables setter shape': () => {
    const a = Object.getOwnPropertyDescriptor(new Compartment().globalThis, Symbol.unscopables).set;
    const b = Object.getOwnPropertyDescriptor(new Compartment().globalThis, Symbol.unscopables).set;
    return [a.name, a.length, a === b, Object.isFrozen(a), 'prototype' in a, String(a).includes('native code')];
  },
  'separate globals': () => {
    const a = new Compartment();
    const b = new Compartment();
    return [a.globalThis !== b.globalThis, a.globalThis.Array === b.globalThis.Array, a.globalThis.eval !== b.globalThis.eval];
  },
  'child compartment': () => {
    const c = new Compartment(opts({ globals: { secret: 1 } }));
    return c.evaluate('const d = new Compartment(); [typeof d.globalThis.secret, d.globalThis !== globalThis, d.evaluate("typeof secret")]');
  },
  'child legacy compartment name': () => new Compartment().evaluate('new Compartment({}, {}, {name: "kid"}).name'),
  'no console': () => new Compartment().evaluate('[typeof console, typeof process, typeof setTimeout, typeof assert, typeof Float64Array, typeof SharedArrayBuffer, typeof WeakRef, typeof FinalizationRegistry, typeof Intl, typeof Atomics]'),
};

// ses/tools.js
Object.assign(common, {
  'tools: keys': () => [Object.keys(probeTools).sort(), Object.keys(probeTools.scopeTerminators).sort(), Object.isFrozen(probeTools.scopeTerminators)],
  'tools: strict terminator': () => {
    const t = probeTools.scopeTerminators.strictScopeTerminator;
    return ['x' in t, t.x, Object.getPrototypeOf(t), Reflect.ownKeys(t), errorOf(() => { t.x = 1; }), errorOf(() => delete t.x), errorOf(() => Object.defineProperty(t, 'y', { value: 1 }))];
  },
  'tools: sloppy terminator': () => {
    const g = {};
    const t = probeTools.scopeTerminators.createSloppyGlobalsScopeTerminator(g);
    t.x = 1;
    return [g.x, 'q' in t, t.q, errorOf(() => delete t.x), Object.isFrozen(probeTools.scopeTerminators.createSloppyGlobalsScopeTerminator)];
  },
  'tools: terminator in a with': () => {
    const t = probeTools.scopeTerminators.strictScopeTerminator;
    // eslint-disable-next-line no-new-func
    return Function('t', 'with (t) { return [typeof anything, anything]; }')(t);
  },
});

export const pre = {
  'pre: intrinsics are the host ones': () => {
    const g = new Compartment().globalThis;
    return [g.Date === Date, g.Math === Math, g.Error === Error, g.Symbol === Symbol, g.RegExp === RegExp, g.Array === Array, typeof g.harden, typeof g.lockdown];
  },
  'pre: Date.now works': () => new Compartment().evaluate('typeof Date.now()'),
  'pre: Compartment prints source': () => String(Compartment).startsWith('function Compartment('),
};

export const post = {
  'post: shared intrinsics': () => {
    const g = new Compartment().globalThis;
    return [g.Array === Array, g.Object === Object, g.JSON === JSON, g.Promise === Promise, g.harden === harden, g.lockdown === lockdown, g.Date === Date, g.Math === Math, g.Error === Error, g.RegExp === RegExp, g.Symbol === Symbol];
  },
  'post: shared variants are shared': () => {
    const a = new Compartment().globalThis;
    const b = new Compartment().globalThis;
    return ['Date', 'Math', 'Error', 'RegExp', 'Symbol'].map(n => a[n] === b[n]);
  },
  'post: Date.now': () => errorOf(() => new Compartment().evaluate('Date.now()')),
  'post: new Date()': () => errorOf(() => new Compartment().evaluate('new Date()')),
  'post: Date()': () => errorOf(() => new Compartment().evaluate('Date()')),
  'post: new Date(0)': () => new Compartment().evaluate('[new Date(0).getTime(), Date.length, typeof Date.parse, typeof Date.UTC]'),
  'post: Math.random': () => errorOf(() => new Compartment().evaluate('Math.random()')),
  'post: RegExp statics': () => new Compartment().evaluate('[typeof RegExp.$1, typeof RegExp.lastMatch, typeof RegExp.input]'),
  'post: new Symbol': () => errorOf(() => new Compartment().evaluate('new Symbol()')),
  'post: frozen intrinsics': () => errorOf(() => new Compartment().evaluate('Array.prototype.x = 1')),
  'post: Function.prototype.constructor': () => errorOf(() => new Compartment().evaluate('(function(){}).constructor("return 1")')),
  'post: AsyncFunction constructor': () => errorOf(() => new Compartment().evaluate('(async function(){}).constructor("return 1")')),
  'post: GeneratorFunction constructor': () => errorOf(() => new Compartment().evaluate('(function*(){}).constructor("return 1")')),
  'post: prints native': () => [String(Compartment), String(new Compartment().globalThis.Compartment)],
  'post: global object not frozen': () => {
    const c = new Compartment();
    return [Object.isFrozen(c.globalThis), Object.isFrozen(c.globalThis.Array), Object.isFrozen(Compartment.prototype)];
  },
  'post: compartment before lockdown keeps Date.now': () =>
    globalThis.preLockdownCompartment.evaluate('typeof Date.now()'),
  'post: pre-lockdown compartment has no harden': () =>
    globalThis.preLockdownCompartment.evaluate('typeof harden'),
  'post: pre-lockdown intrinsics frozen': () =>
    globalThis.preLockdownCompartment.evaluate('Object.isFrozen(Array.prototype)'),
  'post: endowments not hardened': () => {
    const e = { x: {} };
    new Compartment(opts({ globals: { e } }));
    return Object.isFrozen(e);
  },
  'post: harden from compartment': () => new Compartment().evaluate('const o = harden({a: {}}); Object.isFrozen(o.a)'),
  'post: start eval safe': () => {
    globalThis.startProbe = 3;
    // eslint-disable-next-line no-eval
    return [(0, eval)('typeof startProbe'), (0, eval)('typeof nopeNope')];
  },
};
