#!/usr/bin/env node
// Run by Maven: compiles every .sol file of a folder with the pinned solc (JavaScript build, no download)
// and writes one <Contract>.json with its abi and bytecode per contract into the output folder.
//   node scripts/compile-contracts.mjs <source dir> <output dir>
import { readdirSync, readFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const [sourceDir, outDir] = process.argv.slice(2);
if (!sourceDir || !outDir) {
  console.error('usage: node scripts/compile-contracts.mjs <source dir> <output dir>');
  process.exit(2);
}
if (!existsSync(sourceDir)) {
  process.exit(0);
}
const files = readdirSync(sourceDir).filter((f) => f.endsWith('.sol'));
if (files.length === 0) {
  process.exit(0);
}
const solc = createRequire(import.meta.url)('solc');
const input = {
  language: 'Solidity',
  sources: Object.fromEntries(files.map((f) => [f, { content: readFileSync(join(sourceDir, f), 'utf8') }])),
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'paris',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
if (errors.length > 0) {
  errors.forEach((e) => console.error(e.formattedMessage));
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
let count = 0;
for (const [file, contracts] of Object.entries(output.contracts ?? {})) {
  for (const [name, artifact] of Object.entries(contracts)) {
    writeFileSync(join(outDir, `${name}.json`),
      JSON.stringify({ source: file, abi: artifact.abi, bytecode: '0x' + artifact.evm.bytecode.object }, null, 1));
    count++;
  }
}
console.log(`[contracts] ${count} contract(s) from ${sourceDir} compiled with solc ${solc.version()}`);
