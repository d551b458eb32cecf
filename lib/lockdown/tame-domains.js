'use strict';
// Node's domains attach ambient state to every callback; once the domain module is
// loaded, `process.domain` is an accessor. Safe taming refuses to lock down in that
// case and otherwise pins `process.domain` to null so the module cannot initialize.

const { TypeError, universalThis, getOwnPropertyDescriptor, defineProperty } =
  require('../commons.js');

const tameDomains = (domainTaming = 'safe') => {
  if (domainTaming === 'unsafe') {
    return;
  }
  const hostProcess = universalThis.process || undefined;
  if (typeof hostProcess !== 'object') {
    return;
  }
  const desc = getOwnPropertyDescriptor(hostProcess, 'domain');
  if (desc !== undefined && desc.get !== undefined) {
    throw TypeError(
      'SES failed to lockdown, Node.js domains have been initialized (SES_NO_DOMAINS)',
    );
  }
  defineProperty(hostProcess, 'domain', {
    value: null,
    configurable: false,
    writable: false,
    enumerable: false,
  });
};

module.exports = { tameDomains };
