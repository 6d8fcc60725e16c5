// Blocking work other than LLM calls, as data: module functions and methods of objects that wait on
// the network, the disk, a database or a child process, each with the async way to do it.

export interface BlockingEntry {
  what: string;
  instead: string;
  /** Local file I/O: a judgement call (a small local file costs little), reported at a lower severity. */
  minor?: true;
}

/** Local file functions of a library (`shutil.copyfile`): local file I/O, at the lower severity. */
function fileFunctions(module: string, names: string[], what: string): Record<string, BlockingEntry> {
  return Object.fromEntries(names.map((n) => [`${module}.${n}`, { what, instead: '`asyncio.to_thread`', minor: true as const }]));
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
  'pinecone.create_index': { what: 'makes a synchronous Pinecone request', instead: '`PineconeAsyncio` and `await`' },
  'pinecone.delete_index': { what: 'makes a synchronous Pinecone request', instead: '`PineconeAsyncio` and `await`' },
  'pinecone.list_indexes': { what: 'makes a synchronous Pinecone request', instead: '`PineconeAsyncio` and `await`' },
  'pinecone.describe_index': { what: 'makes a synchronous Pinecone request', instead: '`PineconeAsyncio` and `await`' },
  'elasticsearch.helpers.bulk': { what: 'makes synchronous Elasticsearch requests', instead: '`elasticsearch.helpers.async_bulk` and `await`' },
  'opensearchpy.helpers.bulk': { what: 'makes synchronous OpenSearch requests', instead: '`opensearchpy.helpers.async_bulk` and `await`' },
  'sentence_transformers.SentenceTransformer': { what: 'loads a model from disk (downloading it on first use)', instead: 'loading it once at startup, or `asyncio.to_thread`' },
  // `pipeline("task", model=...)` builds the model and tokenizer with `from_pretrained` (weights read, or downloaded on first use).
  'transformers.pipeline': { what: 'loads a model from disk (downloading it on first use)', instead: 'a pipeline built once at startup, or `asyncio.to_thread`' },
  // Reads and parses the API's discovery document (bundled JSON, fetched over HTTP by older versions or when absent).
  'googleapiclient.discovery.build': { what: 'reads and parses the API discovery document (from disk, or over HTTP)', instead: 'building the service once at startup, or `asyncio.to_thread`' },
  'apiclient.discovery.build': { what: 'reads and parses the API discovery document (from disk, or over HTTP)', instead: 'building the service once at startup, or `asyncio.to_thread`' },
  'sentence_transformers.CrossEncoder': { what: 'loads a model from disk (downloading it on first use)', instead: 'loading it once at startup, or `asyncio.to_thread`' },
  'dotenv.load_dotenv': { what: 'reads the `.env` file synchronously', instead: 'calling it once at import time', minor: true },
  'pandas.read_csv': { what: 'reads a file synchronously', instead: '`asyncio.to_thread`', minor: true },
  'pandas.read_pickle': { what: 'reads a file synchronously', instead: '`asyncio.to_thread`', minor: true },
  'pandas.read_parquet': { what: 'reads a file synchronously', instead: '`asyncio.to_thread`', minor: true },
  'pandas.read_json': { what: 'reads a file synchronously', instead: '`asyncio.to_thread`', minor: true },
  'pandas.read_excel': { what: 'reads a file synchronously', instead: '`asyncio.to_thread`', minor: true },
  ...fileFunctions('pandas', ['read_feather', 'read_table', 'read_hdf', 'read_orc', 'read_fwf', 'read_xml', 'read_stata', 'read_sas', 'read_spss'], 'reads a file synchronously'),
  ...fileFunctions('shutil', ['copy', 'copy2', 'copyfile', 'copyfileobj', 'copytree', 'move', 'rmtree', 'make_archive', 'unpack_archive'], 'copies, moves or deletes files synchronously'),
  ...fileFunctions('PIL.Image', ['open'], 'reads an image file synchronously'),
  ...fileFunctions('tempfile', ['NamedTemporaryFile', 'TemporaryFile', 'mkstemp'], 'creates a file on disk synchronously (and what is written to it goes to the disk from the loop)'),
  'weaviate.connect_to_local': { what: 'connects to Weaviate and waits for it to be ready, synchronously', instead: '`weaviate.use_async_with_local()` and `await client.connect()`' },
  'weaviate.connect_to_weaviate_cloud': { what: 'connects to Weaviate and waits for it to be ready, synchronously', instead: '`weaviate.use_async_with_weaviate_cloud()` and `await client.connect()`' },
  'weaviate.connect_to_custom': { what: 'connects to Weaviate and waits for it to be ready, synchronously', instead: '`weaviate.use_async_with_custom()` and `await client.connect()`' },
  'pymilvus.connections.connect': { what: 'connects to Milvus synchronously', instead: '`AsyncMilvusClient`' },
  'firebase_admin.auth.verify_id_token': { what: 'verifies a token (fetching Google\'s public keys over HTTP when its cache is cold)', instead: '`asyncio.to_thread`' },
  'firebase_admin.auth.get_user': { what: 'makes a synchronous Firebase Auth request', instead: '`asyncio.to_thread`' },
  'firebase_admin.auth.get_user_by_email': { what: 'makes a synchronous Firebase Auth request', instead: '`asyncio.to_thread`' },
  'firebase_admin.auth.create_user': { what: 'makes a synchronous Firebase Auth request', instead: '`asyncio.to_thread`' },
  'firebase_admin.messaging.send': { what: 'makes a synchronous FCM request', instead: '`asyncio.to_thread`' },
  ...fileFunctions('xml.etree.ElementTree', ['parse', 'iterparse'], 'reads and parses an XML file synchronously'),
  ...fileFunctions('xml.etree.cElementTree', ['parse', 'iterparse'], 'reads and parses an XML file synchronously'),
  ...fileFunctions('lxml.etree', ['parse', 'iterparse'], 'reads and parses an XML file synchronously'),
};

