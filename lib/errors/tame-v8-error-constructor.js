'use strict';
// V8 specifics of error taming: the `prepareStackTrace` hook, stack filtering, and the
// call-site facade handed to user-supplied `prepareStackTrace` functions.
//
// V8 calls `Error.prepareStackTrace(error, callSites)` lazily, the first time `stack` is
// read, with *unattenuated* call sites: `getThis()` and `getFunction()` on them leak the
// receivers and closures of every frame on the stack. So the real hook stays ours; the
// call sites are kept in a private WeakMap for `getStackString`, and a user hook only
// ever sees facades exposing the informational methods.

const {
  Math,
  TypeError,
  WeakMap,
  freeze,
  WeakSet,
  apply,
  create,
  defineProperties,
  fromEntries,
  reflectSet,
  arrayFilter,
  arrayJoin,
  arrayMap,
  arraySlice,
  regexpExec,
  regexpTest,
  stringLastIndexOf,
  stringSlice,
  stringStartsWith,
  weakmapGet,
  weakmapSet,
  weaksetAdd,
  weaksetHas,
} = require('../commons.js');

// Informational call-site methods (the ones error-stack shims need, plus two found by
// experiment). Deliberately absent: getThis, getFunction (integrity leaks), and the
// Promise.all index helpers.
const safeV8CallSiteMethodNames = [
  'getTypeName',
  'getFunctionName',
  'getMethodName',
  'getFileName',
  'getLineNumber',
  'getColumnNumber',
  'getEvalOrigin',
  'isToplevel',
  'isEval',
  'isNative',
  'isConstructor',
  'isAsync',
  'getPosition',
  'getScriptNameOrSourceURL',
  'toString',
];

const safeV8CallSiteFacet = callSite => {
  const methods = fromEntries(
    arrayMap(safeV8CallSiteMethodNames, name => {
      const method = callSite[name];
      return [name, () => apply(method, callSite, [])];
    }),
  );
  return create(methods, {});
};

const safeV8SST = sst => arrayMap(sst, safeV8CallSiteFacet);

// Frames of installed dependencies, of Node's own internals, of the eventual-send shim
// and of ses-ava are infrastructure, not the story of the error.
const nodeDependentsCensor = /\/node_modules\//;
const nodeInternalsCensor = /^(?:node:)?internal\//;
const sesAssertCensor = /\/packages\/ses\/src\/error\/assert\.js$/;
const eventualSendCensor = /\/packages\/eventual-send\/src\//;
const sesAvaCensor = /\/packages\/ses-ava\/src\/ses-ava-test\.js$/;
const fileNameCensors = [
  nodeDependentsCensor,
  nodeInternalsCensor,
  sesAssertCensor,
  eventualSendCensor,
  sesAvaCensor,
];

// Our own JS layer plays the part of ses's `src/`: when this package is installed the
// node_modules rule already hides it, and in a source checkout this does the same, so
// frames from assert, lockdown, compartments and the loader never appear in concise
// stacks.
const libDirPrefix = (() => {
  const dir = __dirname;
  const cut = Math.max(stringLastIndexOf(dir, '/'), stringLastIndexOf(dir, '\\'));
  return cut < 0 ? undefined : stringSlice(dir, 0, cut + 1);
})();

const filterFileName = fileName => {
  if (fileName === null) {
    // Built-in frames such as `Array.map (<anonymous>)`.
    return false;
  }
  if (typeof fileName === 'string') {
    if (libDirPrefix !== undefined && stringStartsWith(fileName, libDirPrefix)) {
      return false;
    }
  }
  for (let i = 0; i < fileNameCensors.length; i += 1) {
    if (regexpTest(fileNameCensors[i], `${fileName}`)) {
      return false;
    }
  }
  return true;
};

