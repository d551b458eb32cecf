// The ModuleSource object itself: construction, shape and freezing, errors, hooks,
// source URLs, text fidelity (lone surrogates, line terminators), deep nesting.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ModuleSource } from 'ses/module-source';
import { ModuleSource as Reference } from '@endo/module-source';

const H = '$h\u034f_';
const C = '$c\u034f_';

test('must be called with new', () => {
  assert.throws(() => ModuleSource('x'), {
    name: 'TypeError',
    message: "Class constructor ModuleSource cannot be invoked without 'new'",
  });
});

test('instance shape, order and freezing match upstream', () => {
  const ours = new ModuleSource('export let x; x = 1; export * as n from "./a.js";');
  const theirs = new Reference('export let x; x = 1; export * as n from "./a.js";');
  assert.deepEqual(Object.getOwnPropertyNames(ours), Object.getOwnPropertyNames(theirs));
  assert.ok(Object.isFrozen(ours));
  for (const key of Object.keys(ours)) {
    const value = ours[key];
    if (typeof value === 'object') {
      assert.ok(Object.isFrozen(value), key);
      assert.equal(
        Object.getPrototypeOf(value),
        Object.getPrototypeOf(theirs[key]) === null ? null : Array.prototype,
        key,
      );
    }
    assert.equal(Object.getOwnPropertyDescriptor(ours, key).writable, false);
  }
  assert.ok(Object.isFrozen(ours.__liveExportMap__.x));
  assert.ok(Object.isFrozen(ours.__reexportMap__['./a.js'][0]));
  assert.equal(JSON.stringify(ours.__liveExportMap__), '{"x":["x",true]}');
  assert.equal(JSON.stringify(ours.__reexportMap__), '{"./a.js":[["*","n"]]}');
});

test('prototype chain: ModuleSource -> AbstractModuleSource, all frozen', () => {
  const Abstract = Object.getPrototypeOf(ModuleSource);
  assert.equal(Abstract.name, 'AbstractModuleSource');
  assert.equal(Object.getPrototypeOf(ModuleSource.prototype), Abstract.prototype);
  for (const o of [ModuleSource, ModuleSource.prototype, Abstract, Abstract.prototype]) {
    assert.ok(Object.isFrozen(o));
  }
  assert.equal(ModuleSource.length, Reference.length);
  assert.ok(new ModuleSource('') instanceof ModuleSource);
});

test('syntax errors are SyntaxErrors naming the url, line and column', () => {
  const err = (() => {
    try {
      new ModuleSource('let x = 1;\nlet y = ;', 'file:///m.js');
    } catch (e) {
      return e;
    }
    return undefined;
  })();
  assert.ok(err instanceof SyntaxError);
  assert.match(err.message, /^Error transforming source in "file:\/\/\/m\.js": .*\(2:8\)$/);
  assert.ok(err.cause instanceof SyntaxError);
  assert.throws(() => new ModuleSource('let y = ;'), {
    name: 'SyntaxError',
    message: /^Error transforming source in <unknown>: .*\(1:8\)$/,
  });
  // UTF-16 columns, as Babel counts them.
  assert.throws(() => new ModuleSource('let \u00e9 = "\u{1F600}"; x=; '), {
    message: /\(1:16\)$/,
  });
  for (const bad of [
    '{ void 0; export default null; }',
    '<div/>',
    '@dec class A {}',
    'export default from "x";',
    'x = 08;',
    'with (a) {}',
  ]) {
    assert.throws(() => new ModuleSource(bad), SyntaxError, bad);
    assert.throws(() => new Reference(bad), SyntaxError, bad);
  }
});

test('reserved hidden identifiers are rejected with upstream messages', () => {
  for (const name of ['imports', 'once', 'live', 'import', 'importSelf', 'a', '___meta']) {
    assert.throws(() => new ModuleSource(`const ${H}${name} = 1;`), {
      name: 'SyntaxError',
      message: `Error transforming source in <unknown>: The ${H}${name} identifier is reserved`,
    });
  }
  assert.throws(() => new ModuleSource(`const ${C}myVar = 123; ${C}myVar`), {
    name: 'SyntaxError',
    message: `Error transforming source in <unknown>: The ${C}myVar constant variable is reserved`,
  });
  // In every identifier position: property names, labels, private names, specifiers.
  for (const src of [
    `x.${H}once = 1;`,
    `({ ${H}live: 1 });`,
    `${H}a: for (;;) break ${H}a;`,
    `class K { #${H}import = 1; }`,
    `import { ${H}imports as y } from 'm';`,
    `const \\u0024h\\u034f_once = 1;`,
  ]) {
    assert.throws(() => new ModuleSource(src), { message: /is reserved$/ }, src);
  }
  // Only exact names (and the $c prefix) are reserved.
  assert.doesNotThrow(() => new ModuleSource(`const ${H}import2 = 123; export default ${H}import2`));
});

test('non-string sources throw the TypeError upstream throws', () => {
  for (const bad of [undefined, null, 1, {}]) {
    let ours;
    let theirs;
    try {
      new ModuleSource(bad);
    } catch (e) {
      ours = e;
    }
    try {
      new Reference(bad);
    } catch (e) {
      theirs = e;
    }
    assert.ok(ours instanceof TypeError);
    assert.equal(ours.message, theirs.message);
  }
});

