// Bundles the extension client, the language server and the CLI into dist/, and copies the
// tree-sitter wasm files and the runtime samplers (src/sampler, shipped as they are) next to them. `node esbuild.js --watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['src/client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['src/server/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

function copyWasm() {
  const src = path.dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
  const dest = path.join(__dirname, 'dist', 'wasm');
  fs.mkdirSync(dest, { recursive: true });
  for (const f of ['tree-sitter.wasm', 'tree-sitter-python.wasm', 'tree-sitter-javascript.wasm', 'tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm']) {
    fs.copyFileSync(path.join(src, f), path.join(dest, f));
  }
}

// The samplers run inside the user's app (Python through sitecustomize, Node through --require): copied, not bundled.
function copySamplers() {
  const dest = path.join(__dirname, 'dist', 'sampler');
  fs.mkdirSync(path.join(dest, 'python'), { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'src/sampler/python/sitecustomize.py'), path.join(dest, 'python', 'sitecustomize.py'));
  fs.copyFileSync(path.join(__dirname, 'src/sampler/node/sampler.js'), path.join(dest, 'node-sampler.js'));
}

async function main() {
  const present = entries.filter((e) => fs.existsSync(e.entryPoints[0]));
  copyWasm();
  copySamplers();
  if (watch) {
    for (const e of present) {
      const ctx = await esbuild.context({ ...common, ...e, external: [...(e.external ?? []), '@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'] });
      await ctx.watch();
    }
    return;
  }
  // The engine's node_modules fallback for the wasm directory is never used from the bundle.
  const withExternals = (e) => ({ ...common, ...e, external: [...(e.external ?? []), '@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'] });
  await Promise.all(present.map((e) => esbuild.build(withExternals(e))));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
