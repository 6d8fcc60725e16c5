// What kind of client started the server: the VS Code extension (which offers the load-test CodeLens
// command and synchronizes file events itself) or any other LSP client (Neovim, Helix, Zed, Emacs…),
// whose settings come from `initializationOptions` or pushed `workspace/didChangeConfiguration`.

export interface ClientProfile {
  /** The VS Code extension: `initializationOptions.vscode === true`. */
  vscode: boolean;
  /** Settings given at initialize (`initializationOptions.settings`, or the options themselves). */
  settings: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function clientProfile(initializationOptions: unknown): ClientProfile {
  if (!isObject(initializationOptions)) return { vscode: false, settings: undefined };
  const vscode = initializationOptions.vscode === true;
  const raw = isObject(initializationOptions.settings) ? initializationOptions.settings : isObject(initializationOptions.loopsafe) ? initializationOptions.loopsafe : initializationOptions;
  return { vscode, settings: raw };
}

/** Settings pushed with `workspace/didChangeConfiguration`: `{ loopsafe: {...} }` or the section itself. */
export function pushedSettings(settings: unknown): unknown {
  if (!isObject(settings)) return undefined;
  return isObject(settings.loopsafe) ? settings.loopsafe : settings;
}

/** Files whose changes matter, for clients that do not synchronize file events themselves. */
export const SOURCE_GLOBS = [
  '**/*.{py,js,mjs,cjs,jsx,ts,mts,cts,tsx}',
  '**/{Procfile,Dockerfile,Dockerfile.*,*.dockerfile,*compose*.yml,*compose*.yaml,vercel.json,wrangler.toml,wrangler.json,serverless.yml,serverless.yaml,template.yaml,template.yml,*.conf,*.sh,Makefile,tsconfig.json,jsconfig.json}',
];
