'use strict';
// Loaded by the `ses/module-source` entries, after ModuleSource itself: whoever imports
// ModuleSource is about to load modules, so the addon and the module loader are loaded
// now, at import time (as ses's single bundle loads everything), rather than inside
// the first `compartment.import()`. Loading only: nothing is run or handed out.

const { preloadBinding } = require('../native.js');
const { preloadModuleRoom } = require('../compartment/module-bridge.js');

preloadBinding();
preloadModuleRoom();
