// Express chat on Groq: groq-sdk waits 60 s per attempt over 3 attempts and backoff, 3 minutes in all.
// corpus: labels llm-call-without-timeout
import express from 'express';
import Groq from 'groq-sdk';

const app = express();
app.use(express.json());

const groq = new Groq({ apiKey: process.env.GROQ_API_KEY }); // expect: llm-call-without-timeout
// One attempt of 60 s: short enough.
const quick = new Groq({ apiKey: process.env.GROQ_API_KEY, maxRetries: 0 });

app.post('/chat', async (req, res) => {
  const completion = await groq.chat.completions.create({
    model: 'llama-3.3-70b-versatile',
    messages: [{ role: 'user', content: req.body.message }],
  });
  res.json({ reply: completion.choices[0].message.content });
});

app.post('/classify', async (req, res) => {
  const completion = await quick.chat.completions.create({
    model: 'llama-3.1-8b-instant',
    messages: [{ role: 'user', content: `One word label: ${req.body.message}` }],
  });
  res.json({ label: completion.choices[0].message.content });
});

app.listen(3000);
