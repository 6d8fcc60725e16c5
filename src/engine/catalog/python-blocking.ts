// Blocking work other than LLM calls, as data: module functions and methods of objects that wait on
// the network, the disk, a database or a child process, each with the async way to do it.

export interface BlockingEntry {
  what: string;
  instead: string;
}

/** Qualified function names. */
export const BLOCKING_FUNCTIONS: Record<string, BlockingEntry> = {
  'time.sleep': { what: 'sleeps', instead: '`await asyncio.sleep(...)`' },
  'requests.get': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'requests.post': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'requests.put': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'requests.patch': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'requests.delete': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'requests.head': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'requests.request': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'httpx.get': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'httpx.post': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'httpx.put': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'httpx.request': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'urllib.request.urlopen': { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' },
  'subprocess.run': { what: 'waits for a child process', instead: '`asyncio.create_subprocess_exec`' },
  'subprocess.call': { what: 'waits for a child process', instead: '`asyncio.create_subprocess_exec`' },
  'subprocess.check_call': { what: 'waits for a child process', instead: '`asyncio.create_subprocess_exec`' },
  'subprocess.check_output': { what: 'waits for a child process', instead: '`asyncio.create_subprocess_exec`' },
  'os.system': { what: 'waits for a shell command', instead: '`asyncio.create_subprocess_shell`' },
  'sqlite3.connect': { what: 'opens a synchronous database connection', instead: '`aiosqlite`' },
  'psycopg2.connect': { what: 'opens a synchronous database connection', instead: '`asyncpg` or psycopg 3 async' },
  'pymysql.connect': { what: 'opens a synchronous database connection', instead: '`aiomysql`' },
  open: { what: 'reads or writes a file synchronously', instead: '`aiofiles` or `asyncio.to_thread`' },
};

/** Objects made by these calls (or classes) block in these methods. */
export const BLOCKING_METHODS: Record<string, { methods: string[]; entry: BlockingEntry }> = {
  'sqlite3.connect': { methods: ['execute', 'executemany', 'executescript', 'commit'], entry: { what: 'runs a synchronous database query', instead: '`aiosqlite`' } },
  'psycopg2.connect': { methods: ['commit'], entry: { what: 'runs a synchronous database query', instead: '`asyncpg` or psycopg 3 async' } },
  'requests.Session': { methods: ['get', 'post', 'put', 'patch', 'delete', 'request'], entry: { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' } },
  'httpx.Client': { methods: ['get', 'post', 'put', 'patch', 'delete', 'request', 'send'], entry: { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' } },
};

/** Per catalog module: the names (function, or class making a blocking object) its entries call (`time` → `sleep`). */
export const BLOCKING_NAMES_BY_MODULE = new Map<string, string[]>();

/** A call of a builtin of the catalog (`open(...)`), found in text. */
export const BLOCKING_BUILTIN_CALL = new RegExp(`\\b(?:${Object.keys(BLOCKING_FUNCTIONS).filter((q) => !q.includes('.')).join('|')})\\s*\\(`);

/**
 * The names a blocking call's callee ends with (`sleep` of `time.sleep`, `execute` of a connection's
 * method, `open`): a call ending otherwise is blocking only through a local alias of one of them.
 */
export const BLOCKING_CALL_NAMES = new Set<string>();

/** Recomputes the name sets above from the tables (at load, and when project config adds functions). */
export function refreshBlockingNames(): void {
  BLOCKING_NAMES_BY_MODULE.clear();
  for (const q of [...Object.keys(BLOCKING_FUNCTIONS), ...Object.keys(BLOCKING_METHODS)]) {
    const parts = q.split('.');
    if (parts.length < 2) continue;
    const list = BLOCKING_NAMES_BY_MODULE.get(parts[0]) ?? [];
    list.push(parts[parts.length - 1]);
    BLOCKING_NAMES_BY_MODULE.set(parts[0], list);
  }
  BLOCKING_CALL_NAMES.clear();
  for (const q of Object.keys(BLOCKING_FUNCTIONS)) BLOCKING_CALL_NAMES.add(q.split('.').pop()!);
  for (const m of Object.values(BLOCKING_METHODS)) for (const n of m.methods) BLOCKING_CALL_NAMES.add(n);
}
refreshBlockingNames();
