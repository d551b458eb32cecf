'use strict';
// Loads the errors room of this project and the same modules of the reference `ses`
// (2.3.0, by file path: they are ESM and not exported by its package map), so a probe
// can run on both and compare.

const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.join(__dirname, '..');
const refSrc = path.join(root, 'node_modules', 'ses-reference', 'src');

const ours = () => ({
  label: 'ours',
  ...require('../lib/errors/assert.js'),
  ...require('../lib/errors/console.js'),
  ...require('../lib/errors/stringify-utils.js'),
  ...require('../lib/errors/note-log-args.js'),
});

const theirs = async () => {
  const load = rel => import(pathToFileURL(path.join(refSrc, rel)).href);
  return {
    label: 'ses',
    ...(await load('error/assert.js')),
    ...(await load('error/console.js')),
    ...(await load('error/stringify-utils.js')),
    ...(await load('error/note-log-args.js')),
  };
};

// Call f; describe the outcome in comparable data.
const outcome = (impl, f) => {
  try {
    const value = f();
    return { returned: typeof value === 'object' && value !== null ? String(value) : value };
  } catch (e) {
    const logArgs = impl.loggedErrorHandler.getMessageLogArgs(e);
    return {
      threw: e.name,
      ctor: e instanceof TypeError ? 'TypeError' : e instanceof RangeError ? 'RangeError' : 'Error',
      message: e.message,
      code: e.code,
      frozen: Object.isFrozen(e),
      ownKeys: Reflect.ownKeys(e).filter(k => k !== 'stack').map(String).sort(),
      logArgs: logArgs && logArgs.map(a => (typeof a === 'string' ? a : `<${typeof a}:${String(a)}>`)),
    };
  }
};

// A logger console whose stack lines are reduced to a marker (paths differ by impl).
const normalizeLine = args =>
  args.map(a => (typeof a === 'string' && /^\s*at /m.test(a) ? '<stack>' : a));

module.exports = { ours, theirs, outcome, normalizeLine, root };
