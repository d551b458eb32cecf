// The loader evaluates an eager form of the programs our ModuleSource makes (see
// lib/modules/module-source.js). It must lay out every line exactly as
// __syncModuleProgram__ does, and module code must behave, and report positions, the
// same whichever form runs. A copy of a record (not made by our constructor) takes the
// arrow form, so the two can be compared side by side. After lockdown, in process.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import 'ses';
import { ModuleSource } from 'ses/module-source';

const require = createRequire(import.meta.url);
const { eagerFormOf } = require('../lib/modules/module-source.js');
const eagerProgramOf = record => eagerFormOf(record, record.__syncModuleProgram__)?.program;

// Unsafe error taming, so that module errors carry their stacks.
lockdown({ errorTaming: 'unsafe' });

const samples = [
  'export default 1;',
  'export const x = 1; export function f() { return x; }',
  'import { a } from "a";\nexport let b = a;\nb += 1;\n\nexport * from "c";',
  '/* first line has code */ const y = 2; export { y };\nthrow Error("line 2");',
  'export default class {}\n//# sourceURL=inner.js',
  'import d, { a as b, c } from "x";\nimport * as ns from "y";\nexport { c, ns as n };\nexport * as z from "z";',
  // A line separator inside a specifier: the head that spells it spans two lines.
  'import x from "./a\u2028b";\nexport * from "c\u2029d";\nthrow Error("line 4");',
];

test('the eager program keeps every line of __syncModuleProgram__ at its length', () => {
  for (const text of samples) {
    for (const url of [undefined, 'file:///eager/sample.js']) {
      const ms = new ModuleSource(text, url);
      const eager = eagerProgramOf(ms);
      assert.equal(typeof eager, 'string');
      const arrowLines = ms.__syncModuleProgram__.split(/\r\n?|[\n\u2028\u2029]/);
      const eagerLines = eager.split(/\r\n?|[\n\u2028\u2029]/);
      assert.equal(eagerLines.length, arrowLines.length, text);
      for (let i = 0; i < arrowLines.length; i += 1) {
        if (arrowLines[i] === '})()') {
          // One function (the module does not spell `arguments`), or two.
          assert.ok(['})', '})()})'].includes(eagerLines[i]), eagerLines[i]);
        } else if (i === 0) {
          assert.equal(eagerLines[0].length, arrowLines[0].length);
          assert.ok(eagerLines[0].startsWith('(function('));
        } else {
          assert.equal(eagerLines[i], arrowLines[i]);
        }
      }
    }
  }
});

test('only records made by our constructor have an eager form', () => {
  const ms = new ModuleSource('export default 1;');
  assert.equal(eagerProgramOf({ ...ms }), undefined);
  assert.equal(eagerProgramOf(Object.create(ms)), undefined);
  assert.equal(eagerProgramOf({ __syncModuleProgram__: ms.__syncModuleProgram__ }), undefined);
});

// Loads `text` as module 'm' of a fresh compartment, either through the record itself
// (eager form) or through a plain copy of it (arrow form).
const load = (text, form, url = 'file:///eager/m.js') => {
  const ms = new ModuleSource(text, url);
  const source = form === 'eager' ? ms : { ...ms };
  const c = new Compartment({
    __options__: true,
    resolveHook: s => s,
    modules: {
      m: { source },
      dep: { source: new ModuleSource('export let n = 1; export const inc = () => { n += 1; };') },
      ...Object.fromEntries(['<!--', 'import(', 'eval('].map(s => [s, { source: new ModuleSource('export default 0;') }])),
    },
  });
  return c;
};

