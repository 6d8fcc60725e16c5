// Express API over a chain of async agents in other modules; the prompt loader at the end reads its template
// with readFileSync on every request. One defect: reported at the read and where each route enters the chain,
// not at every `await` of an agent in between.
import express from 'express';
import { runPipeline } from './agents/pipeline';
import { draftOutline } from './agents/outline';
import { renderReport } from './report';
import { loadTemplate } from './templates';

const app = express();
app.use(express.json());

app.post('/api/pipeline', async (req, res) => {
  const article = await runPipeline(String(req.body.topic)); // expect: blocking-call-in-async-handler
  res.json({ article });
});

app.post('/api/outline', async (req, res) => {
  const outline = await draftOutline(String(req.body.topic)); // expect: blocking-call-in-async-handler
  res.json({ outline });
});

app.get('/api/report/:id', async (req, res) => {
  res.type('html').send(await renderReport(req.params.id)); // expect: blocking-call-in-async-handler
});

// A local helper of this file leaves for the template module: the request enters the blocking code here.
async function renderInvoice(id: string): Promise<string> {
  const tpl = loadTemplate('invoice.html'); // expect: blocking-call-in-async-handler
  return tpl.replace('{{id}}', id);
}

app.get('/api/invoice/:id', async (req, res) => {
  res.type('html').send(await renderInvoice(req.params.id));
});

app.listen(3000);
