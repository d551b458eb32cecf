'use strict';
// Turning chosen data properties of the intrinsics into accessor pairs, so that after
// they are frozen an object inheriting them can still override them by assignment.
// The getter returns the original value and exposes it as `getter.originalValue`, so
// that reflective walkers (harden) still reach it without calling the getter.

const {
  Set,
  String,
  TypeError,
  defineProperty,
  getOwnPropertyDescriptor,
  getOwnPropertyDescriptors,
  hasOwn,
  isPrimitive,
  ownKeys,
  setHas,
} = require('../commons.js');

const { minEnablements, moderateEnablements, severeEnablements } = require('./enablements.js');

const plans = {
  __proto__: null,
  min: minEnablements,
  moderate: moderateEnablements,
  severe: severeEnablements,
};

const enablePropertyOverrides = (intrinsics, overrideTaming, { warn }, overrideDebug = []) => {
  const debugNames = new Set(overrideDebug);

  const enable = (path, obj, prop, desc) => {
    if (!('value' in desc) || !desc.configurable) {
      return;
    }
    const { value } = desc;
    const isDebug = setHas(debugNames, prop);
    // Accessors written as concise methods under a computed key: `this`-sensitive, no
    // prototype, not constructors, named `get <prop>` / `set <prop>`.
    const pair = getOwnPropertyDescriptor(
      {
        get [prop]() {
          return value;
        },
        set [prop](newValue) {
          if (this === obj) {
            throw TypeError(`Cannot assign to read only property '${String(prop)}' of '${path}'`);
          }
          if (hasOwn(this, prop)) {
            this[prop] = newValue;
          } else {
            if (isDebug) {
              warn(TypeError(`Override property ${prop}`));
            }
            defineProperty(this, prop, {
              value: newValue,
              writable: true,
              enumerable: true,
              configurable: true,
            });
          }
        },
      },
      prop,
    );
    defineProperty(pair.get, 'originalValue', {
      value,
      writable: false,
      enumerable: false,
      configurable: false,
    });
    defineProperty(obj, prop, {
      get: pair.get,
      set: pair.set,
      enumerable: desc.enumerable,
      configurable: desc.configurable,
    });
  };

  const enableProperty = (path, obj, prop) => {
    const desc = getOwnPropertyDescriptor(obj, prop);
    if (desc) {
      enable(path, obj, prop, desc);
    }
  };

  const enableAllProperties = (path, obj) => {
    const descs = getOwnPropertyDescriptors(obj);
    if (!descs) {
      return;
    }
    for (const prop of ownKeys(descs)) {
      enable(path, obj, prop, descs[prop]);
    }
  };

  const enableProperties = (path, obj, plan) => {
    for (const prop of ownKeys(plan)) {
      const desc = getOwnPropertyDescriptor(obj, prop);
      if (!desc || desc.get || desc.set) {
        // Absent, or already an accessor: nothing to override.
        continue;
      }
      const subPath = `${path}.${String(prop)}`;
      const subPlan = plan[prop];
      if (subPlan === true) {
        enableProperty(subPath, obj, prop);
      } else if (subPlan === '*') {
        enableAllProperties(subPath, desc.value);
      } else if (!isPrimitive(subPlan)) {
        enableProperties(subPath, desc.value, subPlan);
      } else {
        throw TypeError(`Unexpected override enablement plan ${subPath}`);
      }
    }
  };

  const plan =
    typeof overrideTaming === 'string' ? plans[overrideTaming] : undefined;
  if (plan === undefined) {
    throw TypeError(`unrecognized overrideTaming ${overrideTaming}`);
  }
  enableProperties('root', intrinsics, plan);
};

module.exports = { enablePropertyOverrides, default: enablePropertyOverrides };
