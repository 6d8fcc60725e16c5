// Koa routes answering through the chain module.
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { ask, title } from './chain.js';
import { store } from './store.js';

const app = new Koa();
const router = new Router();

router.post('/chat', async (ctx) => {
  ctx.body = { answer: await ask(store, ctx.request.body.question, ctx.request.body.history ?? []) };
});

router.post('/title', async (ctx) => {
  ctx.body = { title: await title(ctx.request.body.text) };
});

app.use(bodyParser()).use(router.routes());
app.listen(3000);
