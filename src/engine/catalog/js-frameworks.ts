// Node web frameworks and serverless runtimes as data: how an app or router is made, which methods
// register route handlers, and whether requests share one event loop (blocking work hurts them all).

export interface JsFramework {
  id: string;
  displayName: string;
  /** npm packages whose import means this framework. */
  packages: string[];
  /** Qualified names that make an app when called or constructed (`express`, `hono.Hono`). */
  appFactories: string[];
  /** Qualified names that make a router (`express.Router`, `@koa/router.default`). */
  routerFactories: string[];
  /** Type names of an app or router in annotations (`Express`, `FastifyInstance`). */
  appTypes: string[];
  /** Registration method → HTTP verb (`*` any; `use` middleware runs per request too). */
  routeMethods: Record<string, string>;
  /** Receiver names trusted when the receiver cannot be resolved (an app passed in from elsewhere). */
  receiverHint: RegExp;
  /** Requests share one process and event loop (false for one-request-per-instance runtimes). */
  sharedLoop: boolean;
  /** The registration takes an options object with the handler in it (`fastify.route({ handler })`). */
  optionHandlerKeys?: string[];
}

const VERBS: Record<string, string> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', head: 'HEAD', options: 'OPTIONS', all: '*',
};

export const JS_FRAMEWORKS: JsFramework[] = [
  {
    id: 'express',
    displayName: 'Express',
    packages: ['express'],
    appFactories: ['express', 'express.default'],
    routerFactories: ['express.Router', 'express.default.Router'],
    appTypes: ['express.Express', 'express.Application', 'express.Router', 'express.default.Express', 'express.default.Router'],
    routeMethods: { ...VERBS, use: '*' },
    receiverHint: /^(app|router|api|server|routes?|[a-z]+Router)$/,
    sharedLoop: true,
  },
  {
    id: 'fastify',
    displayName: 'Fastify',
    packages: ['fastify', 'fastify-plugin'],
    appFactories: ['fastify', 'fastify.default', 'fastify.fastify', 'fastify.Fastify'],
    routerFactories: [],
    appTypes: ['fastify.FastifyInstance', 'fastify.default.FastifyInstance'],
    routeMethods: { ...VERBS, route: '*' },
    receiverHint: /^(app|fastify|server|instance|f)$/,
    sharedLoop: true,
    optionHandlerKeys: ['handler', 'preHandler', 'onRequest', 'preValidation'],
  },
  {
    id: 'hono',
    displayName: 'Hono',
    packages: ['hono'],
    appFactories: ['hono.Hono', 'hono/quick.Hono', 'hono/tiny.Hono', '@hono/zod-openapi.OpenAPIHono'],
    routerFactories: [],
    appTypes: ['hono.Hono'],
    routeMethods: { ...VERBS, on: '*', use: '*' },
    receiverHint: /^(app|api|router|routes?|[a-z]+(?:Routes|Router|App))$/,
    sharedLoop: true,
  },
  {
    id: 'koa',
    displayName: 'Koa',
    packages: ['koa', '@koa/router', 'koa-router'],
    appFactories: ['koa', 'koa.default'],
    routerFactories: ['@koa/router', '@koa/router.default', 'koa-router', 'koa-router.default', '@koa/router.Router'],
    appTypes: ['koa.default', 'koa'],
    routeMethods: { ...VERBS, use: '*' },
    receiverHint: /^(app|router|api|[a-z]+Router)$/,
    sharedLoop: true,
  },
];

/** Runtimes whose handlers are found by file layout and exports rather than registration calls. */
export const RUNTIMES = {
  nextApp: { id: 'next-app', displayName: 'Next.js', sharedLoop: true },
  nextPages: { id: 'next-pages', displayName: 'Next.js', sharedLoop: true },
  nextAction: { id: 'next-action', displayName: 'Next.js server action', sharedLoop: true },
  workers: { id: 'workers', displayName: 'Cloudflare Workers', sharedLoop: true },
  vercel: { id: 'vercel', displayName: 'Vercel function', sharedLoop: true },
  netlify: { id: 'netlify', displayName: 'Netlify function', sharedLoop: false },
  lambda: { id: 'lambda', displayName: 'AWS Lambda', sharedLoop: false },
} as const;

export const HTTP_VERB_EXPORTS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Fastify plugin wrappers: the function they wrap gets the instance as its first parameter. */
export const PLUGIN_WRAPPERS = ['fastify-plugin', 'fastify-plugin.default', 'fastify-plugin.fastifyPlugin'];

/** Web framework packages (for the analysis prefilter). */
export const JS_FRAMEWORK_PACKAGES: string[] = [...new Set(JS_FRAMEWORKS.flatMap((f) => f.packages)), 'next', '@vercel/node', '@netlify/functions', 'aws-lambda', '@cloudflare/workers-types'];
