// Differential test of `ses/tools.js` `transforms` against the real ses 2.3.0
// (`ses-reference`): for every input, both must throw the same error class with the
// same message, or return the same string. The rejection checks are a security
// boundary, so any difference fails, in either direction.
//
// Inputs: every JS file under node_modules, generated sources around each keyword
// (every UTF-16 code unit as separator or prefix, comment forms, dot prefixes, HTML
// comment tokens in every position), seeded random token soups, sourceURL variants,
// and line-terminator mixes.

import test from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { transforms as ours } from 'ses/tools.js';
import { transforms as theirs } from 'ses-reference/tools.js';

const require = createRequire(import.meta.url);
const { checkSource } = require('../lib/compartment/transforms.js');

const root = fileURLToPath(new URL('..', import.meta.url));

// SES_TRANSFORMS_FULL=1 compares every UTF-16 code unit in the per-character test and
// every corpus file up to 16 MB; by default the per-character test takes every unit
// below U+0100, every \s unit, the surrogate edges and a stride through the rest, and
// the corpus stops at 4 MB per file. Duplicate corpus files are compared once.
const FULL = process.env.SES_TRANSFORMS_FULL === '1';

const SINGLE = [
  'rejectHtmlComments',
  'evadeHtmlCommentTest',
  'rejectImportExpressions',
  'evadeImportExpressionTest',
  'rejectSomeDirectEvalExpressions',
  'mandatoryTransforms',
];

const outcome = thunk => {
  try {
    return { value: thunk() };
  } catch (error) {
    return {
      thrown: error && error.constructor && error.constructor.name,
      message: error && error.message,
    };
  }
};

const show = src => JSON.stringify(src.length > 300 ? `${src.slice(0, 300)}…` : src);

const IMPORT_ONLY = ['rejectImportExpressions', 'evadeImportExpressionTest', 'mandatoryTransforms'];
const EVAL_ONLY = ['rejectSomeDirectEvalExpressions'];
const HTML_ONLY = ['rejectHtmlComments', 'evadeHtmlCommentTest', 'mandatoryTransforms'];

// Returns a description of the first difference, or undefined. `names` narrows the
// single transforms compared (the fused evaluator check is always compared).
const differ = (src, names = SINGLE) => {
  for (const name of names) {
    const a = outcome(() => ours[name](src));
    const b = outcome(() => theirs[name](src));
    if (a.value !== b.value || a.thrown !== b.thrown || a.message !== b.message) {
      return `${name}(${show(src)}): ours ${JSON.stringify(a).slice(0, 400)} theirs ${JSON.stringify(b).slice(0, 400)}`;
    }
  }
  // The evaluator's fused check against ses's composition.
  for (const withDirectEval of [false, true]) {
    const a = outcome(() => checkSource(src, withDirectEval));
    const b = outcome(() => {
      let s = src;
      if (withDirectEval) s = theirs.rejectSomeDirectEvalExpressions(s);
      return theirs.mandatoryTransforms(s);
    });
    if (a.value !== b.value || a.thrown !== b.thrown || a.message !== b.message) {
      return `checkSource(${show(src)}, ${withDirectEval}): ours ${JSON.stringify(a)} theirs ${JSON.stringify(b)}`;
    }
  }
  return undefined;
};

// Runs `differ` over `sources`, reporting up to 10 differences at once.
const compareAll = (t, sources) => {
  const failures = [];
  let count = 0;
  for (const item of sources) {
    count += 1;
    const d = typeof item === 'string' ? differ(item) : differ(item[0], item[1]);
    if (d !== undefined) {
      failures.push(d);
      if (failures.length >= 10) break;
    }
  }
  t.diagnostic(`${count} sources compared`);
  assert.deepEqual(failures, []);
  return count;
};

// Deterministic PRNG (mulberry32).
const prng = seed => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};

const WHITESPACE = [
  '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002',
  '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028',
  '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
];
// Near misses: not `\s` in JS.
const NOT_WHITESPACE = ['\u180e', '\u200b', '\u0085', '\u00ad', '\u2060', '\u0000', '\ufffe'];

