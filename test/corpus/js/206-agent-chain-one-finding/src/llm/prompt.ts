// Prompt loader and model call: the template is read synchronously each time, then sent to a local model.
import fs from 'fs';
import path from 'path';

const OLLAMA = process.env.OLLAMA_HOST || 'http://localhost:11434';

export async function runPrompt(file: string, vars: Record<string, string>): Promise<string> {
  let prompt = fs.readFileSync(path.join(process.cwd(), file), 'utf8'); // expect: blocking-call-in-async-handler
  for (const [k, v] of Object.entries(vars)) prompt = prompt.split(`{{${k}}}`).join(v);
  const res = await fetch(`${OLLAMA}/api/generate`, { method: 'POST', body: JSON.stringify({ model: 'llama3.1', prompt, stream: false }), signal: AbortSignal.timeout(120_000) });
  return (await res.json()).response;
}