test('sourceURL comment only for absolute URLs, sanitized', () => {
  const tail = s => new ModuleSource('1', s).__syncModuleProgram__.split('})()\n')[1];
  assert.equal(tail('file:///a/b.js'), '//# sourceURL=file:///a/b.js\n');
  assert.equal(tail({ sourceUrl: 'https://x.test/a b.js' }), '//# sourceURL=https://x.test/a%20b.js\n');
  assert.equal(tail('./relative.js'), '');
  assert.equal(tail(undefined), '');
  assert.equal(tail('file:///a\n.js'), '//# sourceURL=file:///a.js\n');
  // The same serialization as a URL object gives, whichever path computes it: dot
  // segments, escapes, drive letters, empty segments and odd characters included.
  const serialized = s => {
    try {
      return new URL(s).href;
    } catch {
      return undefined;
    }
  };
  const alphabet = ['a', '.', '/', '-', '_', '~', '%', '2', 'e', 'Z', ':', '|', '\\', ' ', '?', '#', '\u00e9'];
  const samples = ['file:///.', 'file:///..', 'file:///a/./b', 'file:///a/../b', 'file:///...', 'file:////x', 'file:///C:/x', 'file:///a/%2e%2e/b'];
  for (let i = 0; i < 400; i += 1) {
    let s = 'file:///';
    for (let j = 0; j < (i % 9); j += 1) s += alphabet[(i * 7 + j * 13 + (i >> 3)) % alphabet.length];
    samples.push(s);
  }
  for (const s of samples) {
    const href = serialized(s);
    assert.equal(tail(s), href === undefined ? '' : `//# sourceURL=${href}\n`, s);
  }
  for (const s of ['file:///a/b.js', './relative.js', 'https://x.test/a\u2028b']) {
    assert.equal(
      new ModuleSource('export default 1', s).__syncModuleProgram__,
      new Reference('export default 1', s).__syncModuleProgram__,
    );
  }
});

test('sourceMapHook is called synchronously with a V3 map', () => {
  const calls = [];
  const source = 'let a = 1;\nexport default a;\n';
  const ms = new ModuleSource(source, {
    sourceUrl: 'file:///must-appear.js',
    sourceMapUrl: 'must-not-appear.js',
    sourceMapHook(map, details) {
      calls.push([map, details]);
    },
  });
  assert.equal(calls.length, 1);
  const [map, details] = calls[0];
  assert.deepEqual(details, {
    sourceUrl: 'file:///must-appear.js',
    sourceMapUrl: 'must-not-appear.js',
    source,
  });
  assert.equal(map.version, 3);
  assert.deepEqual(map.sources, ['must-not-appear.js']);
  assert.deepEqual(map.sourcesContent, [source]);
  assert.equal(typeof map.mappings, 'string');
  assert.equal(map.mappings.split(';').length, 3);
  assert.ok(!ms.__syncModuleProgram__.includes('must-not-appear'));
  assert.ok(ms.__syncModuleProgram__.includes('must-appear'));
});

test('every original line keeps its number', () => {
  const source = [
    'import a from "a";',
    'import {',
    '  b,',
    '} from "b";',
    'export const x = a + b;',
    'export default function () {',
    '  return x;',
    '}',
    'export let y = 1; y++;',
    'const m = import.meta;',
    'export { m };',
    'throw new Error("line 12");',
  ].join('\n');
  const program = new ModuleSource(source).__syncModuleProgram__;
  const lines = program.split('\n');
  assert.match(lines[4], /const x = a \+ b;/);
  assert.match(lines[6], /^ {2}return x;$/);
  assert.match(lines[8], /let \$c\u034f_y = 1;.*y\+\+;/);
  assert.match(lines[9], /const m = \$h\u034f____meta;/);
  assert.match(lines[11], /^throw new Error\("line 12"\);$/);
  // Columns too, where nothing was inserted before them on the line.
  assert.equal(lines[4].indexOf('const'), 'export '.length);
});

test('lone surrogates, BOM, CRLF and U+2028/9 survive exactly', () => {
  const lone = '\uD800';
  const source = `\uFEFFconst s = "${lone}x${'\uDC00'}";\r\nexport let v = s;\u2028v = "\u{1F600}${lone}";\u2029export { s };\r\n`;
  const program = new ModuleSource(source).__syncModuleProgram__;
  assert.ok(program.includes(`\uFEFFconst s = "${lone}x\uDC00";${H}once.s(s);\r\n`));
  assert.ok(program.includes(`let ${C}v = s;`));
  assert.ok(program.includes(`v = "\u{1F600}${lone}";\u2029`));
  assert.equal(program.split(/\r\n|[\n\r\u2028\u2029]/).length, source.split(/\r\n|[\n\r\u2028\u2029]/).length + 1);
  const ms = new ModuleSource(source);
  assert.deepEqual(ms.exports, ['s', 'v']);
});

