'use strict';
// The causal console: a console wrapper that, whenever an error is logged, replaces it
// by a `(Name#N)` tag and then prints what only the privileged `loggedErrorHandler`
// knows: the unredacted message, the stack, cause, errors, notes, and the same for every
// error those mention. This module never reads the free variable `console`.

const {
  universalThis,
  ReferenceError,
  WeakSet,
  defineProperty,
  freeze,
  getOwnPropertyDescriptor,
  ownKeys,
  getSymbolDescription,
  arraySome,
  fromEntries,
  isError,
  arrayFilter,
  arrayFlatMap,
  arrayMap,
  arrayPop,
  arrayPush,
  stringEndsWith,
  stringIncludes,
  stringIndexOf,
  stringSlice,
  stringSplit,
  weaksetAdd,
  weaksetHas,
} = require('../commons.js');

// Whether `Console` is Node's Console class: its prototype carries Node's internal
// stream-binding method, and its instances' own methods are bound copies of the
// prototype's enumerable methods.
const isNodeConsoleClass = Console => {
  const { prototype } = Console;
  if (typeof prototype !== 'object' || prototype === null) return false;
  return arraySome(
    ownKeys(prototype),
    sym =>
      typeof sym === 'symbol' &&
      getSymbolDescription(sym) === 'kBindStreamsEager' &&
      typeof getOwnPropertyDescriptor(prototype, sym).value === 'function',
  );
};

// Arrow functions get no name from a computed property; set one explicitly.
const defineName = (name, fn) => defineProperty(fn, 'name', { value: name });

// Each permitted method with the severity we log its errors at. These take
// `(fmt?, ...args)`, even where TypeScript's lib types say otherwise.
const consoleLevelMethods = freeze([
  ['debug', 'debug'],
  ['log', 'log'],
  ['info', 'info'],
  ['warn', 'warn'],
  ['error', 'error'],
  ['trace', 'log'],
  ['dirxml', 'log'],
  ['group', 'log'],
  ['groupCollapsed', 'log'],
]);

// `assert(cond, fmt?, ...args)` and `timeLog(label?, ...args)`: the same kind of
// arguments, at a different position.
const consoleSpecialMethods = freeze([
  ['assert', 'error'],
  ['timeLog', 'log'],
]);

// Passed through untouched.
const consoleOtherMethods = freeze([
  ['clear', 'info'],
  ['count', 'info'],
  ['countReset', 'info'],
  ['dir', 'log'],
  ['groupEnd', 'log'],
  ['table', 'log'],
  ['time', 'info'],
  ['timeEnd', 'info'],
  ['profile', 'info'],
  ['profileEnd', 'info'],
  ['timeStamp', 'info'],
]);

const consoleMethodPermits = freeze([
  ...consoleLevelMethods,
  ...consoleSpecialMethods,
  ...consoleOtherMethods,
]);

/**
 * Keeps only the format directives every console agrees on. `%c` (CSS, a way to hide or
 * restyle text in browsers) is removed with its argument; `%s %d %i %f %o %O` and `%%`
 * stay; any other `%x` (Node's `%j`, for one) is escaped to print literally. A directive
 * counts only while arguments remain, as in the WHATWG formatter.
 *
 * @param {any[]} formatData
 * @returns {any[]}
 */
