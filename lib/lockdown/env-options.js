'use strict';
// Reading LOCKDOWN_* (and similar) settings from the host environment, as
// `@endo/env-options` does: only `globalThis.process.env` is consulted, an absent
// variable yields the default, and a present one must be a string from the allowed set.

const {
  Error,
  universalThis,
  freeze,
  arrayIncludes,
  arrayPush,
  arrayFilter,
  stringSplit,
  jsonStringify,
} = require('../commons.js');

const quoteJson = value => jsonStringify(value);

const makeEnvironmentCaptor = (aGlobal, dropNames = false) => {
  const capturedNames = [];

  const getEnvironmentOption = (optionName, defaultSetting, optOtherValues = undefined) => {
    if (typeof optionName !== 'string') {
      throw Error(`Environment option name ${quoteJson(optionName)} must be a string.`);
    }
    if (typeof defaultSetting !== 'string') {
      throw Error(
        `Environment option default setting ${quoteJson(defaultSetting)} must be a string.`,
      );
    }
    let setting = defaultSetting;
    const hostProcess = aGlobal.process || undefined;
    const env = (typeof hostProcess === 'object' && hostProcess.env) || undefined;
    if (typeof env === 'object' && optionName in env) {
      if (!dropNames) {
        arrayPush(capturedNames, optionName);
      }
      const found = env[optionName];
      if (typeof found !== 'string') {
        throw Error(
          `Environment option named ${quoteJson(optionName)}, if present, must have a corresponding string value, got ${quoteJson(found)}`,
        );
      }
      setting = found;
    }
    if (
      optOtherValues !== undefined &&
      setting !== defaultSetting &&
      !arrayIncludes(optOtherValues, setting)
    ) {
      throw Error(
        `Unrecognized ${quoteJson(optionName)} value ${quoteJson(setting)}. Expected one of ${quoteJson([defaultSetting, ...optOtherValues])}`,
      );
    }
    return setting;
  };
  freeze(getEnvironmentOption);

  const getEnvironmentOptionsList = optionName => {
    const text = getEnvironmentOption(optionName, '');
    return freeze(text === '' ? [] : stringSplit(text, ','));
  };
  freeze(getEnvironmentOptionsList);

  const environmentOptionsListHas = (optionName, element) =>
    arrayIncludes(getEnvironmentOptionsList(optionName), element);
  freeze(environmentOptionsListHas);

  const getCapturedEnvironmentOptionNames = () => freeze([...capturedNames]);
  freeze(getCapturedEnvironmentOptionNames);

  return freeze({
    getEnvironmentOption,
    getEnvironmentOptionsList,
    environmentOptionsListHas,
    getCapturedEnvironmentOptionNames,
  });
};
freeze(makeEnvironmentCaptor);

const { getEnvironmentOption, getEnvironmentOptionsList, environmentOptionsListHas } =
  makeEnvironmentCaptor(universalThis, true);

// LOCKDOWN_OVERRIDE_DEBUG style lists: comma separated, empty entries dropped.
const getEnvironmentNameList = (optionName) =>
  arrayFilter(stringSplit(getEnvironmentOption(optionName, ''), ','), name => name !== '');

module.exports = freeze({
  makeEnvironmentCaptor,
  getEnvironmentOption,
  getEnvironmentOptionsList,
  environmentOptionsListHas,
  getEnvironmentNameList,
});