test('module code behaves the same in both forms', () => {
  const text = [
    'import { n, inc } from "dep";',
    'export let seen = [typeof this, typeof arguments, n];',
    'inc();',
    'seen.push(n);',
    'export function strict() { return this; }',
    'export default (() => { try { undeclared = 1; return "sloppy"; } catch (e) { return e.name; } })();',
  ].join('\n');
  const results = ['eager', 'arrow'].map(form => {
    const ns = load(text, form).importNow('m');
    const { strict } = ns;
    return { seen: ns.seen, strict: strict(), def: ns.default, keys: Object.keys(ns) };
  });
  assert.deepEqual(results[0], results[1]);
  assert.deepEqual(results[0].seen, ['undefined', 'object', 1, 2]);
});

test('a module that does not spell `arguments` behaves the same in both forms', () => {
  // (Its eager form is a single function: see the test above for one that does.)
  const text = [
    'import { n } from "dep";',
    'export const seen = [typeof this, (() => typeof this)(), n];',
    'export function f() { return [typeof this, f.length]; }',
    'var v = 1; let l = 2; export { v, l };',
  ].join('\n');
  const results = ['eager', 'arrow'].map(form => {
    const ns = load(text, form).importNow('m');
    return { seen: ns.seen, f: ns.f(), keys: Object.keys(ns), v: ns.v, l: ns.l };
  });
  assert.deepEqual(results[0], results[1]);
  assert.deepEqual(results[0].seen, ['undefined', 'undefined', 1]);
});

test('errors thrown by module code report the same positions in both forms', () => {
  const text = 'const a = 1; export const early = a;\n\n  export const b = (() => { throw new RangeError("at line 3"); })();';
  const frames = ['eager', 'arrow'].map(form => {
    try {
      load(text, form).importNow('m');
      return 'no error';
    } catch (e) {
      assert.equal(e.name, 'RangeError');
      return e.stack.split('\n').filter(l => l.includes('file:///eager/m.js'));
    }
  });
  assert.ok(frames[0].length > 0, String(frames[0]));
  // The same frames at the same positions, except that the eager form of a module that
  // does not spell `arguments` is one function: it has no frame for the call of an inner
  // function, which the arrow form reports on its closing line (4, past the module's
  // text).
  assert.deepEqual(frames[0], frames[1].filter(frame => !frame.includes('m.js:4:')));
  assert.equal(frames[1].length, frames[0].length + 1);
  assert.match(frames[0][0], /file:\/\/\/eager\/m\.js:3:\d+/);
});

test('shim transforms see __syncModuleProgram__ itself, never the eager form', () => {
  const ms = new ModuleSource('export const x = 40 + 2;', 'file:///eager/shimmed.js');
  const seen = [];
  const c = new Compartment({
    __options__: true,
    resolveHook: s => s,
    modules: { m: { source: ms } },
    __shimTransforms__: [
      text => {
        seen.push(text);
        return text;
      },
    ],
  });
  assert.equal(c.importNow('m').x, 42);
  assert.deepEqual(seen, [ms.__syncModuleProgram__]);
});

