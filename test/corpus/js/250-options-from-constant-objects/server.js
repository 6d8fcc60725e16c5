// Express routes over the three services.
import express from 'express';
import { azureChat, boundedChat } from './services/openai.js';
import { reply } from './services/anthropic.js';
import summary from './services/summary.js';

const app = express();
app.use(express.json());

app.post('/azure', async (req, res) => res.json({ text: await azureChat(req.body.prompt) }));
app.post('/openai', async (req, res) => res.json({ text: await boundedChat(req.body.prompt) }));
app.post('/claude', async (req, res) => res.json({ content: await reply(req.body.messages) }));
app.post('/summary', async (req, res) => res.json({ text: await summary.summarize(req.body.text) }));

app.listen(8080);
