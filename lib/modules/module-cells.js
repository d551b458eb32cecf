'use strict';
// The cells of module bindings, which module instances (module-instance.js) hand each
// other.
//
// A cell stands for one exported binding, with the methods:
// - `notify(update)` subscribes an importer's update function (called with the value
//   now if there is one, and at every change of a live binding);
// - `notifySlot(updater, slot)` does the same for an eager program's updater, which
//   takes the slot as `this` (see module-source.js): a binding that can no longer change
//   calls it at once, and only a binding that may still change keeps it, bound;
// - `getter()` is the namespace property's getter (the property is `{ get, set:
//   undefined, enumerable: true, configurable: false }`), made on first need;
// - `reexport()` is the cell that a module re-exporting the binding stores, whose getter
//   is a frozen getter of the binding's current value, `undefined` before it is
//   initialized. That getter reads what a getter mirroring the value through `notify`
//   would hold (updates are pushed synchronously, and no other code runs between a
//   binding's change and its subscribers' updates), without a subscription or a closure
//   per re-exporting module. A re-export cell is its own `reexport()`, so a chain of
//   re-exporters shares one cell.
//
// Cells are the loader's own objects, never seen by module code, with shared methods
// rather than sets of closures: a graph of a thousand modules makes tens of thousands
// of them, and every object less is less for the garbage collector to copy.

const { ReferenceError, TypeError, arrayPush, freeze, functionBind, functionCall } = require('../commons.js');
const { q } = require('../errors/assert.js');

// The updater of one slot of an eager program's updater, which takes the slot as `this`
// (see module-source.js).
const slotUpdater = (updater, slot) => functionBind(updater, slot);

// The getter of a binding's current value (a method named `get`, like the getter ses
// gives each re-exporting module). Shared by every module that re-exports the binding,
// so frozen.
const makePeek = cell =>
  freeze({
    get() {
      return cell.value;
    },
  }.get);

// The namespace getter of a local binding: its value, or a ReferenceError before it is
// initialized.
const makeTdzGetter = cell => {
  const get = () => cell.read();
  return get;
};

// What a re-exporting module stores for a local binding (see the top of this file).
class ReexportCell {
  constructor(source) {
    this.source = source;
    this.peek = undefined;
  }

  notify(update) {
    this.source.notify(update);
  }

  notifySlot(updater, slot) {
    this.source.notifySlot(updater, slot);
  }

  getter() {
    if (this.peek === undefined) this.peek = makePeek(this.source);
    return this.peek;
  }

  reexport() {
    return this;
  }
}

// What fixed and live bindings share: the value, whether it is initialized yet (its
// TDZ, reported with `tdzName`), and the getter and re-export view made on first need.
class LocalCell {
  constructor(tdzName) {
    this.value = undefined;
    this.initialized = false;
    this.tdzName = tdzName;
    this.get = undefined;
    this.reexportCell = undefined;
  }

  read() {
    if (!this.initialized) {
      throw ReferenceError(`binding ${q(this.tdzName)} not yet initialized`);
    }
    return this.value;
  }

  getter() {
    if (this.get === undefined) this.get = makeTdzGetter(this);
    return this.get;
  }

  reexport() {
    if (this.reexportCell === undefined) this.reexportCell = new ReexportCell(this);
    return this.reexportCell;
  }
}

// A fixed binding (`const`, a function, a class, `export default`): initialized once,
// by the module's own `onceVar` function (`init`), never changed after.
class FixedCell extends LocalCell {
  constructor(localName) {
    super(localName);
    // Importers that subscribed before initialization (made by the first; null when
    // there are none, and afterwards).
    this.waiting = null;
    this.init = undefined;
  }

  initialize(initValue) {
    if (this.initialized) {
      throw TypeError(`Internal: binding ${q(this.tdzName)} already initialized`);
    }
    this.value = initValue;
    this.initialized = true;
    const subscribers = this.waiting;
    this.waiting = null;
    if (subscribers !== null) {
      for (let i = 0; i < subscribers.length; i += 1) {
        const subscriber = subscribers[i];
        subscriber(initValue);
      }
    }
    return initValue;
  }

  notify(update) {
    if (update === this.init) {
      return;
    }
    if (this.initialized) {
      update(this.value);
    } else {
      this.wait(update);
    }
  }

  wait(update) {
    if (this.waiting === null) this.waiting = [];
    arrayPush(this.waiting, update);
  }

  notifySlot(updater, slot) {
    if (this.initialized) {
      functionCall(updater, slot, this.value);
    } else {
      this.wait(slotUpdater(updater, slot));
    }
  }
}

// A live binding (`export let` or `var` that the module assigns again): set by the
// module's own `liveVar` function (`update`), or, through the module lexicals' setter,
// by assignments in the module's code. Its TDZ is reported with the export's name.
class LiveCell extends LocalCell {
  constructor(localName, exportName) {
    super(exportName);
    // Importers (made by the first; null while there are none).
    this.subscribers = null;
    this.localName = localName;
    this.update = undefined;
  }

  // Initializes or updates; also subscribed to an upstream module when this binding
  // re-exports an import, possibly before that module has run (cycles).
  publish(newValue) {
    this.value = newValue;
    this.initialized = true;
    this.tell(newValue);
  }

  // Assignment from the module's own code, through the lexical scope layer.
  assign(newValue) {
    if (!this.initialized) {
      throw ReferenceError(`binding ${q(this.localName)} not yet initialized`);
    }
    this.value = newValue;
    this.tell(newValue);
  }

  // Hands a new value to every subscriber, in order (one subscribed meanwhile is told
  // too).
  tell(newValue) {
    const { subscribers } = this;
    if (subscribers !== null) {
      for (let i = 0; i < subscribers.length; i += 1) {
        const subscriber = subscribers[i];
        subscriber(newValue);
      }
    }
  }

  notify(subscriber) {
    if (subscriber === this.update) {
      return;
    }
    if (this.subscribers === null) this.subscribers = [];
    arrayPush(this.subscribers, subscriber);
    if (this.initialized) {
      subscriber(this.value);
    }
  }

  notifySlot(updater, slot) {
    this.notify(slotUpdater(updater, slot));
  }
}

// The functions a module's code calls on its own bindings, named as ses names them.
const makeInit = cell => {
  const init = initValue => cell.initialize(initValue);
  return freeze(init);
};
const makeUpdate = cell => {
  const update = newValue => cell.publish(newValue);
  return freeze(update);
};
const makeSet = cell => {
  const set = newValue => cell.assign(newValue);
  return set;
};

// A cell from a subscribe function and a value getter: the exports of a virtual module
// source, and `export * as x from` a module. It is its own re-export cell.
class FunctionCell {
  constructor(subscribe, peek) {
    this.subscribe = subscribe;
    this.peek = freeze(peek);
  }

  notify(update) {
    const { subscribe } = this;
    subscribe(update);
  }

  notifySlot(updater, slot) {
    this.notify(slotUpdater(updater, slot));
  }

  getter() {
    return this.peek;
  }

  reexport() {
    return this;
  }
}

module.exports = freeze({ FixedCell, FunctionCell, LiveCell, makeInit, makeSet, makeUpdate });
