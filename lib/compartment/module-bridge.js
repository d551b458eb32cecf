'use strict';
// The module loader, linker and namespace proxies live in lib/modules/ and in turn use
// this room (compartmentEvaluate, privateFields). They are required on first use rather
// than at load time, which keeps the require graph acyclic and lets a compartment that
// never touches modules load none of that code.

const { freeze } = require('../commons.js');

let loadModule;
let linkModule;
let proxyModule;
const loadRoom = () => (loadModule ||= require('../modules/module-load.js'));
const linkRoom = () => (linkModule ||= require('../modules/module-link.js'));
const proxyRoom = () => (proxyModule ||= require('../modules/module-proxy.js'));

const load = (...args) => loadRoom().load(...args);
const loadNow = (...args) => loadRoom().loadNow(...args);
const link = (...args) => linkRoom().link(...args);
const getDeferredExports = (...args) => proxyRoom().getDeferredExports(...args);

// Loads the whole module room now rather than on first use: `ses/module-source` calls it,
// since whoever imports ModuleSource is about to load modules, and the compiling of
// these files then happens at import time (as it does for ses, whose bundle loads
// everything at once) instead of inside the first `import()`.
const preloadModuleRoom = () => {
  loadRoom();
  linkRoom();
  proxyRoom();
  require('./compartment-evaluate.js');
};

module.exports = freeze({ load, loadNow, link, getDeferredExports, preloadModuleRoom });