// Each pattern captures the parts of a call-site string to keep; the rest is a path
// prefix that only adds noise:
// - anything up to a `/.../` marker;
// - a leading `.../`;
// - an absolute prefix before a monorepo `packages/` directory;
// - `file://` before a relative path (editors only make those clickable once it is gone).
const callSitePatterns = [
  /^((?:.*[( ])?)[:/\w_-]*\/\.\.\.\/(.+)$/,
  /^((?:.*[( ])?)\.\.\.\/(.+)$/,
  /^((?:.*[( ])?)[:/\w_-]*\/(packages\/.+)$/,
  /^((?:.*[( ])?)file:\/\/([^/].*)$/,
];

const shortenCallSiteString = callSiteString => {
  for (let i = 0; i < callSitePatterns.length; i += 1) {
    const match = regexpExec(callSitePatterns[i], callSiteString);
    if (match) {
      return arrayJoin(arraySlice(match, 1), '');
    }
  }
  return callSiteString;
};

/**
 * Installs the hooks on the real `Error` and the tamed statics on `InitialError`.
 * Returns the privileged `getStackString`.
 */
const tameV8ErrorConstructor = (OriginalError, InitialError, errorTaming, stackFiltering) => {
  if (errorTaming === 'unsafe-debug') {
    throw TypeError('internal: v8+unsafe-debug special case should already be done');
  }
  const originalCaptureStackTrace = OriginalError.captureStackTrace;
  const omitFrames = stackFiltering === 'concise' || stackFiltering === 'omit-frames';
  const shortenPaths = stackFiltering === 'concise' || stackFiltering === 'shorten-paths';

  const keepCallSite = callSite => {
    if (!omitFrames) return true;
    const functionName = callSite.getFunctionName();
    if (typeof functionName === 'string' && stringStartsWith(functionName, '__HIDE_')) {
      return false;
    }
    return filterFileName(callSite.getFileName());
  };

  const renderCallSite = callSite => {
    const text = `${callSite}`;
    return `\n  at ${shortenPaths ? shortenCallSiteString(text) : text}`;
  };

  const stackStringFromSST = (_error, sst) =>
    arrayJoin(arrayMap(arrayFilter(sst, keepCallSite), renderCallSite), '');

  // error -> { callSites } until first rendered, then { stackString }.
  const stackInfos = new WeakMap();

  // Concise methods: named, and not constructors.
  const tamedMethods = {
    captureStackTrace(error, optFn = tamedMethods.captureStackTrace) {
      if (typeof originalCaptureStackTrace === 'function') {
        apply(originalCaptureStackTrace, OriginalError, [error, optFn]);
        return;
      }
      reflectSet(error, 'stack', '');
    },
    getStackString(error) {
      let info = weakmapGet(stackInfos, error);
      if (info === undefined) {
        // Reading `stack` makes V8 run the hook below synchronously, filling stackInfos.
        // eslint-disable-next-line no-void
        void error.stack;
        info = weakmapGet(stackInfos, error);
        if (!info) {
          info = { stackString: '' };
          weakmapSet(stackInfos, error, info);
        }
      }
      if (info.stackString !== undefined) {
        return info.stackString;
      }
      const stackString = stackStringFromSST(error, info.callSites);
      weakmapSet(stackInfos, error, { stackString });
      return stackString;
    },
    prepareStackTrace(error, sst) {
      if (errorTaming === 'unsafe') {
        const stackString = stackStringFromSST(error, sst);
        weakmapSet(stackInfos, error, { stackString });
        return `${error}${stackString}`;
      }
      weakmapSet(stackInfos, error, { callSites: sst });
      return '';
    },
  };

  const defaultPrepareFn = tamedMethods.prepareStackTrace;
  OriginalError.prepareStackTrace = defaultPrepareFn;

  // Hooks we made ourselves: only these may be installed on the real Error, since only
  // they see raw call sites.
  const systemPrepareFns = new WeakSet();
  weaksetAdd(systemPrepareFns, defaultPrepareFn);

  const systemPrepareFnFor = userPrepareFn => {
    if (weaksetHas(systemPrepareFns, userPrepareFn)) {
      return userPrepareFn;
    }
    const wrapper = {
      prepareStackTrace(error, sst) {
        weakmapSet(stackInfos, error, { callSites: sst });
        return userPrepareFn(error, safeV8SST(sst));
      },
    }.prepareStackTrace;
    weaksetAdd(systemPrepareFns, wrapper);
    return wrapper;
  };

  // `stackTraceLimit` was already defined by tameErrorConstructor.
  defineProperties(InitialError, {
    captureStackTrace: {
      value: tamedMethods.captureStackTrace,
      writable: true,
      enumerable: false,
      configurable: true,
    },
    prepareStackTrace: {
      get() {
        return OriginalError.prepareStackTrace;
      },
      set(newPrepareFn) {
        OriginalError.prepareStackTrace =
          typeof newPrepareFn === 'function' ? systemPrepareFnFor(newPrepareFn) : defaultPrepareFn;
      },
      enumerable: false,
      configurable: true,
    },
  });

  return tamedMethods.getStackString;
};

module.exports = freeze({
  tameV8ErrorConstructor,
  filterFileName,
  shortenCallSiteString,
});
