// A one-off CLI script: synchronous file I/O and awaited calls are fine outside a server.
import fs from 'node:fs';
import OpenAI from 'openai';

const client = new OpenAI({ timeout: 60_000 });

async function main(): Promise<void> {
  const rows: { id: string; text: string }[] = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const out: Record<string, number[]> = {};
  for (const row of rows) {
    const r = await client.embeddings.create({ model: 'text-embedding-3-small', input: row.text });
    out[row.id] = r.data[0].embedding;
  }
  fs.writeFileSync('embeddings.json', JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
