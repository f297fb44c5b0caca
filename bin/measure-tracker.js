#!/usr/bin/env node
// The package bin: runs the TypeScript command line with Node's built-in type stripping (Node ≥ 22.18).
import '../src/cli/main.ts'
