// Koa middleware: per-request synchronous config reads and a git shell-out; the model call is fine.
const Koa = require('koa');
const fs = require('fs');
const { execFileSync } = require('child_process');
const { Mistral } = require('@mistralai/mistralai');

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY, timeoutMs: 30000 });
const app = new Koa();

app.use(async (ctx, next) => {
  ctx.state.flags = JSON.parse(fs.readFileSync('flags.json', 'utf8')); // expect: blocking-call-in-async-handler
  await next();
});

app.use(async (ctx) => {
  if (ctx.path === '/version') {
    ctx.body = execFileSync('git', ['describe', '--tags']).toString(); // expect: blocking-call-in-async-handler
    return;
  }
  const r = await mistral.chat.complete({ model: 'mistral-small-latest', messages: [{ role: 'user', content: String(ctx.query.q) }] });
  ctx.body = r.choices[0].message.content;
});

app.listen(3000);
