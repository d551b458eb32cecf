// Modules after lockdown: text modules, live bindings, dynamic import and import.meta in
// hardened compartments, and what module code can and cannot reach.
import test from 'node:test';
import assert from 'node:assert/strict';
import '../index.js';

lockdown({ errorTaming: 'unsafe', consoleTaming: 'unsafe' });

const resolveHook = (s, r) => new URL(s, r).href;

test('a text module graph imports after lockdown', async () => {
  const texts = {
    'file:///app/main.js': 'import { double } from "./math.js"; export const answer = double(21); export const meta = import.meta.url;',
    'file:///app/math.js': 'export const double = n => n * 2;',
  };
  const c = new Compartment({
    __options__: true,
    resolveHook,
    importHook: async s => ({ source: texts[s] }),
    importMetaHook: (s, meta) => { meta.url = s; },
  });
  const { namespace } = await c.import('file:///app/main.js');
  assert.equal(namespace.answer, 42);
  assert.equal(namespace.meta, 'file:///app/main.js');
  assert.ok(Object.isFrozen(namespace));
});

test('module code runs in the compartment: its globals, strict mode, undefined this', () => {
  const c = new Compartment({
    __options__: true,
    globals: { endowment: 'granted' },
    modules: {
      m: {
        source: `
          export const seen = typeof endowment === 'string' ? endowment : 'missing';
          export const self = this;
          export const strict = (function () { return this === undefined; })();
          export const sameIntrinsics = Array === globalThis.Array;
          export const dateNow = (() => { try { return Date.now(); } catch (e) { return e.constructor.name; } })();
        `,
      },
    },
  });
  const ns = c.importNow('m');
  assert.equal(ns.seen, 'granted');
  assert.equal(ns.self, undefined);
  assert.equal(ns.strict, true);
  assert.equal(ns.sameIntrinsics, true);
  assert.equal(ns.dateNow, 'TypeError');
});

test('dynamic import inside a module returns the namespace proxy', async () => {
  const c = new Compartment({
    __options__: true,
    resolveHook,
    modules: {
      'file:///a.js': { source: 'export const load = () => import("./b.js");' },
      'file:///b.js': { source: 'export let n = 1; export const bump = () => { n += 1; };' },
    },
  });
  const a = c.importNow('file:///a.js');
  const b = await a.load();
  assert.equal(b, c.module('file:///b.js'));
  b.bump();
  assert.equal(b.n, 2);
});

test('exports are not hardened by the loader, but the namespace is read-only', () => {
  const c = new Compartment({ __options__: true, modules: { m: { source: 'export const box = { v: 1 };' } } });
  const ns = c.importNow('m');
  assert.equal(Object.isFrozen(ns.box), false);
  assert.throws(() => { ns.box = 2; }, { message: 'Cannot set property "box" of module exports namespace' });
});

test('module text is checked like evaluated code: direct eval, HTML comments and import()', () => {
  const reject = (text, pattern) => {
    const c = new Compartment({ __options__: true, noAggregateLoadErrors: true, modules: { m: { source: text } } });
    assert.throws(() => c.importNow('m'), pattern);
  };
  reject('export const f = () => eval("1");', /SES_EVAL_REJECTED/);
  reject('export const s = "<!-- x";', /SES_HTML_COMMENT_REJECTED/);
});

test('a module error is rethrown, identical, on every later import', async () => {
  const c = new Compartment({ __options__: true, modules: { m: { source: 'throw TypeError("once");' } } });
  let first;
  try {
    c.importNow('m');
  } catch (e) {
    first = e;
  }
  assert.equal(first.message, 'once');
  assert.throws(() => c.importNow('m'), e => e === first);
  await assert.rejects(c.import('m'), e => e === first);
});

test('child compartments made inside a compartment can share module instances', () => {
  const parent = new Compartment({
    __options__: true,
    modules: { shared: { source: 'export const token = {};' } },
  });
  const child = new parent.globalThis.Compartment({ __options__: true, modules: { alias: { namespace: 'shared' } } });
  assert.equal(child.importNow('alias').token, parent.importNow('shared').token);
});
