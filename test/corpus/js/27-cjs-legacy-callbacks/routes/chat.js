// Legacy CommonJS router mixing callbacks and promises: one route logs the promise instead of the answer.
const express = require('express');
const { OpenAI } = require('openai');

const router = express.Router();
const client = new OpenAI({ timeout: 20000 });

function complete(prompt) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
}

router.post('/debug', function (req, res) {
  const result = complete(req.body.prompt); // expect: unawaited-llm-call
  console.log('completion', result);
  res.json({ ok: true });
});

router.post('/', function (req, res, next) {
  complete(req.body.prompt)
    .then(function (r) {
      res.json({ text: r.choices[0].message.content });
    })
    .catch(next);
});

module.exports = router;
