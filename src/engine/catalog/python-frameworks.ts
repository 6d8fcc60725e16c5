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

export function frameworkById(id: string): PyFramework | undefined {
  return PYTHON_FRAMEWORKS.find((f) => f.id === id);
}