test('UTF-16 code units around each keyword', t => {
  const picked = u =>
    FULL ||
    u < 0x100 ||
    /\s/.test(String.fromCharCode(u)) ||
    (u >= 0xd7fe && u <= 0xd801) ||
    (u >= 0xdbfe && u <= 0xdc01) ||
    (u >= 0xdffe && u <= 0xe001) ||
    u >= 0xfff0 ||
    u % 37 === 0;
  function* sources() {
    for (let u = 0; u < 0x10000; u += 1) {
      if (!picked(u)) continue;
      const c = String.fromCharCode(u);
      yield [`import${c}(x)`, IMPORT_ONLY];
      yield [`${c}import(x)`, IMPORT_ONLY];
      yield [`...${c}import(x)`, IMPORT_ONLY];
      yield [`eval${c}(x)`, EVAL_ONLY];
      yield [`${c}eval(x)`, EVAL_ONLY];
      yield [`${c}<!--${c}-->`, HTML_ONLY];
    }
  }
  compareAll(t, sources());
});

test('keyword, prefix and suffix combinations', t => {
  const prefixes = [
    '', '.', '..', '...', '....', '.....', ' .', '. ', '...\n', '\n', '\r', '\r\n', '\u2028',
    'a', 'Z', '0', '9', '$', '_', 'é', 'ı', 'x.', 'x..', 'x...', '(', ')', '[...', '{...', '{... ',
    '\uD800', '\uDC00', '\uD83D\uDE00', '😀.', '/', '*', '//', '/*', '*/', '"', "'", '`', '${',
    'new ', 'typeof ', 'await ', 'yield ', '?.', '?', '!', '-->', '<!--', '#', '@', '\\',
    '\\u0069', 'im', 'ev', 'import', 'eval', 'import.', 'eval.',
  ];
  const keywords = ['import', 'eval', 'imports', 'evall'];
  const gaps = ['', ' ', '  ', ...WHITESPACE, ...NOT_WHITESPACE, ' \n ', '\r\n', '/**/', '/* x */', '// x\n', '//', '/*', '/', '?.', '.', ')', '\\'];
  const suffixes = ['(', '()', "('x')", '(\n', '/', '//', '/*', '/x', '*', '', ' ', '.meta', '?.(', 'x(', '$('];
  function* sources() {
    for (const p of prefixes) {
      for (const k of keywords) {
        for (const g of gaps) {
          for (const s of suffixes) {
            yield [`${p}${k}${g}${s}`, k[0] === 'i' ? IMPORT_ONLY : EVAL_ONLY];
          }
        }
      }
    }
    // Chains that exercise a global replace resuming after each match.
    for (const a of ['import(', 'import (', 'import//', 'import/*', '...import(', 'x.import(', 'eval(']) {
      for (const b of ['', '.', '..', '...', ' ', '\n', '(', 'import', '$']) {
        for (const c of ['import(', '...import(', 'import /**/', 'eval(']) {
          yield `${a}${b}${c}`;
          yield `${a}${b}${c}${b}${a}`;
          yield `${b}${a}${a}${c}${c}`;
        }
      }
    }
  }
  compareAll(t, sources());
});

test('HTML comment tokens in every position', t => {
  const tokens = ['<!--', '-->', '<!---->', '<!-->', '--->', '<!--->', '<--', '<!-', '- ->', '-- >', '<! --', '---', '--', '<', '>', '!'];
  const wrappers = [
    s => s,
    s => `${s}x`,
    s => `x${s}`,
    s => `'${s}'`,
    s => `"a${s}b"`,
    s => `\`${s}\``,
    s => `\`\${${s}}\``,
    s => `/${s}/g`,
    s => `// ${s}\n`,
    s => `/* ${s} */`,
    s => `x = y${s}z;`,
    s => `x\r\n${s}\r\ny`,
    s => `x\n\n${s}`,
    s => `\u2028${s}\u2029${s}`,
    s => `${s.slice(0, 1)}\r\n${s.slice(1)}`,
    s => `${s.slice(0, 2)}\n${s.slice(2)}`,
    s => `${s}${s}`,
    s => `${s}\n//# sourceURL=html.js`,
  ];
  function* sources() {
    for (const a of tokens) {
      for (const w of wrappers) {
        yield w(a);
        for (const b of tokens) yield w(`${a}${b}`);
      }
    }
  }
  compareAll(t, sources());
});

