// Express app on openai-node v3 (axios underneath): no timeout and no retries unless the request config says so.
// corpus: labels llm-call-without-timeout, llm-http-without-retry
const express = require('express');
const { Configuration, OpenAIApi } = require('openai');

const configuration = new Configuration({ apiKey: process.env.OPENAI_API_KEY });
const openai = new OpenAIApi(configuration); // expect: llm-call-without-timeout, llm-http-without-retry

const app = express();
app.use(express.json());

app.post('/chat', async (req, res) => {
  const completion = await openai.createChatCompletion({
    model: 'gpt-3.5-turbo',
    messages: [{ role: 'user', content: req.body.message }],
  });
  res.json({ reply: completion.data.choices[0].message.content });
});

app.post('/complete', (req, res) => {
  openai.createCompletion({ model: 'gpt-3.5-turbo-instruct', prompt: req.body.prompt }) // expect: unawaited-llm-call
    .then((r) => res.json({ text: r.data.choices[0].text }));
});

app.listen(3000);
