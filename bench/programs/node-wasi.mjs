// Runs a WASI command module on Node's WebAssembly (V8) with node:wasi, as `robusta run` does on Robusta:
//   node --no-warnings bench/programs/node-wasi.mjs FILE.wasm [ARGS...]
// The guest gets its file name and ARGS as arguments, the standard streams, no environment and no directories;
// the process exits with the guest's exit code.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [basename(file), ...args], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
