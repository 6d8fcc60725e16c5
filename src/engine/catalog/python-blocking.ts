// Blocking work other than LLM calls, as data: module functions and methods of objects that wait on
// the network, the disk, a database or a child process, each with the async way to do it.

export interface BlockingEntry {
  what: string;
  instead: string;
  /** Local file I/O: a judgement call (a small local file costs little), reported at a lower severity. */
  minor?: true;
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
  'psycopg.connect': { what: 'opens a synchronous database connection', instead: 'psycopg 3 `AsyncConnection.connect`' },
  'smtplib.SMTP': { what: 'connects to a mail server synchronously', instead: '`aiosmtplib`' },
  'smtplib.SMTP_SSL': { what: 'connects to a mail server synchronously', instead: '`aiosmtplib`' },
  'urllib.request.urlretrieve': { what: 'downloads a file synchronously', instead: '`httpx.AsyncClient`' },
  open: { what: 'reads or writes a file synchronously', instead: '`aiofiles` or `asyncio.to_thread`', minor: true },
};

/** Objects made by these calls (or classes) block in these methods. */
export const BLOCKING_METHODS: Record<string, { methods: string[]; entry: BlockingEntry }> = {
  'sqlite3.connect': { methods: ['execute', 'executemany', 'executescript', 'commit'], entry: { what: 'runs a synchronous database query', instead: '`aiosqlite`' } },
  'psycopg2.connect': { methods: ['commit'], entry: { what: 'runs a synchronous database query', instead: '`asyncpg` or psycopg 3 async' } },
  'requests.Session': { methods: ['get', 'post', 'put', 'patch', 'delete', 'request'], entry: { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' } },
  'httpx.Client': { methods: ['get', 'post', 'put', 'patch', 'delete', 'request', 'send'], entry: { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' } },
};

const DB = (instead: string): BlockingEntry => ({ what: 'runs a synchronous database query', instead });

/**
 * Synchronous clients whose I/O happens at the end of a chain: `sb.table("t").select("*").execute()`,
 * `client.db.users.find_one(...)`, `r.get(k)`, `session.query(M).filter(...).first()`. A call of one of
 * `methods` whose receiver chain (attributes, subscripts, calls, local names, `self.x`) starts at a value
 * built by one of `ctors` (or a parameter annotated with one) blocks. Async look-alikes (`redis.asyncio`,
 * `motor`, `AsyncSession`, `asyncpg`, supabase `acreate_client`, aioboto3) have other qualified names.
 */
export const BLOCKING_CLIENTS: Array<{ ctors: string[]; methods: string[]; entry: BlockingEntry }> = [
  {
    ctors: ['supabase.create_client', 'supabase.Client', 'supabase.client.create_client', 'supabase.client.Client', 'supabase.create_client.Client'],
    methods: ['execute', 'upload', 'download', 'sign_in_with_password', 'sign_up', 'get_user', 'create_signed_url', 'remove', 'list_buckets'],
    entry: { what: 'makes a synchronous Supabase request', instead: 'supabase `acreate_client` (`AsyncClient`) and `await`' },
  },
  {
    ctors: ['pymongo.MongoClient', 'pymongo.mongo_client.MongoClient', 'pymongo.database.Database', 'pymongo.collection.Collection'],
    methods: [
      'find_one', 'find', 'insert_one', 'insert_many', 'update_one', 'update_many', 'replace_one', 'delete_one', 'delete_many',
      'aggregate', 'count_documents', 'estimated_document_count', 'distinct', 'find_one_and_update', 'find_one_and_delete',
      'find_one_and_replace', 'bulk_write', 'create_index', 'list_collection_names', 'command', 'drop',
    ],
    entry: DB('`motor` (`AsyncIOMotorClient`) or pymongo `AsyncMongoClient`'),
  },
  {
    ctors: ['redis.Redis', 'redis.StrictRedis', 'redis.from_url', 'redis.Redis.from_url', 'redis.client.Redis', 'redis.StrictRedis.from_url', 'redis.client.StrictRedis'],
    methods: [
      'get', 'set', 'setex', 'setnx', 'mget', 'mset', 'getdel', 'delete', 'exists', 'expire', 'ttl', 'incr', 'incrby', 'decr',
      'hget', 'hset', 'hgetall', 'hmget', 'hdel', 'hincrby', 'lpush', 'rpush', 'lpop', 'rpop', 'lrange', 'llen', 'ltrim',
      'sadd', 'srem', 'smembers', 'sismember', 'zadd', 'zrange', 'zrangebyscore', 'zrem', 'publish', 'keys', 'scan_iter', 'ping',
      'xadd', 'xread', 'xrange', 'blpop', 'brpop', 'eval', 'json',
    ],
    entry: { what: 'makes a synchronous Redis request', instead: '`redis.asyncio`' },
  },
  {
    ctors: ['psycopg.connect', 'psycopg.Connection', 'psycopg.Connection.connect', 'psycopg2.connect', 'psycopg2.extensions.connection', 'psycopg2.pool.SimpleConnectionPool', 'psycopg2.pool.ThreadedConnectionPool', 'psycopg_pool.ConnectionPool', 'pymysql.connect', 'mysql.connector.connect'],
    // Client-side cursors: `execute` fetches the rows, `fetchone`/`fetchall` read them from memory.
    methods: ['execute', 'executemany', 'commit', 'rollback', 'copy_expert', 'copy_from', 'callproc'],
    entry: DB('`asyncpg`, psycopg 3 `AsyncConnection` or `aiomysql`'),
  },
  {
    ctors: [
      'sqlalchemy.create_engine', 'sqlalchemy.engine.create_engine', 'sqlalchemy.engine.Engine', 'sqlalchemy.engine.Connection', 'sqlalchemy.Engine', 'sqlalchemy.Connection',
      'sqlalchemy.orm.Session', 'sqlalchemy.orm.sessionmaker', 'sqlalchemy.orm.scoped_session', 'sqlmodel.Session', 'sqlmodel.create_engine',
    ],
    methods: ['execute', 'scalar', 'scalars', 'scalar_one', 'scalar_one_or_none', 'commit', 'flush', 'refresh', 'get', 'exec', 'first', 'all', 'one', 'one_or_none', 'count', 'merge', 'delete'],
    entry: DB('SQLAlchemy `AsyncSession` / `create_async_engine`'),
  },
  {
    ctors: ['boto3.client', 'boto3.resource', 'boto3.session.Session.client', 'boto3.Session.client', 'boto3.Session.resource'],
    methods: [
      'get_object', 'put_object', 'delete_object', 'head_object', 'list_objects', 'list_objects_v2', 'copy_object', 'upload_file', 'download_file',
      'upload_fileobj', 'download_fileobj', 'get_item', 'put_item', 'update_item', 'delete_item', 'query', 'scan', 'batch_write_item', 'batch_get_item',
      'send_email', 'send_raw_email', 'publish', 'send_message', 'receive_message', 'delete_message', 'invoke', 'start_execution',
      'get_secret_value', 'get_parameter', 'get_parameters', 'put_record', 'put_records', 'start_query_execution', 'get_query_results',
    ],
    entry: { what: 'makes a synchronous AWS request', instead: '`aioboto3` or `asyncio.to_thread`' },
  },
  {
    ctors: ['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath'],
    methods: ['open', 'read_text', 'write_text', 'read_bytes', 'write_bytes'],
    entry: { what: 'reads or writes a file synchronously', instead: '`aiofiles` or `asyncio.to_thread`', minor: true },
  },
  {
    ctors: ['smtplib.SMTP', 'smtplib.SMTP_SSL'],
    methods: ['login', 'sendmail', 'send_message', 'starttls', 'ehlo', 'quit', 'connect'],
    entry: { what: 'talks to a mail server synchronously', instead: '`aiosmtplib`' },
  },
];

/** Constructor qualified name → its `BLOCKING_CLIENTS` row. */
export const BLOCKING_CLIENT_BY_CTOR = new Map(BLOCKING_CLIENTS.flatMap((c) => c.ctors.map((q) => [q, c] as const)));

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
  for (const q of [...Object.keys(BLOCKING_FUNCTIONS), ...Object.keys(BLOCKING_METHODS), ...BLOCKING_CLIENTS.flatMap((c) => c.ctors)]) {
    const parts = q.split('.');
    if (parts.length < 2) continue;
    const list = BLOCKING_NAMES_BY_MODULE.get(parts[0]) ?? [];
    list.push(parts[parts.length - 1]);
    BLOCKING_NAMES_BY_MODULE.set(parts[0], list);
  }
  BLOCKING_CALL_NAMES.clear();
  for (const q of Object.keys(BLOCKING_FUNCTIONS)) BLOCKING_CALL_NAMES.add(q.split('.').pop()!);
  for (const m of Object.values(BLOCKING_METHODS)) for (const n of m.methods) BLOCKING_CALL_NAMES.add(n);
  for (const c of BLOCKING_CLIENTS) for (const n of c.methods) BLOCKING_CALL_NAMES.add(n);
}
refreshBlockingNames();
