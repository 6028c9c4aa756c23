#!/usr/bin/env node
// Renders every bpmn/*.bpmn to docs/diagrams/<name>.svg with bpmn-js (pinned in scripts/diagrams/package.json)
// in Debian's headless Chromium, from the files' own diagram interchange. Each SVG carries the SHA-256 of the
// BPMN file it was made from, so diagrams.DiagramsTest fails when a model changed and its diagram did not.
//
//   node scripts/render-diagrams.mjs            (CHROMIUM=/path/to/chromium to use another browser)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const models = join(root, 'bpmn');
const out = join(root, 'docs', 'diagrams');
const tools = join(root, 'scripts', 'diagrams');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';

installBpmnJs();
if (!existsSync(chromium)) {
  fail(`no Chromium at ${chromium} (install Debian's chromium, or set CHROMIUM)`);
}
const viewer = join(tools, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'recovery-desk-diagrams-'));
try {
  for (const file of readdirSync(models).filter((f) => f.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(models, file), 'utf8');
    const svg = render(file, xml);
    const target = join(out, basename(file, '.bpmn') + '.svg');
    writeFileSync(target, stamped(svg, file, readFileSync(join(models, file))));
    console.log(`[diagrams] ${file} -> ${target.substring(root.length + 1)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** npm ci in scripts/diagrams when its node_modules is missing or older than its lock file. */
function installBpmnJs() {
  const lock = join(tools, 'package-lock.json');
  const installed = join(tools, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
    return;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: tools, stdio: 'inherit' });
  if (result.status !== 0) {
    fail('npm ci in scripts/diagrams failed: bpmn-js is needed to render the diagrams');
  }
}

/** One page that imports the model into the viewer and puts the SVG, base64, into the DOM Chromium dumps. */
function render(file, xml) {
  const page = join(work, basename(file, '.bpmn') + '.html');
  writeFileSync(page, `<!doctype html>
<html><head><meta charset="utf-8"></head>
<body><div id="canvas" style="width: 3200px; height: 1600px"></div>
<script src="${pathToFileURL(viewer)}"></script>
<script>
  const viewer = new BpmnJS({ container: '#canvas' });
  const show = (id, text) => {
    const pre = document.createElement('pre');
    pre.id = id;
    pre.textContent = text;
    document.body.replaceChildren(pre);
  };
  viewer.importXML(${JSON.stringify(xml)})
    .then(({ warnings }) => warnings.length ? Promise.reject(new Error(warnings.map((w) => w.message).join('; '))) : viewer.saveSVG())
    .then(({ svg }) => show('svg', btoa(String.fromCharCode(...new TextEncoder().encode(svg)))))
    .catch((e) => show('error', e.message));
</script></body></html>
`);
  const result = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
    `--user-data-dir=${join(work, 'profile')}`, '--virtual-time-budget=20000', '--dump-dom', pathToFileURL(page).href],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (result.status !== 0) {
    fail(`Chromium failed on ${file} (exit ${result.status}): ${result.stderr}`);
  }
  const error = /<pre id="error">([\s\S]*?)<\/pre>/.exec(result.stdout);
  if (error) {
    fail(`bpmn-js could not render ${file}: ${error[1]}`);
  }
  const svg = /<pre id="svg">([A-Za-z0-9+/=]+)<\/pre>/.exec(result.stdout);
  if (!svg) {
    fail(`no diagram came back for ${file}; Chromium said: ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  }
  return Buffer.from(svg[1], 'base64').toString('utf8');
}

/** The SVG with a comment naming its model and the model's SHA-256, right after the XML declaration. */
function stamped(svg, file, bytes) {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const stamp = `<!-- rendered from bpmn/${file} bpmn-sha256:${hash} by scripts/render-diagrams.mjs -->`;
  const declaration = /^<\?xml[^>]*\?>\s*/.exec(svg);
  return declaration ? declaration[0] + stamp + '\n' + svg.substring(declaration[0].length) : stamp + '\n' + svg;
}

function fail(message) {
  console.error(`[diagrams] ${message}`);
  process.exit(1);
}
