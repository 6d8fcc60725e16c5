// Search with Cohere rerank: documents are listed synchronously per request, and the rerank result is
// destructured before it exists.
import express from 'express';
import fs from 'fs';
import { CohereClientV2 } from 'cohere-ai';

const cohere = new CohereClientV2({ token: process.env.CO_API_KEY, timeoutInSeconds: 30 });
const app = express();
app.use(express.json());

function loadDocuments(dir: string): string[] {
  return fs.readdirSync(dir).map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8')); // expect: blocking-call-in-async-handler, blocking-call-in-async-handler
}

app.post('/search', async (req, res) => {
  const documents = loadDocuments('docs');
  const { results } = cohere.rerank({ model: 'rerank-v3.5', query: req.body.query, documents, topN: 5 }); // expect: unawaited-llm-call
  res.json(results);
});

app.post('/search-ok', async (req, res) => {
  const documents = await Promise.all((await fs.promises.readdir('docs')).map((f) => fs.promises.readFile(`docs/${f}`, 'utf8')));
  const { results } = await cohere.rerank({ model: 'rerank-v3.5', query: req.body.query, documents, topN: 5 });
  res.json(results);
});

app.listen(3000);
