'use strict';
// Tracks rejected promises that have no handler. A rejection is reported only when it
// can no longer be handled: its promise was garbage-collected, or the process is
// ending. Reporting at the `unhandledRejection` event itself would be premature, since
// a handler may still be attached later in the same run.

const {
  FinalizationRegistry,
  Map,
  WeakMap,
  freeze,
  uncurryThis,
  mapDelete,
  mapEntries,
  mapGet,
  mapHas,
  mapSet,
  weakmapGet,
  weakmapSet,
} = require('../commons.js');

const finalizationRegistryRegister =
  FinalizationRegistry && uncurryThis(FinalizationRegistry.prototype.register);

/**
 * @param {(reason: unknown) => void} reportReason
 */
const makeRejectionHandlers = reportReason => {
  if (FinalizationRegistry === undefined) {
    return undefined;
  }
  let lastReasonId = 0;
  // Reasons are held by id, never through the promise, so tracking does not keep the
  // promise alive.
  const idToReason = new Map();
  const promiseToReasonId = new WeakMap();

  const forget = reasonId => {
    mapDelete(idToReason, reasonId);
  };

  const onPromiseCollected = reasonId => {
    if (mapHas(idToReason, reasonId)) {
      const reason = mapGet(idToReason, reasonId);
      forget(reasonId);
      reportReason(reason);
    }
  };
  const registry = new FinalizationRegistry(onPromiseCollected);

  const unhandledRejectionHandler = (reason, promise) => {
    lastReasonId += 1;
    const reasonId = lastReasonId;
    mapSet(idToReason, reasonId, reason);
    weakmapSet(promiseToReasonId, promise, reasonId);
    finalizationRegistryRegister(registry, promise, reasonId, promise);
  };

  const rejectionHandledHandler = promise => {
    forget(weakmapGet(promiseToReasonId, promise));
  };

  const processTerminationHandler = () => {
    for (const [reasonId, reason] of mapEntries(idToReason)) {
      forget(reasonId);
      reportReason(reason);
    }
  };

  return freeze({
    rejectionHandledHandler,
    unhandledRejectionHandler,
    processTerminationHandler,
  });
};
freeze(makeRejectionHandlers);

module.exports = freeze({ makeRejectionHandlers });
