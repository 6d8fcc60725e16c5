// Look-alike of 151: openai-node v3 bounded by the configuration's axios options or per request.
// corpus: labels llm-call-without-timeout
const express = require('express');
const { Configuration, OpenAIApi } = require('openai');

const openai = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY, baseOptions: { timeout: 20_000 } }));
const plain = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }));

const app = express();
app.use(express.json());

app.post('/chat', async (req, res) => {
  const completion = await openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: req.body.message }] });
  res.json({ reply: completion.data.choices[0].message.content });
});

app.post('/complete', async (req, res) => {
  try {
    const r = await plain.createCompletion({ model: 'gpt-3.5-turbo-instruct', prompt: req.body.prompt }, { timeout: 15_000 });
    res.json({ text: r.data.choices[0].text });
  } catch (err) {
    res.status(502).json({ error: String(err) });
  }
});

app.listen(3000);
