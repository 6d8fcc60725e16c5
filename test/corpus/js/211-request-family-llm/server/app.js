// Koa chat server whose routes post to LLM APIs with the `request` family (request, request-promise):
// the options object carries the URL as `uri`/`url`; request sets no timeout and never retries.
// corpus: labels llm-call-without-timeout, llm-http-without-retry
const Koa = require('koa');
const Router = require('koa-router');
const request = require('request');
const { complete, completeBounded, starsOf } = require('./utils/llm');

const app = new Koa();
const router = new Router();

router.post('/messages', async (ctx) => {
  const out = await complete(ctx.request.body.msg);
  ctx.body = { msg: out };
});

router.post('/messages/bounded', async (ctx) => {
  ctx.body = { msg: await completeBounded(ctx.request.body.msg) };
});

router.get('/stars', async (ctx) => {
  ctx.body = { stars: await starsOf(ctx.query.repo) };
});

// A local model server with a timeout, in the callback form `request.post(url, options, callback)`.
router.post('/local', async (ctx) => {
  ctx.body = await new Promise((resolve, reject) => {
    request.post('http://localhost:11434/api/generate', { json: true, timeout: 120000, body: { model: 'llama3.1', prompt: ctx.request.body.msg, stream: false } }, (err, res, body) => (err ? reject(err) : resolve(body)));
  });
});

// The callback form to a hosted API, options first, no timeout and no retry.
router.post('/anthropic', async (ctx) => {
  ctx.body = await new Promise((resolve, reject) => {
    request({ method: 'POST', url: 'https://api.anthropic.com/v1/messages', json: true, headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY, 'anthropic-version': '2023-06-01' }, body: { model: 'claude-3-5-haiku-latest', max_tokens: 512, messages: [{ role: 'user', content: ctx.request.body.msg }] } }, (err, res, body) => (err ? reject(err) : resolve(body))); // expect: llm-call-without-timeout, llm-http-without-retry
  });
});

app.use(router.routes());
app.listen(3001);
