// The hover's effective timeout and retry policy for SDK rows whose defaults differ from openai's
// 600 s × 3 attempts: none at all, short timeouts, more retries, retries that skip timeouts, botocore retry
// modes, class-specific defaults, module globals, and wrappers that multiply attempts (Python and JS/TS).

import * as assert from 'assert';
import { testEngine } from '../helpers/engine';

/** The hover at the first occurrence of `marker` in `text`. */
async function hover(file: string, text: string, marker: string): Promise<string> {
  const engine = await testEngine();
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(marker));
  assert.ok(line >= 0, marker);
  const md = engine.hover(file, text, { line, character: lines[line].indexOf(marker) + 1 });
  assert.ok(md, `a hover at ${marker}`);
  return md;
}

const py = (text: string, marker: string) => hover('/w/rows.py', text, marker);
const ts = (text: string, marker: string) => hover('/w/rows.ts', text, marker);

function row(md: string, name: 'timeout per attempt' | 'attempts' | 'worst-case wait'): string {
  const m = new RegExp(`\\| ${name} \\| ([^|]+) \\| ([^|]+) \\|`).exec(md);
  assert.ok(m, `${name} row in\n${md}`);
  return `${m[1].trim()} | ${m[2].trim()}`;
}

describe('effective policy per SDK row (hover)', () => {
  describe('Python', () => {
    it('google-genai: no timeout and a single attempt unless HttpOptions sets them', async () => {
      const md = await py('from google import genai\nc = genai.Client()\nc.models.generate_content(model="g", contents="x")\n', 'c.models');
      assert.strictEqual(row(md, 'timeout per attempt'), 'no limit | google-genai default');
      assert.strictEqual(row(md, 'attempts'), '1 (0 retries) | google-genai default');
      assert.strictEqual(row(md, 'worst-case wait'), 'no limit | timeout × attempts + backoff');
      const set = await py('from google import genai\nfrom google.genai import types\nc = genai.Client(http_options=types.HttpOptions(timeout=20_000, retry_options=types.HttpRetryOptions(attempts=3)))\nc.models.generate_content(model="g", contents="x")\n', 'c.models');
      assert.match(row(set, 'timeout per attempt'), /^20 s \| `http_options` timeout `20_000` \(milliseconds\)$/);
      assert.match(row(set, 'attempts'), /^3 \(2 retries\)/);
      const dict = await py('from google import genai\nc = genai.Client(http_options={"timeout": 45000})\nc.models.generate_content(model="g", contents="x")\n', 'c.models');
      assert.match(row(dict, 'timeout per attempt'), /^45 s \|/);
    });

    it('together retries 5 times (6 attempts) at 60 s each', async () => {
      const md = await py('from together import Together\nc = Together()\nc.chat.completions.create(model="m", messages=[])\n', 'c.chat');
      assert.strictEqual(row(md, 'timeout per attempt'), '60 s | together default');
      assert.strictEqual(row(md, 'attempts'), '6 (5 retries) | together default');
    });

    it('groq waits 60 s per attempt, 3 attempts', async () => {
      const md = await py('from groq import Groq\nc = Groq()\nc.chat.completions.create(model="m", messages=[])\n', 'c.chat');
      assert.strictEqual(row(md, 'timeout per attempt'), '60 s | groq default');
      assert.strictEqual(row(md, 'attempts'), '3 (2 retries) | groq default');
    });

    it('cohere: 5 min per attempt, 3 attempts, but a timed-out attempt is not retried', async () => {
      const md = await py('import cohere\nco = cohere.ClientV2()\nco.chat(model="m", messages=[])\n', 'co.chat');
      assert.strictEqual(row(md, 'timeout per attempt'), '5 min | cohere default');
      assert.strictEqual(row(md, 'attempts'), '3 (2 retries) | cohere default');
      assert.match(row(md, 'worst-case wait'), /^5 min \|/);
      assert.match(md, /does not retry a timed-out attempt/);
      const perCall = await py('import cohere\nco = cohere.ClientV2()\nco.chat(model="m", messages=[], request_options={"timeout": 20, "max_retries": 1})\n', 'co.chat');
      assert.match(row(perCall, 'timeout per attempt'), /^20 s \| `request_options` timeout `20`$/);
      assert.match(row(perCall, 'attempts'), /^2 \(1 retry\) \| `request_options` max_retries `1`$/);
    });

    it('huggingface_hub InferenceClient: no timeout, no retries', async () => {
      const md = await py('from huggingface_hub import InferenceClient\nhf = InferenceClient(model="m")\nhf.chat_completion(messages=[])\n', 'hf.chat');
      assert.strictEqual(row(md, 'timeout per attempt'), 'no limit | huggingface_hub default');
      assert.strictEqual(row(md, 'attempts'), '1 (0 retries) | huggingface_hub default');
    });

    it('boto3 bedrock-runtime: 60 s read timeout; legacy mode 5 attempts, standard 3, max_attempts counts retries', async () => {
      const head = 'import boto3\nfrom botocore.config import Config\n';
      const legacy = await py(`${head}br = boto3.client("bedrock-runtime")\nbr.converse(modelId="m", messages=[])\n`, 'br.converse');
      assert.strictEqual(row(legacy, 'timeout per attempt'), '60 s | boto3-bedrock default');
      assert.strictEqual(row(legacy, 'attempts'), '5 (4 retries) | boto3-bedrock default');
      const standard = await py(`${head}br = boto3.client("bedrock-runtime", config=Config(retries={"mode": "standard"}))\nbr.converse(modelId="m", messages=[])\n`, 'br.converse');
      assert.strictEqual(row(standard, 'timeout per attempt'), '60 s | boto3-bedrock default');
      assert.strictEqual(row(standard, 'attempts'), '3 (2 retries) | botocore `standard` retry mode');
      const tuned = await py(`${head}br = boto3.client("bedrock-runtime", config=Config(read_timeout=300, retries={"max_attempts": 1, "mode": "adaptive"}))\nbr.converse(modelId="m", messages=[])\n`, 'br.converse');
      assert.strictEqual(row(tuned, 'timeout per attempt'), '5 min | `Config(read_timeout=300)`');
      assert.match(row(tuned, 'attempts'), /^2 \(1 retry\) \| `Config\(retries=…max_attempts=1\)`$/);
    });

    it('litellm: completion 10 min; Router falls back to litellm.request_timeout (100 min) and 2 retries; globals override', async () => {
      const completion = await py('import litellm\nlitellm.completion(model="m", messages=[])\n', 'litellm.completion');
      assert.strictEqual(row(completion, 'timeout per attempt'), '10 min | litellm default');
      const router = await py('from litellm import Router\nr = Router(model_list=[])\nr.completion(model="m", messages=[])\n', 'r.completion');
      assert.strictEqual(row(router, 'timeout per attempt'), '100 min | litellm `Router` default');
      assert.strictEqual(row(router, 'attempts'), '3 (2 retries) | litellm `Router` default');
      const global = await py('import litellm\nlitellm.request_timeout = 30\nlitellm.completion(model="m", messages=[])\n', 'litellm.completion(');
      assert.strictEqual(row(global, 'timeout per attempt'), '30 s | `litellm.request_timeout = 30`');
    });

    it('openai 0.x module functions take request_timeout; their timeout= is not the HTTP timeout', async () => {
      const md = await py('import openai\nopenai.ChatCompletion.create(model="m", messages=[], timeout=30)\n', 'openai.ChatCompletion');
      assert.strictEqual(row(md, 'timeout per attempt'), '10 min | openai 0.x default');
      assert.strictEqual(row(md, 'attempts'), '1 (0 retries) | openai 0.x default');
      const set = await py('import openai\nopenai.ChatCompletion.create(model="m", messages=[], request_timeout=30)\n', 'openai.ChatCompletion');
      assert.strictEqual(row(set, 'timeout per attempt'), '30 s | `request_timeout=30`');
    });

    it('class defaults: LangChain ChatMistralAI 120 s × 6, ChatGoogleGenerativeAI 7 attempts, ChatOllama reads client_kwargs', async () => {
      const mistral = await py('from langchain_mistralai import ChatMistralAI\nm = ChatMistralAI(model="x")\nm.invoke("q")\n', 'm.invoke');
      assert.strictEqual(row(mistral, 'timeout per attempt'), '2 min | langchain `ChatMistralAI` default');
      assert.strictEqual(row(mistral, 'attempts'), '6 (5 retries) | langchain `ChatMistralAI` default');
      const google = await py('from langchain_google_genai import ChatGoogleGenerativeAI\nm = ChatGoogleGenerativeAI(model="x")\nm.invoke("q")\n', 'm.invoke');
      assert.match(row(google, 'attempts'), /^7 \(6 retries\)/);
      const ollama = await py('from langchain_ollama import ChatOllama\nm = ChatOllama(model="x", client_kwargs={"timeout": 90})\nm.invoke("q")\n', 'm.invoke');
      assert.strictEqual(row(ollama, 'timeout per attempt'), '90 s | `client_kwargs` timeout `90`');
    });

    it('instructor: max_retries counts its own attempts around the SDK’s', async () => {
      const md = await py('import instructor\nfrom openai import OpenAI\nc = instructor.from_openai(OpenAI(timeout=20))\nc.chat.completions.create(model="m", response_model=dict, messages=[], max_retries=2)\n', 'c.chat');
      assert.match(row(md, 'attempts'), /^6 \(5 retries\) \| `max_retries=2` \(instructor attempts\) × 3 openai attempts/);
    });

    it('raw HTTP reads the session: aiohttp ClientTimeout, httpx.Client(timeout=None)', async () => {
      const aio = await py('import aiohttp\nasync def f():\n    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=45)) as s:\n        await s.post("https://api.openai.com/v1/chat/completions", json={})\n', 's.post');
      assert.strictEqual(row(aio, 'timeout per attempt'), '45 s | `timeout=aiohttp.ClientTimeout(total=45)`');
      const hx = await py('import httpx\nc = httpx.Client(timeout=None)\nc.post("https://api.openai.com/v1/chat/completions", json={})\n', 'c.post');
      assert.strictEqual(row(hx, 'timeout per attempt'), 'no limit | `timeout=None`');
    });
  });

  describe('JS/TS', () => {
    it('groq-sdk: 60 s per attempt, 3 attempts', async () => {
      const md = await ts("import Groq from 'groq-sdk';\nconst g = new Groq();\nawait g.chat.completions.create({ model: 'm', messages: [] });\n", 'g.chat');
      assert.strictEqual(row(md, 'timeout per attempt'), '60 s | groq default');
      assert.strictEqual(row(md, 'attempts'), '3 (2 retries) | groq default');
    });

    it('@google/genai: none, so Node’s fetch cuts at 300 s; a set timeout is kept (the SDK raises undici’s limits)', async () => {
      const none = await ts("import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\nawait ai.models.generateContent({ model: 'g', contents: 'x' });\n", 'ai.models');
      assert.match(row(none, 'timeout per attempt'), /^5 min \| google-genai default, cut by Node's fetch/);
      assert.strictEqual(row(none, 'attempts'), '1 (0 retries) | google-genai default');
      const set = await ts("import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({ httpOptions: { timeout: 600_000 } });\nawait ai.models.generateContent({ model: 'g', contents: 'x' });\n", 'ai.models');
      assert.match(row(set, 'timeout per attempt'), /^10 min \| `httpOptions.timeout: 600_000`/);
    });

    it('cohere-ai: 300 s per attempt in seconds, a timed-out attempt is not retried', async () => {
      const md = await ts("import { CohereClientV2 } from 'cohere-ai';\nconst co = new CohereClientV2({ timeoutInSeconds: 45 });\nawait co.chat({ model: 'm', messages: [] });\n", 'co.chat');
      assert.match(row(md, 'timeout per attempt'), /^45 s \| `timeoutInSeconds: 45`/);
      assert.strictEqual(row(md, 'attempts'), '3 (2 retries) | cohere default');
      assert.match(row(md, 'worst-case wait'), /^45 s \|/);
    });

    it('mistral: 300 s per attempt, no retries; LangChain ChatOpenAI: 7 attempts', async () => {
      const mistral = await ts("import { Mistral } from '@mistralai/mistralai';\nconst m = new Mistral({});\nawait m.chat.complete({ model: 'm', messages: [] });\n", 'm.chat');
      assert.strictEqual(row(mistral, 'timeout per attempt'), '5 min | mistral default');
      assert.strictEqual(row(mistral, 'attempts'), '1 (0 retries) | mistral default');
      const lc = await ts("import { ChatOpenAI } from '@langchain/openai';\nconst m = new ChatOpenAI({ timeout: 20_000 });\nawait m.invoke('q');\n", 'm.invoke');
      assert.strictEqual(row(lc, 'attempts'), '7 (6 retries) | langchain default');
    });
  });

  describe('finding messages state the default: timeout per attempt with its unit, and attempts', () => {
    async function message(file: string, text: string): Promise<string[]> {
      const engine = await testEngine();
      return engine.analyze(file, text).findings.filter((f) => f.rule === 'llm-call-without-timeout').map((f) => f.message);
    }

    it('Python', async () => {
      const [openai] = await message('/w/m.py', 'from openai import OpenAI\nc = OpenAI()\nc.chat.completions.create(model="m", messages=[])\n');
      assert.match(openai, /the openai default is 10 min per attempt, 3 attempts \(2 retries\): up to 30 min/);
      const [gemini] = await message('/w/m.py', 'from google import genai\nc = genai.Client()\nc.models.generate_content(model="g", contents="x")\n');
      assert.match(gemini, /the google-genai default is no timeout at all, 1 attempt \(no retries\)/);
      const [cohere] = await message('/w/m.py', 'import cohere\nco = cohere.Client()\nco.chat(message="x")\n');
      assert.match(cohere, /5 min per attempt, 3 attempts \(2 retries, none after a timeout\): up to 5 min/);
      const [router] = await message('/w/m.py', 'from litellm import Router\nr = Router(model_list=[])\nr.completion(model="m", messages=[])\n');
      assert.match(router, /the litellm `Router` default is 100 min per attempt, 3 attempts \(2 retries\)/);
      const [legacy] = await message('/w/m.py', 'import openai\nopenai.ChatCompletion.create(model="m", messages=[], timeout=30)\n');
      assert.match(legacy, /`timeout=30` is not the HTTP timeout of openai 0\.x.*10 min per attempt, 1 attempt \(no retries\)/);
    });

    it('JS/TS', async () => {
      const [openai] = await message('/w/m.ts', "import OpenAI from 'openai';\nconst c = new OpenAI();\nawait c.chat.completions.create({ model: 'm', messages: [] });\n");
      assert.match(openai, /the SDK default is 600 s per attempt, 3 attempts \(2 retries\): up to 30 min, though Node's fetch gives up after 300 s/);
      const [mistral] = await message('/w/m.ts', "import { Mistral } from '@mistralai/mistralai';\nconst m = new Mistral({});\nawait m.chat.complete({ model: 'm', messages: [] });\n");
      assert.match(mistral, /300 s \(60 s before 2\.3\) per attempt, 1 attempt \(no retries\)/);
      const [ai] = await message('/w/m.ts', "import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nawait generateText({ model: openai('gpt-4o'), prompt: 'x' });\n");
      assert.match(ai, /the SDK sets no timeout, 3 attempts \(2 retries\)/);
      // 60 s per attempt is short, 3 attempts are not; one attempt of 60 s is.
      const [groq] = await message('/w/m.ts', "import Groq from 'groq-sdk';\nconst g = new Groq();\nawait g.chat.completions.create({ model: 'm', messages: [] });\n");
      assert.match(groq, /60 s per attempt, 3 attempts \(2 retries\): up to 3 min/);
      assert.deepStrictEqual(await message('/w/m.ts', "import Groq from 'groq-sdk';\nconst g = new Groq({ maxRetries: 0 });\nawait g.chat.completions.create({ model: 'm', messages: [] });\n"), [], 'groq-sdk 60 s once is short enough');
    });
  });
});