test('eval call shapes', t => {
  const shapes = [
    'eval(x)', 'eval (x)', 'eval\n(x)', 'eval/**/(x)', 'eval//\n(x)', 'eval?.(x)', '(eval)(x)',
    'x.eval(x)', '...eval(x)', 'x..eval(x)', '[eval][0](x)', 'eval`x`', 'window.eval(x)',
    '{eval(){}}', '{ eval (){}}', 'async eval(', 'myeval(x)', 'eval_(x)', '$eval(x)', 'eval$(x)',
    '"eval(x)"', "'eval (x)'", '/eval(x)/', '`${eval(x)}`', '/* eval(x) */', '// eval(x)',
    'new eval(x)', 'eval\u2028(x)', 'eval\ufeff(x)', 'eval\u180e(x)', '\u2028eval(x)', 'é eval(x)',
    'éeval(x)', '\uD800eval(x)', 'eval\uD800(x)',
  ];
  function* sources() {
    for (const a of shapes) {
      yield a;
      yield `\n\n${a}\n//# sourceURL=eval.js`;
      for (const b of shapes) yield `${a};\n${b}`;
    }
  }
  compareAll(t, sources());
});

test('seeded random token soups', t => {
  const random = prng(20260228);
  const alphabet = [
    'import', 'eval', 'import(', 'eval(', '(', ')', '.', '..', '...', '<!--', '-->', '<', '!', '-',
    '>', '--', '\n', '\r\n', '\r', '\u2028', '\u2029', ' ', '\t', '\u00a0', '\ufeff', '\u3000',
    '\u180e', '/', '//', '/*', '*/', '*', 'x', '$', '_', 'é', '1', '#', '@', 'sourceURL',
    'sourceMappingURL', '=', '"', "'", '`', '\uD800', '\uDC00', '😀', '//# sourceURL=',
    '/*# sourceURL=', '//@ sourceURL=', 'a.js', '\\', '?.',
  ];
  function* sources() {
    for (let i = 0; i < 40000; i += 1) {
      const n = 1 + Math.floor(random() * 24);
      let s = '';
      for (let j = 0; j < n; j += 1) s += alphabet[Math.floor(random() * alphabet.length)];
      yield s;
    }
  }
  compareAll(t, sources());
});

test('sourceURL extraction', t => {
  const random = prng(7);
  const comments = [
    '//# sourceURL=a.js', '//@ sourceURL=a.js', '/*# sourceURL=a.js */', '/*@ sourceURL=a.js*/',
    '//# sourceURL = b.js ', '//#sourceURL=c.js', '// # sourceURL=d.js', '//# sourceURL=',
    '//# sourceURL=e f', '//# sourceURL=g*h', '/*# sourceURL=i*j */', '//# sourceMappingURL=m.map',
    '/*# sourceMappingURL=m.map */', '//# sourceURL=k=l', '//# 1sourceURL=n', '//# sourceurl=o',
    '//# sourceURL=\uD800p', '//# sourceURL=😀q', '//# sourceURL=r\u2028', '//#a=//# sourceURL=s',
    '//# sourceURL=//#a=t', '/*# sourceURL=u */ ', '//\n#\nsourceURL\n=\nv\n', '/*\n@\tsourceURL\t=\tw\n*/',
    '//# x=y', '//#\u00a0sourceURL\u3000=\ufeffz', 'x', ';', '*/', '/*', '"', '\n', ' ', '\r\n',
  ];
  function* sources() {
    // The shapes ses's own getSourceURL test builds, behind each rejected form.
    for (const bad of ['<!--', 'import(', 'eval(']) {
      for (const [open, close] of [['//', '\n'], ['/*', '*/'], ['/*', ' */\n'], ['//', '']]) {
        for (const sigil of ['@', '#', '']) {
          for (const gap of ['', ' ', '\t', '\n']) {
            for (const header of ['', 'const ignoreMe = 10;', 'ignoreMe()\n\n']) {
              const entry = key => [open, sigil, key, '=', 'path/to/file.js', close].join(gap);
              for (const footer of ['', gap + entry('sourceMapURL'), `\n${entry('sourceURL')}x`]) {
                yield `${bad}${header}${entry('sourceURL')}${footer}`;
              }
            }
          }
        }
      }
    }
    for (const bad of ['<!--', 'import(', 'eval(']) {
      for (const a of comments) {
        yield `${bad}\n${a}`;
        for (const b of comments) yield `${bad}\n${a}\n${b}`;
      }
      for (let i = 0; i < 4000; i += 1) {
        let s = bad;
        const n = 1 + Math.floor(random() * 5);
        for (let j = 0; j < n; j += 1) {
          s += [' ', '\n', ''][Math.floor(random() * 3)] + comments[Math.floor(random() * comments.length)];
        }
        yield s;
      }
    }
  }
  compareAll(t, sources());
});

