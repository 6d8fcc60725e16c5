// Python web frameworks as data: which objects route functions, with which decorators or route
// constructors, and where a `def` handler runs (threadpool vs the event loop).

export type RunsOn = 'event-loop' | 'threadpool' | 'worker';

export interface PyFramework {
  id: string;
  displayName: string;
  /** Top-level packages whose import marks a file as using this framework. */
  modules: string[];
  /** Classes whose instances route handlers through decorators (`@app.get(...)`). */
  appClasses: string[];
  /** Decorator method → HTTP method ('*' = any, read from `methods=`). */
  decoratorMethods: Record<string, string>;
  /** Route constructors taking (path, endpoint): Starlette `Route("/x", fn)`. */
  routeConstructors: string[];
  /** Registration methods taking (path, endpoint): FastAPI `app.add_api_route("/x", fn)`. */
  registrationMethods: string[];
  /** Where a plain `def` handler runs. */
  syncRunsOn: RunsOn;
  /** Receiver names assumed to be app/router objects when they cannot be resolved (imported apps). */
  receiverNameHint: RegExp;
  /** Module-level decorator functions → HTTP method (Litestar `@get("/x")`). */
  functionDecorators?: Record<string, string>;
  /** Decorator keyword that moves a sync handler off the loop (Litestar `sync_to_thread=True`). */
  offloadKeyword?: string;
  /** Base classes (qualified-name prefixes) whose HTTP-verb methods are handlers (Django class-based views). */
  viewBaseClasses?: string[];
  /** Module-level functions whose first parameter is `request` are views (Django function views). */
  requestParamViews?: boolean;
  /** Route-table helper nesting another module's routes under a prefix (Django `include`). */
  includeFunctions?: string[];
}

