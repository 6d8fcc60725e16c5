// Sync template helper.
import { readFileSync } from 'fs';

export function loadTemplate(name: string): string {
  return readFileSync(`templates/${name}`, 'utf8'); // expect: blocking-call-in-async-handler
}