const sanitizeFormatData = ([...formatData]) => {
  freeze(formatData);
  if (formatData.length <= 1) return formatData;
  const [fmt, ...args] = formatData;
  if (typeof fmt !== 'string' || !stringIncludes(fmt, '%')) return formatData;

  let copied = 0;
  let argIndex = 0;
  let newFmt = '';
  const newArgs = [];
  let pos = stringIndexOf(fmt, '%');
  while (pos >= copied && pos < fmt.length - 1 && argIndex < args.length) {
    const directive = fmt[pos + 1];
    switch (directive) {
      case 's':
      case 'd':
      case 'i':
      case 'f':
      case 'o':
      case 'O':
        newFmt += stringSlice(fmt, copied, pos + 2);
        arrayPush(newArgs, args[argIndex]);
        argIndex += 1;
        break;
      case 'c':
        newFmt += stringSlice(fmt, copied, pos);
        argIndex += 1;
        break;
      case '%':
        newFmt += stringSlice(fmt, copied, pos + 2);
        break;
      default:
        newFmt += `${stringSlice(fmt, copied, pos)}%%${directive}`;
        break;
    }
    copied = pos + 2;
    pos = stringIndexOf(fmt, '%', copied);
  }
  if (copied < fmt.length) newFmt += stringSlice(fmt, copied);
  while (argIndex < args.length) {
    arrayPush(newArgs, args[argIndex]);
    argIndex += 1;
  }
  return freeze([newFmt, ...newArgs]);
};
freeze(sanitizeFormatData);

// A console that only records calls, for tests and for buffering.
const makeLoggingConsoleKit = (loggedErrorHandler, { shouldResetForDebugging = false } = {}) => {
  if (shouldResetForDebugging) {
    loggedErrorHandler.resetErrorTagNum();
  }
  let logArray = [];
  const loggingConsole = freeze(
    fromEntries(
      arrayMap(consoleMethodPermits, ([name]) => {
        const method = defineName(name, (...args) => {
          arrayPush(logArray, [name, ...args]);
        });
        return [name, freeze(method)];
      }),
    ),
  );
  const takeLog = () => {
    const result = freeze(logArray);
    logArray = [];
    return result;
  };
  freeze(takeLog);
  return freeze({ loggingConsole, takeLog });
};
freeze(makeLoggingConsoleKit);

const pumpLogToConsole = (log, baseConsole) => {
  for (let i = 0; i < log.length; i += 1) {
    const [name, ...args] = log[i];
    baseConsole[name](...args);
  }
};
freeze(pumpLogToConsole);

const ErrorInfo = freeze({
  NOTE: 'ERROR_NOTE:',
  MESSAGE: 'ERROR_MESSAGE:',
  CAUSE: 'cause:',
  ERRORS: 'errors:',
});

