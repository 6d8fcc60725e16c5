// Python LLM SDKs as data: client classes and their async twins, call surfaces, defaults.
// Facts come from the SDK catalog research (each SDK's own source); adding an SDK is adding a row.

export interface PyClientClass {
  /** Fully qualified name as imported, e.g. `openai.OpenAI`. */
  qname: string;
  async: boolean;
  /** The class to switch to (sync → async), if the SDK has one with the same constructor. */
  asyncTwin?: string;
}

export interface PySdk {
  id: string;
  /** Top-level import package(s). */
  modules: string[];
  classes: PyClientClass[];
  /** Client methods that return a client (same class), not an API call. */
  clientReturning: string[];
  /** Attributes of the client tree that are not API calls when called (helpers, close, ...). */
  nonApiMethods: string[];
  /** On the async client: methods returning a stream manager used with `async with`, not awaitable. */
  asyncContextManagers: string[];
  /** On the async client: methods that are async generators (iterate, do not await). */
  asyncGenerators: string[];
  /**
   * Module-level functions/proxies that call the API synchronously, as qualified-name prefixes
   * (a prefix ending in `.` matches any attribute path below it).
   */
  moduleSync: string[];
  /** Module-level coroutine functions. */
  moduleAsync: string[];
  defaults: { timeoutSeconds: number | null; retries: number };
}

const STAINLESS_CLIENT_RETURNING = ['with_options', 'copy'];
const STAINLESS_NON_API = ['close', 'aclose', 'with_raw_response', 'with_streaming_response', 'is_closed', 'platform_headers', 'auth_headers', 'default_headers', 'qs', 'custom_auth'];

function stainless(id: string, modules: string[], pairs: [string, string][], defaults: PySdk['defaults'], extra: Partial<PySdk> = {}): PySdk {
  const classes: PyClientClass[] = [];
  for (const [sync, async] of pairs) {
    classes.push({ qname: sync, async: false, asyncTwin: async });
    classes.push({ qname: async, async: true });
  }
  return {
    id,
    modules,
    classes,
    clientReturning: STAINLESS_CLIENT_RETURNING,
    nonApiMethods: STAINLESS_NON_API,
    asyncContextManagers: ['stream'],
    asyncGenerators: [],
    moduleSync: [],
    moduleAsync: [],
    defaults,
    ...extra,
  };
}

export const PYTHON_SDKS: PySdk[] = [
  stainless(
    'openai',
    ['openai'],
    [
      ['openai.OpenAI', 'openai.AsyncOpenAI'],
      ['openai.Client', 'openai.AsyncClient'],
      ['openai.AzureOpenAI', 'openai.AsyncAzureOpenAI'],
      ['openai.BedrockOpenAI', 'openai.AsyncBedrockOpenAI'],
      ['openai.lib.azure.AzureOpenAI', 'openai.lib.azure.AsyncAzureOpenAI'],
    ],
    { timeoutSeconds: 600, retries: 2 },
    {
      // The module-level API proxies a lazily built *sync* client; legacy 0.x resources too.
      moduleSync: [
        'openai.chat.', 'openai.completions.', 'openai.embeddings.', 'openai.images.', 'openai.audio.', 'openai.moderations.',
        'openai.responses.', 'openai.files.', 'openai.batches.', 'openai.beta.', 'openai.fine_tuning.', 'openai.models.',
        'openai.ChatCompletion.create', 'openai.Completion.create', 'openai.Embedding.create', 'openai.Image.create',
        'openai.Moderation.create', 'openai.Edit.create',
      ],
      moduleAsync: ['openai.ChatCompletion.acreate', 'openai.Completion.acreate', 'openai.Embedding.acreate', 'openai.Image.acreate', 'openai.Moderation.acreate'],
    },
  ),
  stainless(
    'anthropic',
    ['anthropic'],
    [
      ['anthropic.Anthropic', 'anthropic.AsyncAnthropic'],
      ['anthropic.Client', 'anthropic.AsyncClient'],
      ['anthropic.AnthropicBedrock', 'anthropic.AsyncAnthropicBedrock'],
      ['anthropic.AnthropicBedrockMantle', 'anthropic.AsyncAnthropicBedrockMantle'],
      ['anthropic.AnthropicVertex', 'anthropic.AsyncAnthropicVertex'],
      ['anthropic.AnthropicFoundry', 'anthropic.AsyncAnthropicFoundry'],
      ['anthropic.AnthropicAWS', 'anthropic.AsyncAnthropicAWS'],
      ['anthropic.AnthropicGoogleCloud', 'anthropic.AsyncAnthropicGoogleCloud'],
      ['anthropic.lib.bedrock.AnthropicBedrock', 'anthropic.lib.bedrock.AsyncAnthropicBedrock'],
      ['anthropic.lib.vertex.AnthropicVertex', 'anthropic.lib.vertex.AsyncAnthropicVertex'],
    ],
    { timeoutSeconds: 600, retries: 2 },
  ),
  stainless('groq', ['groq'], [['groq.Groq', 'groq.AsyncGroq']], { timeoutSeconds: 60, retries: 2 }),
  stainless('together', ['together'], [['together.Together', 'together.AsyncTogether']], { timeoutSeconds: 60, retries: 5 }),
  stainless(
    'fireworks',
    ['fireworks'],
    [
      ['fireworks.Fireworks', 'fireworks.AsyncFireworks'],
      ['fireworks.client.Fireworks', 'fireworks.client.AsyncFireworks'],
    ],
    { timeoutSeconds: 60, retries: 2 },
    { moduleSync: ['fireworks.client.ChatCompletion.create', 'fireworks.client.Completion.create'], moduleAsync: ['fireworks.client.ChatCompletion.acreate', 'fireworks.client.Completion.acreate'] },
  ),
];

export interface ClassHit {
  sdk: PySdk;
  cls: PyClientClass;
}

const CLASS_INDEX = new Map<string, ClassHit>();
for (const sdk of PYTHON_SDKS) for (const cls of sdk.classes) CLASS_INDEX.set(cls.qname, { sdk, cls });

export function findClientClass(qname: string): ClassHit | undefined {
  return CLASS_INDEX.get(qname);
}

export interface ModuleFunctionHit {
  sdk: PySdk;
  async: boolean;
}

/**
 * Matches a qualified name of a module-level API function (`openai.chat.completions.create`).
 * With `exact`, prefix entries (`openai.chat.`) do not match: used while a chain is still growing.
 */
export function findModuleFunction(qname: string, exact = false): ModuleFunctionHit | undefined {
  for (const sdk of PYTHON_SDKS) {
    if (sdk.moduleAsync.includes(qname)) return { sdk, async: true };
    for (const p of sdk.moduleSync) {
      if (p.endsWith('.') ? !exact && qname.startsWith(p) && qname.length > p.length : qname === p) return { sdk, async: false };
    }
  }
  return undefined;
}

/** True when `qname` could be a prefix of some module-level function (keeps attribute chains alive). */
export function isModuleFunctionPrefix(qname: string): boolean {
  for (const sdk of PYTHON_SDKS) {
    for (const p of [...sdk.moduleSync, ...sdk.moduleAsync]) if (p.startsWith(qname + '.') || qname.startsWith(p)) return true;
  }
  return false;
}

export function shortName(qname: string): string {
  return qname.slice(qname.lastIndexOf('.') + 1);
}