test('the eager head passes imports through one slot updater and a table', () => {
  const ms = new ModuleSource('import d, { a as b } from "x";\nimport * as ns from "y";\nexport { b };');
  const { program, imports } = eagerFormOf(ms, ms.__syncModuleProgram__);
  const head = program.split('\n')[0];
  // No arrow left to compile on its first call: one parenthesized updater, in the one
  // function whose body is the module's code.
  assert.equal((head.match(/=>/g) || []).length, 0, head);
  assert.equal((head.match(/\(function\(/g) || []).length, 2, head);
  // `ns` is never read: its slot is -1, and the loader does not hand it the namespace.
  // (Flat: specifier, name count, then per name: name, updater count, updaters.)
  assert.deepEqual(imports, ['x', 2, 'default', 1, 0, 'a', 2, 1, 'b', 'y', 1, '*', 1, -1]);
  const read = new ModuleSource('import * as ns from "y";\nexport const f = () => ns;');
  assert.deepEqual(eagerFormOf(read, read.__syncModuleProgram__).imports, ['y', 1, '*', 1, 0]);
});

test('the rejection checks run on module programs whichever form runs', () => {
  const cases = [
    ['export const s = "<!-- x";', /SES_HTML_COMMENT_REJECTED/],
    ['export const s = "import(x)";', /SES_IMPORT_REJECTED/],
    ['export const s = "eval(x)";', /SES_EVAL_REJECTED/],
    // Specifiers appear in __syncModuleProgram__'s head only (not in the eager head).
    ['import x from "<!--";', /SES_HTML_COMMENT_REJECTED/],
    ['import x from "import(";', /SES_IMPORT_REJECTED/],
    ['export * from "eval(";', /SES_EVAL_REJECTED/],
  ];
  for (const [text, code] of cases) {
    const messages = ['eager', 'arrow'].map(form => {
      try {
        const c = load(text, form, 'file:///eager/rejected.js');
        return `no error: ${Object.keys(c.importNow('m'))}`;
      } catch (e) {
        return `${e.name}: ${e.message}`;
      }
    });
    assert.match(messages[0], code);
    assert.equal(messages[0], messages[1]);
  }
});

test('a lone surrogate in module text survives into the program and the value', () => {
  // A raw lone surrogate (not an escape) inside a string literal of the module text.
  const ms = new ModuleSource('export const s = "\\uD800" + "\uDC00x";');
  assert.ok(ms.__syncModuleProgram__.includes('"\uDC00x"'));
  assert.ok(eagerFormOf(ms, ms.__syncModuleProgram__).program.includes('"\uDC00x"'));
  const c = new Compartment({ __options__: true, resolveHook: s => s, modules: { m: { source: ms } } });
  assert.equal(c.importNow('m').s, '\uD800\uDC00x');
});

test('line separators in specifiers keep stack positions equal in both forms', () => {
  const text = 'import x from "./a\u2028b";\n\nexport const y = (() => { throw new RangeError("here"); })();';
  const frames = ['eager', 'arrow'].map(form => {
    const ms = new ModuleSource(text, 'file:///eager/sep.js');
    const c = new Compartment({
      __options__: true,
      resolveHook: s => s,
      modules: { m: { source: form === 'eager' ? ms : { ...ms } }, './a\u2028b': { source: new ModuleSource('export default 1;') } },
    });
    try {
      c.importNow('m');
      return 'no error';
    } catch (e) {
      return e.stack.split('\n').filter(l => l.includes('file:///eager/sep.js'));
    }
  });
  assert.ok(frames[0].length > 0, String(frames[0]));
  assert.deepEqual(frames[0], frames[1]);
});

// The native side checked the text the constructor made; a subclass (or a foreign
// `new.target`) whose prototype intercepts __syncModuleProgram__ must not get another
// text evaluated without the checks.
test('an intercepted __syncModuleProgram__ is checked like any other record', () => {
  const honest = `/*${'x'.repeat(120)}*/`;
  const real = new ModuleSource(honest).__syncModuleProgram__;
  const at = real.indexOf('/*');
  const end = real.indexOf('*/') + 2;
  const evil = real.slice(0, at) + 'globalThis.reached = imp' + 'ort("node:fs");'.padEnd(end - at - 24) + real.slice(end);
  class Intercepting extends ModuleSource {
    // eslint-disable-next-line class-methods-use-this
    get __syncModuleProgram__() {
      return evil;
    }

    // eslint-disable-next-line class-methods-use-this
    set __syncModuleProgram__(_) {}
  }
  function Foreign() {}
  Foreign.prototype = Object.create(ModuleSource.prototype, {
    __syncModuleProgram__: { get: () => evil, set: _ => {} },
  });
  const records = [new Intercepting(honest), Reflect.construct(ModuleSource, [honest], Foreign)];
  for (const record of records) {
    assert.equal(record.__syncModuleProgram__, evil);
    const c = new Compartment({ __options__: true, resolveHook: s => s, importNowHook: () => ({ source: record }) });
    assert.throws(() => c.importNow('m'), /SES_IMPORT_REJECTED/);
    assert.equal(c.globalThis.reached, undefined);
  }
});
