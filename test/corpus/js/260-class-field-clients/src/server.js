// Express routes over the static-field v3 clients.
const express = require('express');
const { Completions } = require('./completions');

const app = express();
app.use(express.json());

app.post('/complete', async (req, res) => {
  res.json({ text: await Completions.complete(req.body.prompt) });
});

app.post('/title', async (req, res) => {
  res.json({ title: await Completions.title(req.body.text) });
});

app.listen(3000);