const HTTP_VERBS = { get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', options: 'OPTIONS', head: 'HEAD', trace: 'TRACE' };

export const PYTHON_FRAMEWORKS: PyFramework[] = [
  {
    id: 'fastapi',
    displayName: 'FastAPI',
    modules: ['fastapi'],
    appClasses: ['fastapi.FastAPI', 'fastapi.APIRouter', 'fastapi.routing.APIRouter', 'fastapi.applications.FastAPI'],
    decoratorMethods: { ...HTTP_VERBS, api_route: '*', route: '*', websocket: 'WS' },
    routeConstructors: ['fastapi.routing.APIRoute'],
    registrationMethods: ['add_api_route', 'add_route'],
    syncRunsOn: 'threadpool',
    receiverNameHint: /(^|_)(app|api|router|routes|application|server|v\d+)$/i,
  },
  {
    id: 'starlette',
    displayName: 'Starlette',
    modules: ['starlette'],
    appClasses: ['starlette.applications.Starlette', 'starlette.routing.Router'],
    decoratorMethods: { route: '*', websocket_route: 'WS' },
    routeConstructors: ['starlette.routing.Route', 'starlette.routing.WebSocketRoute'],
    registrationMethods: ['add_route', 'add_websocket_route'],
    syncRunsOn: 'threadpool',
    receiverNameHint: /(^|_)(app|router|application)$/i,
  },
];

const ROUTE_DECORATORS = { ...HTTP_VERBS, route: '*' };

PYTHON_FRAMEWORKS.push(
  {
    // Sync handlers run on the event loop unless `sync_to_thread=True`.
    id: 'litestar', displayName: 'Litestar', modules: ['litestar'], appClasses: ['litestar.Litestar', 'litestar.Router'],
    decoratorMethods: {}, routeConstructors: [], registrationMethods: [], syncRunsOn: 'event-loop', receiverNameHint: /^$/,
    functionDecorators: {
      'litestar.get': 'GET', 'litestar.post': 'POST', 'litestar.put': 'PUT', 'litestar.patch': 'PATCH', 'litestar.delete': 'DELETE',
      'litestar.head': 'HEAD', 'litestar.route': '*', 'litestar.websocket': 'WS', 'litestar.handlers.get': 'GET', 'litestar.handlers.post': 'POST',
    },
    offloadKeyword: 'sync_to_thread',
  },
  {
    id: 'flask', displayName: 'Flask', modules: ['flask'], appClasses: ['flask.Flask', 'flask.Blueprint'],
    decoratorMethods: ROUTE_DECORATORS, routeConstructors: [], registrationMethods: [], syncRunsOn: 'worker', receiverNameHint: /(^|_)(app|bp|blueprint|api)$/i,
  },
  {
    id: 'quart', displayName: 'Quart', modules: ['quart'], appClasses: ['quart.Quart', 'quart.Blueprint'],
    decoratorMethods: { ...ROUTE_DECORATORS, websocket: 'WS' }, routeConstructors: [], registrationMethods: [], syncRunsOn: 'threadpool', receiverNameHint: /(^|_)(app|bp|blueprint)$/i,
  },
  {
    // Sanic calls sync handlers directly on its event loop.
    id: 'sanic', displayName: 'Sanic', modules: ['sanic'], appClasses: ['sanic.Sanic', 'sanic.Blueprint'],
    decoratorMethods: { ...ROUTE_DECORATORS, websocket: 'WS' }, routeConstructors: [], registrationMethods: [], syncRunsOn: 'event-loop', receiverNameHint: /(^|_)(app|bp|blueprint)$/i,
  },
  {
    id: 'aiohttp', displayName: 'aiohttp', modules: ['aiohttp'], appClasses: ['aiohttp.web.RouteTableDef', 'aiohttp.web.RouteTableDef'],
    decoratorMethods: { ...HTTP_VERBS, route: '*' }, routeConstructors: [], registrationMethods: ['add_get', 'add_post', 'add_put', 'add_patch', 'add_delete', 'add_route'],
    syncRunsOn: 'event-loop', receiverNameHint: /(^|_)(routes|router)$/i,
  },
  {
    // Function views, class-based views and DRF views, routed by `urlpatterns` (often in another module).
    // Under WSGI every view runs in a worker; under ASGI sync views run in a thread (sync_to_async).
    id: 'django', displayName: 'Django', modules: ['django', 'rest_framework', 'adrf'], appClasses: [],
    decoratorMethods: {}, routeConstructors: ['django.urls.path', 'django.urls.re_path', 'django.conf.urls.url', 'django.urls.conf.path', 'django.urls.conf.re_path'],
    registrationMethods: [], syncRunsOn: 'worker', receiverNameHint: /^$/,
    functionDecorators: { 'rest_framework.decorators.api_view': '*', 'adrf.decorators.api_view': '*' },
    viewBaseClasses: ['django.views', 'rest_framework.views', 'rest_framework.viewsets', 'rest_framework.generics', 'adrf.views', 'adrf.viewsets'],
    requestParamViews: true,
    includeFunctions: ['django.urls.include', 'django.conf.urls.include', 'django.urls.conf.include'],
  },
  {
    id: 'django-ninja', displayName: 'Django Ninja', modules: ['ninja'], appClasses: ['ninja.NinjaAPI', 'ninja.Router'],
    decoratorMethods: { ...HTTP_VERBS, api_operation: '*' }, routeConstructors: [], registrationMethods: [], syncRunsOn: 'worker', receiverNameHint: /(^|_)(api|router)$/i,
  },
);

/** Route constructors of every framework (`path("x/", view)`, `Route("/x", endpoint)`). */
export const ROUTE_CONSTRUCTORS = new Set(PYTHON_FRAMEWORKS.flatMap((f) => f.routeConstructors));
export const INCLUDE_FUNCTIONS = new Set(PYTHON_FRAMEWORKS.flatMap((f) => f.includeFunctions ?? []));

/** HTTP verbs as method names of class-based views. */
export const VIEW_METHODS: Record<string, string> = { ...HTTP_VERBS };

export function frameworkById(id: string): PyFramework | undefined {
  return PYTHON_FRAMEWORKS.find((f) => f.id === id);
}