/** File-parsing functions that read from memory when handed an in-memory buffer (`ET.parse(io.BytesIO(data))`). */
export const READS_PATH_OR_FILE = new Set(['xml.etree.ElementTree.parse', 'xml.etree.ElementTree.iterparse', 'xml.etree.cElementTree.parse', 'xml.etree.cElementTree.iterparse', 'lxml.etree.parse', 'lxml.etree.iterparse']);

/** Objects made by these calls (or classes) block in these methods. */
export const BLOCKING_METHODS: Record<string, { methods: string[]; entry: BlockingEntry }> = {
  'psycopg2.connect': { methods: ['commit'], entry: { what: 'runs a synchronous database query', instead: '`asyncpg` or psycopg 3 async' } },
  'requests.Session': { methods: ['get', 'post', 'put', 'patch', 'delete', 'request'], entry: { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' } },
  'httpx.Client': { methods: ['get', 'post', 'put', 'patch', 'delete', 'request', 'send'], entry: { what: 'makes a synchronous HTTP request', instead: '`httpx.AsyncClient`' } },
};

const DB = (instead: string): BlockingEntry => ({ what: 'runs a synchronous database query', instead });

/** LangChain vector-store classes by name (others are recognized by the shape of their name, `blockingClientOf`). */
const LANGCHAIN_VECTOR_STORES = [
  'langchain_astradb.AstraDBVectorStore', 'langchain_chroma.Chroma', 'langchain_pinecone.PineconeVectorStore', 'langchain_pinecone.Pinecone',
  'langchain_qdrant.QdrantVectorStore', 'langchain_qdrant.Qdrant', 'langchain_postgres.PGVector', 'langchain_postgres.PGVectorStore',
  'langchain_elasticsearch.ElasticsearchStore', 'langchain_milvus.Milvus', 'langchain_mongodb.MongoDBAtlasVectorSearch', 'langchain_weaviate.WeaviateVectorStore',
  'langchain_redis.RedisVectorStore', 'langchain_core.vectorstores.InMemoryVectorStore', 'langchain_community.vectorstores.Chroma',
  'langchain_community.vectorstores.FAISS', 'langchain_community.vectorstores.Pinecone', 'langchain_community.vectorstores.PGVector',
  'langchain_community.vectorstores.Qdrant', 'langchain_community.vectorstores.ElasticsearchStore', 'langchain_community.vectorstores.SupabaseVectorStore',
  'langchain_community.vectorstores.AstraDB', 'langchain.vectorstores.Chroma', 'langchain.vectorstores.FAISS', 'langchain.vectorstores.Pinecone',
];
/** The sync search methods of LangChain's `VectorStore` (the async twins add an `a`: `asimilarity_search`). */
const LANGCHAIN_VECTOR_SEARCH = [
  'similarity_search', 'similarity_search_with_score', 'similarity_search_with_relevance_scores', 'similarity_search_by_vector',
  'similarity_search_by_vector_with_relevance_scores', 'max_marginal_relevance_search', 'max_marginal_relevance_search_by_vector',
];

/**
 * Synchronous clients whose I/O happens at the end of a chain: `sb.table("t").select("*").execute()`,
 * `client.db.users.find_one(...)`, `r.get(k)`, `session.query(M).filter(...).first()`. A call of one of
 * `methods` whose receiver chain (attributes, subscripts, calls, local names, `self.x`) starts at a value
 * built by one of `ctors` (or a parameter annotated with one) blocks. Async look-alikes (`redis.asyncio`,
 * `motor`, `AsyncSession`, `asyncpg`, supabase `acreate_client`, aioboto3) have other qualified names.
 */
export interface BlockingClient {
  ctors: string[];
  /** The methods that do I/O; `*`: every public method of the client itself (not of what its calls return). */
  methods: string[] | '*';
  /** I/O methods returning another handle of the client (`get_collection`), not plain data. */
  handles?: string[];
  /** For `*` rows: the client's public methods that do no I/O (boto3 `get_paginator`, `generate_presigned_url`). */
  except?: string[];
  /**
   * For `*` rows: the shape of the method names worth evaluating in a file importing the client's package
   * (boto3 operations are verbs in snake case); unset: every method call is.
   */
  names?: RegExp;
  /** Properties holding plain data (`AsyncResult.result`): a method called on one is not the client's. */
  dataAttributes?: string[];
  entry: BlockingEntry;
}

export const BLOCKING_CLIENTS: BlockingClient[] = [
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
    // The DB-API cursors of sqlite3 too: `conn.cursor()` (or `self.cursor = self.conn.cursor()`) keeps the
    // connection's blocking methods.
    ctors: ['sqlite3.connect', 'sqlite3.Connection', 'sqlite3.dbapi2.connect'],
    methods: ['execute', 'executemany', 'executescript', 'commit', 'rollback'],
    entry: DB('`aiosqlite`'),
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
    ctors: ['boto3.resource', 'boto3.Session.resource', 'boto3.session.Session.resource'],
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

/**
 * Sync vector-store / vector-DB clients and well-known sync service SDKs (every call is an HTTP or gRPC
 * request). Their async twins (`AsyncQdrantClient`, `AsyncElasticsearch`, `PineconeAsyncio`,
 * `chromadb.AsyncHttpClient`, slack_sdk `AsyncWebClient`, twilio's async HTTP client, `.aio` modules of the
 * Google and Azure SDKs) have other qualified names, or are listed in `ASYNC_TWIN_CTORS`.
 */
const VECTOR_AND_SERVICE_CLIENTS: BlockingClient[] = [
  {
    // Pinecone v2 (`pinecone.init(); pinecone.Index(name)`) and v3+ (`Pinecone().Index(name)`).
    ctors: ['pinecone.Index', 'pinecone.GRPCIndex', 'pinecone.grpc.GRPCIndex', 'pinecone.Pinecone', 'pinecone.grpc.PineconeGRPC', 'pinecone.data.Index'],
    methods: [
      'query', 'upsert', 'fetch', 'delete', 'update', 'describe_index_stats', 'list', 'list_paginated', 'query_namespaces', 'upsert_from_dataframe',
      'search', 'search_records', 'upsert_records', 'create_index', 'create_index_for_model', 'delete_index', 'list_indexes', 'describe_index', 'configure_index', 'has_index',
    ],
    entry: { what: 'makes a synchronous Pinecone request', instead: '`PineconeAsyncio` / `pc.IndexAsyncio(host=...)` and `await`' },
  },
  {
    ctors: ['qdrant_client.QdrantClient', 'qdrant_client.qdrant_client.QdrantClient'],
    methods: [
      'search', 'search_batch', 'search_groups', 'query', 'query_points', 'query_batch_points', 'query_points_groups', 'recommend', 'discover', 'scroll', 'count',
      'retrieve', 'upsert', 'delete', 'set_payload', 'overwrite_payload', 'delete_payload', 'update_vectors', 'upload_points', 'upload_collection', 'add',
      'create_collection', 'recreate_collection', 'delete_collection', 'get_collection', 'get_collections', 'collection_exists', 'create_payload_index',
    ],
    entry: { what: 'makes a synchronous Qdrant request', instead: '`AsyncQdrantClient` and `await`' },
  },
  {
    // `client.get_collection(name)` returns a collection (a handle); its `query`/`add`/`get` are the requests.
    ctors: ['chromadb.HttpClient', 'chromadb.CloudClient', 'chromadb.PersistentClient'],
    methods: [
      'get_collection', 'get_or_create_collection', 'create_collection', 'delete_collection', 'list_collections', 'heartbeat',
      'query', 'add', 'upsert', 'get', 'update', 'delete', 'count', 'peek', 'modify',
    ],
    handles: ['get_collection', 'get_or_create_collection', 'create_collection'],
    entry: { what: 'makes a synchronous Chroma request', instead: '`chromadb.AsyncHttpClient` and `await`' },
  },
  {
    // v4 `client.collections.get(name).query.near_text(...)`, v3 `client.query.get(...).with_near_text(...).do()`.
    // v4 batches (`with collection.batch.dynamic() as batch:`) send what is left and wait for every object's
    // result when the block exits, in the thread that runs it.
    ctors: ['weaviate.Client', 'weaviate.WeaviateClient', 'weaviate.connect_to_local', 'weaviate.connect_to_weaviate_cloud', 'weaviate.connect_to_wcs', 'weaviate.connect_to_custom', 'weaviate.connect_to_embedded'],
    methods: [
      'near_text', 'near_vector', 'near_object', 'near_image', 'hybrid', 'bm25', 'fetch_objects', 'fetch_object_by_id', 'insert', 'insert_many', 'update', 'delete_by_id', 'delete_many', 'replace', 'do', 'create_class', 'delete_class', 'exists', 'generate',
      'dynamic', 'fixed_size', 'rate_limit',
    ],
    entry: { what: 'makes a synchronous Weaviate request', instead: 'the async client (`weaviate.use_async_with_local()` ...) and `await`' },
  },
  {
    ctors: ['elasticsearch.Elasticsearch', 'opensearchpy.OpenSearch'],
    methods: [
      'search', 'index', 'get', 'delete', 'update', 'bulk', 'count', 'exists', 'msearch', 'create', 'delete_by_query', 'update_by_query', 'scroll', 'mget',
      'ping', 'info', 'put_mapping', 'refresh', 'knn_search', 'clear_scroll',
    ],
    entry: { what: 'makes a synchronous Elasticsearch request', instead: '`AsyncElasticsearch` (or opensearch-py `AsyncOpenSearch`) and `await`' },
  },
  {
    ctors: ['pymilvus.MilvusClient', 'pymilvus.Collection', 'pymilvus.orm.collection.Collection'],
    methods: [
      'search', 'hybrid_search', 'query', 'insert', 'upsert', 'delete', 'get', 'flush', 'load', 'release', 'create_collection', 'drop_collection',
      'load_collection', 'release_collection', 'has_collection', 'list_collections', 'describe_collection', 'create_index',
    ],
    entry: { what: 'makes a synchronous Milvus request', instead: '`AsyncMilvusClient` and `await`' },
  },
  {
    // LangChain vector stores: a search embeds the query (usually an HTTP call) and queries the store.
    ctors: LANGCHAIN_VECTOR_STORES,
    methods: [...LANGCHAIN_VECTOR_SEARCH, 'add_texts', 'add_documents', 'delete', 'get_by_ids', 'search', 'get_relevant_documents', 'invoke'],
    entry: { what: 'runs a synchronous vector-store search (embedding and store requests)', instead: 'the async twin (`asimilarity_search`, `aadd_documents`, `ainvoke`) and `await`' },
  },
  {
    // Sync HTTP API clients whose every public method is a request: any method called on the client itself.
    ctors: ['redash_toolbelt.Redash', 'redash_toolbelt.client.Redash', 'redashAPI.RedashAPIClient', 'redashAPI.client.RedashAPIClient', 'redash_python.Redash'],
    methods: '*',
    entry: { what: 'makes a synchronous HTTP request to Redash (the client wraps `requests`)', instead: '`asyncio.to_thread`' },
  },
  {
    ctors: ['slack_sdk.WebClient', 'slack_sdk.web.WebClient', 'slack_sdk.web.client.WebClient', 'slack.WebClient'],
    methods: '*',
    entry: { what: 'makes a synchronous Slack API request', instead: 'slack_sdk `AsyncWebClient` and `await`' },
  },
  {
    ctors: ['stripe.StripeClient'],
    methods: ['create', 'retrieve', 'update', 'list', 'delete', 'cancel', 'capture', 'confirm', 'search', 'finalize_invoice', 'pay'],
    entry: { what: 'makes a synchronous Stripe request', instead: 'the `_async` methods (`create_async`, ...) and `await`' },
  },
  {
    ctors: ['twilio.rest.Client'],
    methods: ['create', 'fetch', 'update', 'list', 'delete', 'stream'],
    entry: { what: 'makes a synchronous Twilio request', instead: '`asyncio.to_thread` (or the `_async` methods with an `AsyncTwilioHttpClient`)' },
  },
  {
    ctors: ['sendgrid.SendGridAPIClient', 'sendgrid.sendgrid.SendGridAPIClient'],
    methods: ['send', 'post', 'get', 'patch', 'put', 'delete'],
    entry: { what: 'makes a synchronous SendGrid request', instead: '`asyncio.to_thread`' },
  },
  {
    // Firestore (`firestore.client()` of firebase_admin, `google.cloud.firestore.Client`): document and query reads/writes.
    ctors: ['firebase_admin.firestore.client', 'google.cloud.firestore.Client', 'google.cloud.firestore_v1.Client'],
    methods: ['get', 'set', 'update', 'delete', 'add', 'stream', 'create', 'commit', 'get_all', 'count'],
    entry: { what: 'makes a synchronous Firestore request', instead: '`google.cloud.firestore.AsyncClient` and `await`' },
  },
  {
    ctors: ['firebase_admin.db.reference'],
    methods: ['get', 'set', 'update', 'push', 'delete', 'transaction'],
    entry: { what: 'makes a synchronous Firebase Realtime Database request', instead: '`asyncio.to_thread`' },
  },
  {
    ctors: ['google.cloud.storage.Client'],
    methods: [
      'get_bucket', 'create_bucket', 'list_blobs', 'list_buckets', 'upload_from_string', 'upload_from_filename', 'upload_from_file', 'download_as_bytes',
      'download_as_string', 'download_as_text', 'download_to_filename', 'download_to_file', 'exists', 'delete', 'reload', 'make_public', 'compose', 'rewrite', 'copy_blob',
    ],
    entry: { what: 'makes a synchronous Cloud Storage request', instead: '`asyncio.to_thread` (or `gcloud-aio-storage`)' },
  },
  {
    ctors: ['google.cloud.bigquery.Client'],
    methods: ['query', 'result', 'to_dataframe', 'list_rows', 'insert_rows', 'insert_rows_json', 'get_table', 'load_table_from_dataframe', 'load_table_from_uri', 'query_and_wait'],
    handles: ['query'],
    entry: { what: 'makes a synchronous BigQuery request', instead: '`asyncio.to_thread`' },
  },
  {
    ctors: ['azure.storage.blob.BlobServiceClient', 'azure.storage.blob.BlobServiceClient.from_connection_string', 'azure.storage.blob.BlobClient', 'azure.storage.blob.ContainerClient'],
    methods: ['upload_blob', 'download_blob', 'readall', 'delete_blob', 'list_blobs', 'get_blob_properties', 'create_container', 'delete_container', 'exists', 'set_blob_metadata'],
    handles: ['download_blob'],
    entry: { what: 'makes a synchronous Azure Blob Storage request', instead: '`azure.storage.blob.aio` clients and `await`' },
  },
  {
    ctors: ['azure.cosmos.CosmosClient', 'azure.cosmos.CosmosClient.from_connection_string'],
    methods: ['query_items', 'read_item', 'upsert_item', 'create_item', 'replace_item', 'delete_item', 'patch_item', 'read_all_items', 'create_database_if_not_exists', 'create_container_if_not_exists'],
    entry: { what: 'makes a synchronous Cosmos DB request', instead: '`azure.cosmos.aio.CosmosClient` and `await`' },
  },
  {
    // rq: enqueueing writes the job to Redis.
    ctors: ['rq.Queue'],
    methods: ['enqueue', 'enqueue_call', 'enqueue_in', 'enqueue_at', 'fetch_job'],
    entry: { what: 'enqueues a job in Redis synchronously', instead: '`asyncio.to_thread`' },
  },
  {
    // `app.control.inspect().stats()` / `.active()`: a broadcast over the broker that waits for the workers' replies (1 s by default).
    ctors: ['celery.Celery'],
    methods: ['send_task', 'stats', 'active', 'scheduled', 'reserved', 'registered', 'registered_tasks', 'active_queues', 'revoked', 'ping', 'query_task', 'revoke', 'broadcast'],
    entry: { what: 'talks to the Celery broker synchronously (a publish, or a broadcast that waits for the workers\' replies)', instead: '`asyncio.to_thread(...)` around the call' },
  },
  {
    // A task's result handle: `ready()` / `get()` read the task's state from the result backend (a Redis GET, a
    // database query) on every call while the task is pending; `get()` waits for the task itself.
    ctors: ['celery.result.AsyncResult', 'celery.Celery.AsyncResult', 'celery.app.base.Celery.AsyncResult'],
    methods: ['get', 'ready', 'wait', 'forget', 'revoke', 'collect', 'get_leaf'],
    dataAttributes: ['result', 'info', 'state', 'status', 'traceback', 'args', 'kwargs', 'name', 'date_done', 'id'],
    entry: { what: 'reads the task\'s state from the Celery result backend synchronously (`get()` waits for the task)', instead: '`asyncio.to_thread(...)` around the call' },
  },
];
VECTOR_AND_SERVICE_CLIENTS.push(
  {
    // A boto3 (botocore) client of any service: every operation method is one synchronous HTTP request
    // (`s3.get_object`, `bedrock.get_inference_profile`, `sts.get_caller_identity`); the LLM operations of
    // the Bedrock runtimes are the `boto3-bedrock` SDK's. Local helpers of the client do no I/O.
    ctors: ['boto3.client', 'boto3.Session.client', 'boto3.session.Session.client', 'botocore.session.Session.create_client', 'botocore.session.get_session.create_client'],
    methods: '*',
    except: ['get_paginator', 'get_waiter', 'can_paginate', 'generate_presigned_url', 'generate_presigned_post', 'close', 'meta', 'exceptions'],
    // botocore names each operation method after the API's operation (`GetObject` → `get_object`).
    names: /^(?:get|put|list|describe|create|delete|update|invoke|send|receive|start|stop|query|scan|batch|upload|download|copy|head|publish|assume|tag|untag|run|terminate|modify|search|detect|translate|synthesize|converse|retrieve|apply|count|restore|associate|disassociate|enable|disable|register|deregister|subscribe|unsubscribe|execute|import|export|cancel|reset|set|add|remove|attach|detach|test|validate|admin|change|confirm|initiate|complete|abort|select|transact|decrypt|encrypt|sign|verify|rotate|purge|respond|lookup|simulate|reboot|accept|reject|allocate|release|authorize|revoke|request|replace|analyze|compare|generate|rerank|create)(?:_\w+)?$/,
    entry: { what: 'makes a synchronous AWS request', instead: '`aioboto3` or `asyncio.to_thread`' },
  },
  {
    // googleapiclient: `build(...)` returns a resource whose methods build requests; `.execute()` sends one
    // (httplib2, synchronous); a media upload's `next_chunk()` sends a chunk.
    ctors: ['googleapiclient.discovery.build', 'apiclient.discovery.build', 'googleapiclient.discovery.build_from_document'],
    methods: ['execute', 'next_chunk'],
    entry: { what: 'sends a synchronous Google API request (httplib2)', instead: '`asyncio.to_thread` (or an async client such as `aiogoogle`)' },
  },
  {
    ctors: ['elevenlabs.ElevenLabs', 'elevenlabs.client.ElevenLabs'],
    methods: ['convert', 'convert_as_stream', 'convert_with_timestamps', 'stream', 'generate', 'get_all', 'get', 'search', 'add', 'delete', 'clone'],
    entry: { what: 'makes a synchronous ElevenLabs request', instead: '`elevenlabs.client.AsyncElevenLabs` and `await`' },
  },
  {
    ctors: ['PIL.Image.open'],
    methods: ['save'],
    entry: { what: 'writes an image file synchronously', instead: '`asyncio.to_thread`', minor: true },
  },
);
BLOCKING_CLIENTS.push(...VECTOR_AND_SERVICE_CLIENTS);
/** Rows whose requests return plain data: a method called on a request's result is not the client's. */
export const DATA_RESULT_ROWS = new Set<BlockingClient>(VECTOR_AND_SERVICE_CLIENTS);

/**
 * Constructors (or factory methods) of the async twins of catalog clients that share a chain with them
 * (`pc.IndexAsyncio(host=...)` on a sync `Pinecone`): a chain through one of these is not blocking.
 */
export const ASYNC_TWIN_CTORS = new Set(['pinecone.Pinecone.IndexAsyncio', 'pinecone.PineconeAsyncio', 'pinecone.PineconeAsyncio.IndexAsyncio']);

/** LangChain document loaders: `load()` fetches the URL or reads the files synchronously (`aload`/`alazy_load` are the twins). */
const LOADER_ROW: BlockingClient = {
  ctors: [],
  methods: ['load', 'lazy_load', 'load_and_split'],
  entry: { what: 'loads documents synchronously (HTTP fetches or file reads)', instead: '`await loader.aload()`, or `asyncio.to_thread(loader.load)`' },
};
DATA_RESULT_ROWS.add(LOADER_ROW);
const DOCUMENT_LOADER = /^langchain(?:_community)?\.document_loaders\.(?:[\w.]+\.)?\w+$/;

/** `transformers.<Class>.from_pretrained(...)`: reads (or downloads) the model's files. */
const FROM_PRETRAINED = /^transformers\.\w+\.from_pretrained$/;
const FROM_PRETRAINED_ENTRY: BlockingEntry = { what: 'loads model files from disk (downloading them on first use)', instead: 'loading the model once at startup, or `asyncio.to_thread`' };

/** A blocking function known by the shape of its qualified name (not listed one by one). */
export function blockingFunctionLike(qname: string): BlockingEntry | undefined {
  return FROM_PRETRAINED.test(qname) ? FROM_PRETRAINED_ENTRY : undefined;
}

/** Constructor qualified name → its `BLOCKING_CLIENTS` row. */
export const BLOCKING_CLIENT_BY_CTOR = new Map(BLOCKING_CLIENTS.flatMap((c) => c.ctors.map((q) => [q, c] as const)));

const LANGCHAIN_ROW = BLOCKING_CLIENTS.find((c) => c.ctors === LANGCHAIN_VECTOR_STORES)!;
/** A LangChain vector store class not listed by name: in a `vectorstores` module, or named `*VectorStore` / `*VectorSearch`. */
const LANGCHAIN_VECTOR_STORE = /^langchain\w*\.(?:[\w.]*\.)?vectorstores?\.\w+$|^langchain\w*(?:\.\w+)*\.\w*(?:VectorStore|VectorSearch)$/;

/** The catalog row of a constructor qualified name (LangChain vector stores also by the shape of their name). */
export function blockingClientOf(ctor: string): BlockingClient | undefined {
  const row = BLOCKING_CLIENT_BY_CTOR.get(ctor);
  if (row) return row;
  // `Chroma.from_documents(...)`, `PGVector.from_existing_index(...)`: alternate constructors.
  const cls = ctor.replace(/\.from_\w+$/, '');
  if (cls !== ctor && BLOCKING_CLIENT_BY_CTOR.get(cls) === LANGCHAIN_ROW) return LANGCHAIN_ROW;
  if (LANGCHAIN_VECTOR_STORE.test(cls)) return LANGCHAIN_ROW;
  return DOCUMENT_LOADER.test(ctor) ? LOADER_ROW : undefined;
}

/** True when `method` of a client of this row does I/O (`*` rows: every public method). */
export function rowHasMethod(row: BlockingClient, method: string): boolean {
  return row.methods === '*' ? !method.startsWith('_') && !method.startsWith('.') && !row.except?.includes(method) : row.methods.includes(method);
}

/**
 * Method names that only LangChain's vector stores use (`similarity_search`, `max_marginal_relevance_search`
 * and their variants): a call of one that is not awaited is the sync search even when the store's value is
 * not known here (built in another module and passed along); their async twins start with `a`.
 */
export const VECTOR_SEARCH_METHODS = new Set(LANGCHAIN_VECTOR_SEARCH);
const VECTOR_SEARCH_ENTRY = LANGCHAIN_ROW.entry;
export function vectorSearchEntry(): BlockingEntry {
  return VECTOR_SEARCH_ENTRY;
}

/** Celery publishes: `task.delay(...)`, `task.apply_async(...)`. */
export const CELERY_PUBLISH = new Set(['delay', 'apply_async']);
export const CELERY_ENTRY: BlockingEntry = { what: 'publishes a Celery task to the broker synchronously (kombu, a network round trip)', instead: '`await asyncio.to_thread(task.delay, ...)`' };

/** Per catalog module: the names (function, or class making a blocking object) its entries call (`time` → `sleep`). */
export const BLOCKING_NAMES_BY_MODULE = new Map<string, string[]>();

const DISTINCTIVE = '\\.(?:similarity_search\\w*|max_marginal_relevance_search\\w*|delay|apply_async)\\s*\\(';

/** A call of a builtin of the catalog (`open(...)`), or of a distinctive method (below), found in text. */
export const BLOCKING_BUILTIN_CALL = new RegExp(`\\b(?:${Object.keys(BLOCKING_FUNCTIONS).filter((q) => !q.includes('.')).join('|')})\\s*\\(|${DISTINCTIVE}`);

/**
 * Calls recognized by their method name alone, found in text: LangChain vector-store searches and Celery
 * publishes (`task.delay(...)`), whose receiver is often built or imported elsewhere.
 */
export const DISTINCTIVE_BLOCKING_CALL = new RegExp(DISTINCTIVE);

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
  for (const c of BLOCKING_CLIENTS) if (c.methods !== '*') for (const n of c.methods) BLOCKING_CALL_NAMES.add(n);
  for (const n of CELERY_PUBLISH) BLOCKING_CALL_NAMES.add(n);
  BLOCKING_CALL_NAMES.add('from_documents');
  for (const n of LOADER_ROW.methods as string[]) BLOCKING_CALL_NAMES.add(n);
  BLOCKING_CALL_NAMES.add('from_pretrained');
  BLOCKING_NAMES_BY_MODULE.set('transformers', [...(BLOCKING_NAMES_BY_MODULE.get('transformers') ?? []), 'from_pretrained']);
  BLOCKING_CALL_NAMES.add('from_texts');
  WILDCARD_TOPS.clear();
  WILDCARD_NAMES.clear();
  for (const c of BLOCKING_CLIENTS) {
    if (c.methods !== '*') continue;
    for (const q of c.ctors) {
      const top = q.split('.')[0];
      if (c.names) WILDCARD_NAMES.set(top, c.names);
      else WILDCARD_TOPS.add(top);
    }
  }
}

/** Top-level packages of clients whose every method is a request (a file importing one checks every method call). */
export const WILDCARD_TOPS = new Set<string>();
/** Top-level packages of such clients whose request methods have a known shape: a file importing one checks the calls named so. */
export const WILDCARD_NAMES = new Map<string, RegExp>();
refreshBlockingNames();