const makeCausalConsole = (feralConsole, loggedErrorHandler) => {
  if (!feralConsole) return undefined;

  // Node's global console walks its arguments looking for
  // `Symbol.for('nodejs.util.inspect.custom')` methods and calls them with unhardened
  // arguments, i.e. logging an object runs that object's code. A private Console with
  // `customInspect: false` writing to the same streams does not.
  const { Console } = feralConsole;
  const hostProcess = universalThis.process || { __proto__: null };
  const makeBaseConsole = () => {
    const { stdout, stderr } = hostProcess;
    return typeof Console === 'function' && (stdout || stderr)
      ? new Console({
          stdout,
          stderr,
          inspectOptions: { colors: undefined, customInspect: false },
        })
      : feralConsole;
  };
  // Node creates `process.stdout` (loading its tty, net or fs stream modules) the first
  // time the getter runs, which costs more than the rest of lockdown's console work. With
  // Node's own Console class and that getter in place (it always yields a stream), the
  // private Console is made when the causal console first writes, as the global console
  // binds its streams; its methods are those of Console.prototype (an instance's own
  // methods are bound copies of exactly those).
  let baseConsole;
  const lazyBase =
    typeof Console === 'function' &&
    isNodeConsoleClass(Console) &&
    typeof getOwnPropertyDescriptor(hostProcess, 'stdout')?.get === 'function';
  if (!lazyBase) baseConsole = makeBaseConsole();
  const getBase = () => {
    if (baseConsole === undefined) baseConsole = makeBaseConsole();
    return baseConsole;
  };

  const { getStackString, tagError, takeMessageLogArgs, takeNoteLogArgsArray } =
    loggedErrorHandler;

  const extractErrorArgs = (logArgs, subErrorsSink) =>
    arrayMap(logArgs, arg => {
      if (isError(arg)) {
        arrayPush(subErrorsSink, arg);
        return `(${tagError(arg)})`;
      }
      return arg;
    });

  const logErrorInfo = (severity, error, kind, logArgs, subErrorsSink) => {
    const tag = tagError(error);
    const label = kind === ErrorInfo.MESSAGE ? `${tag}:` : `${tag} ${kind}`;
    getBase()[severity](label, ...extractErrorArgs(logArgs, subErrorsSink));
  };

  const logSubErrors = (severity, subErrors, optTag = undefined) => {
    if (subErrors.length === 0) return;
    if (subErrors.length === 1 && optTag === undefined) {
      // eslint-disable-next-line no-use-before-define
      logError(severity, subErrors[0]);
      return;
    }
    let label = subErrors.length === 1 ? 'Nested error' : `Nested ${subErrors.length} errors`;
    if (optTag !== undefined) label = `${label} under ${optTag}`;
    getBase().group(label);
    try {
      for (let i = 0; i < subErrors.length; i += 1) {
        // eslint-disable-next-line no-use-before-define
        logError(severity, subErrors[i]);
      }
    } finally {
      if (getBase().groupEnd) getBase().groupEnd();
    }
  };

  const errorsLogged = new WeakSet();

  // Notes that arrive after their error was logged are printed right away.
  const makeNoteCallback = severity => (error, noteLogArgs) => {
    const subErrors = [];
    logErrorInfo(severity, error, ErrorInfo.NOTE, noteLogArgs, subErrors);
    logSubErrors(severity, subErrors, tagError(error));
  };

  const logError = (severity, error) => {
    if (weaksetHas(errorsLogged, error)) return;
    const tag = tagError(error);
    weaksetAdd(errorsLogged, error);
    const subErrors = [];
    const messageLogArgs = takeMessageLogArgs(error);
    const noteLogArgsArray = takeNoteLogArgsArray(error, makeNoteCallback(severity));
    if (messageLogArgs === undefined) {
      getBase()[severity](`${tag}:`, error.message);
    } else {
      // The hidden args say everything the (possibly redacted) message says, and more.
      logErrorInfo(severity, error, ErrorInfo.MESSAGE, messageLogArgs, subErrors);
    }
    let stackString = getStackString(error);
    if (
      typeof stackString === 'string' &&
      stackString.length >= 1 &&
      !stringEndsWith(stackString, '\n')
    ) {
      stackString += '\n';
    }
    getBase()[severity](stackString);
    if (error.cause) {
      logErrorInfo(severity, error, ErrorInfo.CAUSE, [error.cause], subErrors);
    }
    if (error.errors) {
      logErrorInfo(severity, error, ErrorInfo.ERRORS, error.errors, subErrors);
    }
    for (let i = 0; i < noteLogArgsArray.length; i += 1) {
      logErrorInfo(severity, error, ErrorInfo.NOTE, noteLogArgsArray[i], subErrors);
    }
    logSubErrors(severity, subErrors, tag);
  };

  const levelMethods = arrayMap(consoleLevelMethods, ([name, level]) => {
    const method = defineName(name, (...logArgs) => {
      const subErrors = [];
      const argTags = extractErrorArgs(sanitizeFormatData(logArgs), subErrors);
      getBase()[name](...argTags);
      logSubErrors(level, subErrors);
    });
    return [name, freeze(method)];
  });

  const assertMethod = defineName('assert', (...assertArgs) => {
    if (assertArgs.length <= 1) {
      getBase().assert(...assertArgs);
      return;
    }
    const [condition, ...logArgs] = assertArgs;
    const subErrors = [];
    const argTags = extractErrorArgs(sanitizeFormatData(logArgs), subErrors);
    getBase().assert(condition, ...argTags);
    logSubErrors('error', subErrors);
  });

  const timeLogMethod = defineName('timeLog', (...timeLogArgs) => {
    if (timeLogArgs.length <= 1) {
      getBase().timeLog(...timeLogArgs);
      return;
    }
    const [label, ...logArgs] = timeLogArgs;
    const subErrors = [];
    const argTags = extractErrorArgs(sanitizeFormatData(logArgs), subErrors);
    getBase().timeLog(label, ...argTags);
    logSubErrors('log', subErrors);
  });

  const otherMethods = arrayMap(consoleOtherMethods, ([name]) => {
    const method = defineName(name, (...args) => {
      getBase()[name](...args);
      return undefined;
    });
    return [name, freeze(method)];
  });

  const entries = arrayFilter(
    [...levelMethods, ['assert', assertMethod], ['timeLog', timeLogMethod], ...otherMethods],
    lazyBase ? ([name]) => name in Console.prototype : ([name]) => name in baseConsole,
  );
  return freeze(fromEntries(entries));
};
freeze(makeCausalConsole);