test('line numbers with CR, LF, CRLF, U+2028 and U+2029 mixes', t => {
  const random = prng(99);
  const breaks = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\n\r', 'x'];
  function* sources() {
    for (const bad of ['<!--', '-->', 'import(', '...import(', 'eval(', ' eval (']) {
      for (let i = 0; i < 2000; i += 1) {
        let s = '';
        const n = Math.floor(random() * 12);
        for (let j = 0; j < n; j += 1) s += breaks[Math.floor(random() * breaks.length)];
        yield `${s}${bad}`;
        yield `${s}${bad}${s}${bad}`;
      }
    }
  }
  compareAll(t, sources());
  assert.throws(() => ours.rejectImportExpressions('a\r\nb\u2028c\n\nimport(x)'), {
    name: 'SyntaxError',
    message: 'Possible import expression rejected at <unknown>:4. (SES_IMPORT_REJECTED)',
  });
  assert.throws(() => ours.rejectSomeDirectEvalExpressions('\n\neval("1")\n//# sourceURL=foo.js'), {
    name: 'SyntaxError',
    message: 'Possible direct eval expression rejected at foo.js:3. (SES_EVAL_REJECTED)',
  });
});

test('non-string inputs', t => {
  const values = [
    undefined, null, 0, 1.5, true, 10n, [], ['<!--'], ['import(x)'], { toString: () => 'eval(1)' },
    { toString: () => 'import(x)\n//# sourceURL=obj.js' }, { length: 3, toString: () => '-->' },
    new String('<!--\n//# sourceURL=boxed.js'), Symbol('x'), Object.create(null),
  ];
  let count = 0;
  for (const v of values) {
    for (const name of [...SINGLE, 'applyTransforms']) {
      const a = outcome(() => (name === 'applyTransforms' ? ours[name](v, []) : ours[name](v)));
      const b = outcome(() => (name === 'applyTransforms' ? theirs[name](v, []) : theirs[name](v)));
      count += 1;
      assert.deepEqual(a, b, `${name}(values[${values.indexOf(v)}])`);
    }
  }
  t.diagnostic(`${count} calls compared`);
});

test('applyTransforms and the shape of the transforms record', () => {
  assert.equal(ours.applyTransforms('a', [s => `${s}b`, s => `${s}c`]), 'abc');
  assert.deepEqual(Object.keys(ours), Object.keys(theirs));
  assert.ok(Object.isFrozen(ours));
  for (const key of Object.keys(theirs)) {
    assert.ok(Object.isFrozen(ours[key]), key);
    assert.equal(ours[key].name, theirs[key].name, key);
    assert.equal(ours[key].length, theirs[key].length, key);
  }
  const calls = [];
  ours.applyTransforms('s', { length: 2, 0: x => (calls.push(x), `${x}0`), 1: x => (calls.push(x), `${x}1`) });
  assert.deepEqual(calls, ['s', 's0']);
});

// Every .js/.mjs/.cjs file under node_modules (the corpus also feeds the evasions, whose
// output must be identical to the byte).
test('corpus: JS files under node_modules', t => {
  const MAX = (FULL ? 16 : 4) * 1024 * 1024;
  const files = [];
  const seen = new Set();
  const walk = dir => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let stat;
      try {
        stat = statSync(path);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        const key = `${stat.dev}:${stat.ino}`;
        if (!seen.has(key)) {
          seen.add(key);
          walk(path);
        }
      } else if (/\.(?:c|m)?js$/.test(entry.name) && stat.size <= MAX) {
        files.push(path);
      }
    }
  };
  walk(join(root, 'node_modules'));
  assert.ok(files.length > 1000, `only ${files.length} files found`);
  const failures = [];
  const hashes = new Set();
  let bytes = 0;
  let compared = 0;
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const hash = createHash('sha1').update(src).digest('hex');
    if (hashes.has(hash)) continue;
    hashes.add(hash);
    compared += 1;
    bytes += src.length;
    const d = differ(src);
    if (d !== undefined) {
      failures.push(`${file}: ${d}`);
      if (failures.length >= 10) break;
    }
  }
  t.diagnostic(`${compared} distinct files of ${files.length}, ${(bytes / 1e6).toFixed(1)} M code units`);
  assert.deepEqual(failures, []);
});
