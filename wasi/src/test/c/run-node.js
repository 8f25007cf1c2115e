// Runs a WASI program under Node's node:wasi, for comparison with Robusta in CProgramsTest.
//   node run-node.js PROGRAM.wasm SANDBOX_DIR|- [ARGS...]
// The environment given to the guest is read from NODE_WASI_ENV (NAME=VALUE lines); the sandbox
// directory, when given, is preopened as /sandbox. Exits with the guest's exit code.
'use strict';
process.removeAllListeners('warning');
const { WASI } = require('node:wasi');
const fs = require('node:fs');
const [wasmPath, sandbox, ...args] = process.argv.slice(2);
const env = {};
for (const line of (process.env.NODE_WASI_ENV || '').split('\n')) {
  const eq = line.indexOf('=');
  if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
}
const wasi = new WASI({
  version: 'preview1',
  args,
  env,
  preopens: sandbox === '-' ? {} : { '/sandbox': sandbox },
  returnOnExit: true,
});
(async () => {
  const module = await WebAssembly.compile(fs.readFileSync(wasmPath));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  process.exitCode = wasi.start(instance);
})();
