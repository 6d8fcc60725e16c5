// Koa login: scrypt is run synchronously for each login; the signup path uses the async version.
import Koa from 'koa';
import Router from '@koa/router';
import { scryptSync, scrypt, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt);
const users = new Map<string, { salt: Buffer; hash: Buffer }>();
const app = new Koa();
const router = new Router();

router.post('/login', async (ctx) => {
  const { user, password } = ctx.request.body as { user: string; password: string };
  const record = users.get(user);
  if (!record) ctx.throw(401);
  const hash = scryptSync(password, record.salt, 64); // expect: blocking-call-in-async-handler
  ctx.body = { ok: timingSafeEqual(hash, record.hash) };
});

router.post('/signup', async (ctx) => {
  const { user, password } = ctx.request.body as { user: string; password: string };
  const salt = randomBytes(16);
  users.set(user, { salt, hash: (await scryptAsync(password, salt, 64)) as Buffer });
  ctx.status = 201;
});

app.use(router.routes());
app.listen(3000);
