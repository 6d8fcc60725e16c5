// Article routes: drafting with the shared writer model, reviewing with the bounded reviewer.
import { Router } from 'express';
import { writer, headline } from '../lib/gemini';
import reviewer from '../lib/reviewer';

export const articles = Router();

articles.post('/draft', async (req, res) => {
  const draft = await writer.generateContent(req.body.outline);
  res.json({ draft: draft.response.text(), title: await headline(req.body.outline) });
});

articles.post('/review', async (req, res) => {
  const review = await reviewer.generateContent(`Review this article:\n${req.body.text}`);
  res.json({ review: review.response.text() });
});
