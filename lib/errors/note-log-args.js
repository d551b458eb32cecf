'use strict';
// Bounded, weakly-held storage for the note arguments attached to errors by
// `assert.note`. A program that annotates errors in a loop and never logs them must not
// grow memory without bound, so both the number of errors remembered (least recently
// used first out) and the number of notes per error are capped.

const {
  TypeError,
  Number,
  WeakMap,
  freeze,
  arrayPush,
  arrayShift,
  weakmapGet,
  weakmapSet,
  weakmapHas,
  weakmapDelete,
} = require('../commons.js');

const { isSafeInteger } = Number;

const defaultLoggedErrorsBudget = 1000;
const defaultArgsPerErrorBudget = 100;

/**
 * A weak-keyed LRU map. Each live entry owns a cell in a ring; the cell holds its value
 * in a private one-entry WeakMap so that the ring never keeps a key alive. Eviction
 * drops the cell's WeakMap, which makes the entry unreachable.
 *
 * @param {number} capacity
 */
const makeWeakLruMap = capacity => {
  const cellOf = new WeakMap();
  const ring = { prev: undefined, next: undefined };
  ring.prev = ring;
  ring.next = ring;
  let size = 0;

  const unlink = cell => {
    cell.prev.next = cell.next;
    cell.next.prev = cell.prev;
  };
  const linkFirst = cell => {
    cell.prev = ring;
    cell.next = ring.next;
    ring.next.prev = cell;
    ring.next = cell;
  };
  const liveCell = key => {
    const cell = weakmapGet(cellOf, key);
    if (cell === undefined || cell.slot === undefined || !weakmapHas(cell.slot, key)) {
      return undefined;
    }
    return cell;
  };

  const get = key => {
    const cell = liveCell(key);
    if (cell === undefined) return undefined;
    unlink(cell);
    linkFirst(cell);
    return weakmapGet(cell.slot, key);
  };
  const set = (key, value) => {
    let cell = liveCell(key);
    if (cell !== undefined) {
      unlink(cell);
    } else {
      cell = { prev: undefined, next: undefined, slot: new WeakMap() };
      // Registering first rejects a non-object key before anything is evicted.
      weakmapSet(cellOf, key, cell);
      if (capacity === 0) {
        weakmapDelete(cellOf, key);
        return;
      }
      if (size >= capacity) {
        const oldest = ring.prev;
        unlink(oldest);
        oldest.slot = undefined;
        size -= 1;
      }
      size += 1;
    }
    linkFirst(cell);
    weakmapSet(cell.slot, key, value);
  };
  const remove = key => {
    const cell = liveCell(key);
    if (cell === undefined) return false;
    unlink(cell);
    cell.slot = undefined;
    weakmapDelete(cellOf, key);
    size -= 1;
    return true;
  };
  return freeze({ get, set, delete: remove });
};

/**
 * @param {number} [errorsBudget]
 * @param {number} [argsPerErrorBudget]
 */
const makeNoteLogArgsArrayKit = (
  errorsBudget = defaultLoggedErrorsBudget,
  argsPerErrorBudget = defaultArgsPerErrorBudget,
) => {
  if (!isSafeInteger(argsPerErrorBudget) || argsPerErrorBudget < 1) {
    throw TypeError('argsPerErrorBudget must be a safe positive integer number');
  }
  if (!isSafeInteger(errorsBudget) || errorsBudget < 0) {
    throw TypeError('capacity must be a non-negative safe integer number <= 2**53 - 1');
  }
  const notesByError = makeWeakLruMap(errorsBudget);

  const addLogArgs = (error, logArgs) => {
    const list = notesByError.get(error);
    if (list === undefined) {
      notesByError.set(error, [logArgs]);
      return;
    }
    if (list.length >= argsPerErrorBudget) {
      arrayShift(list);
    }
    arrayPush(list, logArgs);
  };
  freeze(addLogArgs);

  const takeLogArgsArray = error => {
    const list = notesByError.get(error);
    notesByError.delete(error);
    return list;
  };
  freeze(takeLogArgsArray);

  return freeze({ addLogArgs, takeLogArgsArray });
};
freeze(makeNoteLogArgsArrayKit);

module.exports = freeze({ makeNoteLogArgsArrayKit, makeWeakLruMap });