test('hashbang becomes a comment of the same length', () => {
  const program = new ModuleSource('#!/usr/bin/env node\nexport default 1;').__syncModuleProgram__;
  assert.ok(program.includes(`'use strict';${H}imports([]);///usr/bin/env node\n`));
});

test('import.meta and import() are rewritten', () => {
  const ms = new ModuleSource('export const u = import.meta.url; export const f = () => import("./x.js");');
  assert.equal(ms.__needsImportMeta__, true);
  assert.equal(ms.__needsImport__, true);
  assert.ok(ms.__syncModuleProgram__.includes(`const u = ${H}___meta.url;`));
  assert.ok(ms.__syncModuleProgram__.includes(`${H}import("./x.js")`));
  // Deliberate difference: upstream never visits exported class bodies in its
  // transform pass, so it leaves import.meta there unrewritten and unflagged.
  const inClass = new ModuleSource('export class A { m() { return import.meta.url; } }');
  assert.equal(inClass.__needsImportMeta__, true);
  assert.ok(!inClass.__syncModuleProgram__.includes('import.meta'));
});

test('100 000-deep nesting returns an error or a result, never crashes', () => {
  const n = 100000;
  // Built and parsed in a child process, so that a crash fails this test instead of
  // the runner.
  const script = `
    const { ModuleSource } = require(${JSON.stringify(new URL('../lib/modules/module-source.js', import.meta.url).pathname)});
    const n = ${n};
    const r = (s, k = n) => s.repeat(k);
    const shapes = {
      parens: 'x = ' + r('(') + '1' + r(')'),
      arrays: 'x = ' + r('[') + r(']'),
      objects: 'x = ' + r('{a:') + '1' + r('}'),
      unary: 'x = ' + r('!') + '1',
      ternaries: 'x = ' + r('a ? b : ') + 'c',
      arrows: 'x = ' + r('a => ') + '1',
      functions: r('function f(){') + r('}'),
      blocks: r('{') + r('}'),
      templates: 'x = ' + r('\`\${') + '1' + r('}\`'),
      binary: 'x = ' + r('a + ') + '1',
      members: 'x = a' + r('.b'),
      calls: 'x = a' + r('()'),
      elseIf: r('if (a) {} else ') + '{}',
      patterns: r('[') + r(']') + ' = x',
      news: 'x = ' + r('new ') + 'X',
      awaits: 'x = ' + r('await ') + '1',
      // Nesting hidden from a scan that guesses "division" where the parser sees a
      // regular expression: the scan would read the parentheses as part of a string.
      hiddenByRegex: 'if (x) /"/;' + r('(') + '1' + r(')') + ';//"',
      hiddenByRegexUnterminated: 'if (x) /"/;' + r('(') + '1' + r(')') + ';"',
      // The other way round: a division where a guess says "regular expression".
      hiddenByDivision: 'x = y.return / ' + r('(') + '1' + r(')') + ' / 2;',
      // A line comment that a lone CR ends, for a scan that waits for LF.
      hiddenByComment: '// c\\r' + r('(') + '1' + r(')'),
      // Chains swc builds in a loop still make trees as deep as the chain.
      inChain: 'x = a' + r(' in a', 6 * n) + ';',
      inChainSyntaxError: 'x = a' + r(' in a', 2 * n) + ' )',
      instanceofChain: 'x = a' + r(' instanceof a', 3 * n) + ';',
    };
    const out = {};
    for (const [k, s] of Object.entries(shapes)) {
      try { new ModuleSource(s); out[k] = 'ok'; } catch (e) { out[k] = e.name + ': ' + e.message.slice(0, 80); }
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  for (const [k, v] of Object.entries(out)) {
    assert.ok(v === 'ok' || /^SyntaxError: Error transforming source in <unknown>: /.test(v), `${k}: ${v}`);
  }
  assert.match(out.parens, /nesting too deep/);
  // Nesting that a scan could miss by misreading a `/` or a line end is refused too,
  // before the parser touches hundreds of megabytes of stack for it.
  for (const k of ['hiddenByRegex', 'hiddenByRegexUnterminated', 'hiddenByDivision', 'hiddenByComment']) {
    assert.match(out[k], /nesting too deep/, k);
  }
  assert.equal(out.binary, 'ok');
});

test('a flat source with millions of nesting tokens is refused as too large, not too deep', () => {
  // 4 million `(a);` statements (16 MB): more counted tokens than the stack the
  // native core reserves for the parser (it bounds depth by counting, not parsing).
  const flat = '(a);'.repeat(4_000_000);
  assert.throws(() => new ModuleSource(flat), {
    name: 'SyntaxError',
    message: /^Error transforming source in <unknown>: source too large to analyze safely/,
  });
});

test('moderate nesting (2 000 levels) is accepted', () => {
  const n = 2000;
  for (const s of [
    `x = ${'('.repeat(n)}1${')'.repeat(n)}`,
    `x = ${'a => '.repeat(n)}1`,
    `${'function f(){'.repeat(n)}${'}'.repeat(n)}`,
  ]) {
    assert.doesNotThrow(() => new ModuleSource(s));
  }
});
