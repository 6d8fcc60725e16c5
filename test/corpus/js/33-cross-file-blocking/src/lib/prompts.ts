// Prompt loading in a library module: synchronous reads, called per request from the routes module.
import fs from 'node:fs';
import path from 'node:path';

export function loadPrompt(name: string): string {
  return fs.readFileSync(path.join('prompts', `${name}.md`), 'utf8'); // expect: blocking-call-in-async-handler
}