// Loggers such as ava's `t.log` join their arguments with a space. To indent the lines
// of a multi-line string argument, each line after a newline gets the current indents,
// and an empty first argument makes the logger's joining space line up with them.
const indentAfterAllSeps = (str, sep, indents) => {
  const [firstLine, ...restLines] = stringSplit(str, sep);
  const indentedRest = arrayFlatMap(restLines, line => [sep, ...indents, line]);
  return ['', firstLine, ...indentedRest];
};

const defineCausalConsoleFromLogger = loggedErrorHandler => {
  const makeCausalConsoleFromLogger = tlogger => {
    const indents = [];
    const logWithIndent = (...args) => {
      if (indents.length > 0) {
        args = arrayFlatMap(args, arg =>
          typeof arg === 'string' && stringIncludes(arg, '\n')
            ? indentAfterAllSeps(arg, '\n', indents)
            : [arg],
        );
        args = [...indents, ...args];
      }
      return tlogger(...args);
    };

    const baseConsole = fromEntries([
      ...arrayMap(consoleLevelMethods, ([name]) => [
        name,
        defineName(name, (...args) => logWithIndent(...args)),
      ]),
      ...arrayMap(consoleOtherMethods, ([name]) => [
        name,
        defineName(name, (...args) => logWithIndent(name, ...args)),
      ]),
    ]);
    for (const name of ['group', 'groupCollapsed']) {
      baseConsole[name] = defineName(name, (...args) => {
        if (args.length >= 1) logWithIndent(...args);
        // One space: the logger adds its own separator after each indent.
        arrayPush(indents, ' ');
      });
    }
    baseConsole.groupEnd = defineName('groupEnd', (..._args) => {
      arrayPop(indents);
    });
    // As upstream, the free `harden` of the realm at call time: this hook is meant
    // for use after lockdown, and fails (ReferenceError) before.
    const { harden } = universalThis;
    if (typeof harden !== 'function') {
      throw ReferenceError('harden is not defined');
    }
    harden(baseConsole);
    return makeCausalConsole(baseConsole, loggedErrorHandler);
  };
  return freeze(makeCausalConsoleFromLogger);
};
freeze(defineCausalConsoleFromLogger);

const filterConsole = (baseConsole, filter, _topic = undefined) => {
  const permitted = arrayFilter(consoleMethodPermits, ([name]) => name in baseConsole);
  const methods = arrayMap(permitted, ([name, severity]) => {
    const method = defineName(name, (...args) => {
      if (severity === undefined || filter.canLog(severity)) {
        baseConsole[name](...args);
      }
    });
    return [name, freeze(method)];
  });
  return freeze(fromEntries(methods));
};
freeze(filterConsole);

module.exports = freeze({
  consoleLevelMethods,
  consoleSpecialMethods,
  consoleOtherMethods,
  consoleMethodPermits,
  sanitizeFormatData,
  makeLoggingConsoleKit,
  pumpLogToConsole,
  makeCausalConsole,
  defineCausalConsoleFromLogger,
  filterConsole,
});
