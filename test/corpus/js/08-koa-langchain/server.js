// Koa + LangChain: a prompt | model chain; one route sets ctx.body to the pending promise.
const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { ChatOpenAI } = require('@langchain/openai');
const { ChatPromptTemplate } = require('@langchain/core/prompts');
const { StringOutputParser } = require('@langchain/core/output_parsers');

const model = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0, timeout: 30000 });
const prompt = ChatPromptTemplate.fromMessages([['system', 'You answer in one sentence.'], ['human', '{question}']]);
const chain = prompt.pipe(model).pipe(new StringOutputParser());

const app = new Koa();
const router = new Router();

router.post('/ask', async (ctx) => {
  ctx.body = { answer: await chain.invoke({ question: ctx.request.body.question }) };
});

router.post('/ask-fast', async (ctx) => {
  ctx.body = chain.invoke({ question: ctx.request.body.question }); // expect: unawaited-llm-call
});

router.post('/batch', async (ctx) => {
  const answers = await chain.batch(ctx.request.body.questions.map((question) => ({ question })));
  ctx.body = { answers };
});

app.use(bodyParser()).use(router.routes()).use(router.allowedMethods());
app.listen(3000);
