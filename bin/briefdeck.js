#!/usr/bin/env node
// CommonJS (bin/package.json), so it runs before Node's ES module loader starts: a command that parses a briefing
// starts its parse worker first (src/early-sandbox.ts), and the worker's start-up overlaps the CLI's loading.
require('../lib/early-sandbox.cjs');
import('../lib/main.js');
