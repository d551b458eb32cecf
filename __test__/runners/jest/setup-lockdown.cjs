'use strict';
require('ses');

lockdown();
