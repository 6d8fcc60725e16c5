// Controllers: registered as routes in routes/index.js.
const fs = require('fs');
const llm = require('../services/llm');

exports.chat = async (req, res) => {
  const answer = await llm.ask(req.body.question);
  res.json({ answer });
};

exports.feedback = async (req, res) => {
  llm.ask(`Classify this feedback: ${req.body.text}`); // expect: unawaited-llm-call
  res.status(204).end();
};

exports.explain = async (req, res) => {
  const context = llm.repoContext(); // expect: blocking-call-in-async-handler
  const rules = fs.readFileSync('rules.md', 'utf8'); // expect: blocking-call-in-async-handler
  res.json({ answer: await llm.ask(`${rules}\n${context}\n${req.body.question}`) });
};
