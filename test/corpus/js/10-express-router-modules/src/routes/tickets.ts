// Ticket routes: creating a ticket classifies it "in the background" by dropping the promise.
import { Router } from 'express';
import { classifyTicket } from '../services/ai';

export const tickets = Router();

tickets.post('/', async (req, res) => {
  const ticket = { id: Date.now().toString(36), text: String(req.body.text) };
  classifyTicket(ticket.text); // expect: unawaited-llm-call
  res.status(201).json(ticket);
});

tickets.post('/classify', async (req, res) => {
  res.json({ category: await classifyTicket(String(req.body.text)) });
});
