// blocking-call-in-async-handler's catalog of sync vector-store, vector-DB and service clients, Celery
// publishes and LangChain searches by name (issue 14): each entry against its async twin and look-alikes.

import * as assert from 'assert';
import { Workspace } from '../../src/engine/api';
import { blockingClientOf, rowHasMethod } from '../../src/engine/catalog/python-blocking';
import { testEngine } from '../helpers/engine';

const ROOT = '/virtual/blocking-catalog';

function lines(ws: Workspace, file: string): number[] {
  return ws.analyze(`${ROOT}/${file}`)!.findings.filter((f) => f.rule === 'blocking-call-in-async-handler').map((f) => f.range.start.line + 1);
}

const src = (...l: string[]) => l.join('\n') + '\n';

describe('blocking catalog: vector stores, service SDKs, Celery', () => {
  it('knows LangChain vector stores by name and by the shape of their class name', () => {
    assert.ok(blockingClientOf('langchain_astradb.AstraDBVectorStore'));
    assert.ok(blockingClientOf('langchain_community.vectorstores.Neo4jVector'));
    assert.ok(blockingClientOf('langchain_foo.FooVectorStore'));
    assert.ok(blockingClientOf('langchain_chroma.Chroma.from_documents'));
    assert.strictEqual(blockingClientOf('langchain_openai.ChatOpenAI'), undefined);
    assert.strictEqual(blockingClientOf('qdrant_client.AsyncQdrantClient'), undefined);
    const redash = blockingClientOf('redash_toolbelt.Redash')!;
    assert.ok(rowHasMethod(redash, 'get_data_sources') && !rowHasMethod(redash, '_get'));
  });

  it('reports sync vector-DB clients, not their async twins nor reads of a result', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/a.py`, src(
      'import os',
      'from fastapi import FastAPI',
      'from pinecone import Pinecone',
      'from qdrant_client import AsyncQdrantClient, QdrantClient',
      'app = FastAPI()',
      'pc = Pinecone(api_key=os.environ["K"])',
      'q = QdrantClient(url="http://q")',
      'aq = AsyncQdrantClient(url="http://q")',
      '@app.get("/a")',
      'async def a(v: list):',
      '    r = pc.Index("faq").query(vector=v, top_k=3)',
      '    hits = q.search(collection_name="c", query_vector=v)',
      '    more = await aq.search(collection_name="c", query_vector=v)',
      '    idx = pc.IndexAsyncio(host="h")',
      '    got = await idx.query(vector=v, top_k=3)',
      '    return {"r": r.get("matches"), "h": hits, "m": more, "g": got}',
    ));
    assert.deepStrictEqual(lines(ws, 'a.py'), [11, 12]);
  });

  it('follows a sync client built in another module, and drops the finding when that module switches to the async twin', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/store.py`, src('from qdrant_client import QdrantClient', 'qdrant = QdrantClient(url="http://q")'));
    ws.upsert(`${ROOT}/api.py`, src(
      'from fastapi import FastAPI',
      'from store import qdrant',
      'app = FastAPI()',
      '@app.get("/s")',
      'async def s(v: list):',
      '    return {"h": qdrant.query_points(collection_name="c", query=v)}',
    ));
    assert.deepStrictEqual(lines(ws, 'api.py'), [6]);
    ws.upsert(`${ROOT}/store.py`, src('from qdrant_client import AsyncQdrantClient', 'qdrant = AsyncQdrantClient(url="http://q")'));
    assert.deepStrictEqual(lines(ws, 'api.py'), []);
  });

  it('reports a LangChain search by its name when not awaited, not the async twin nor a class of ours', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/b.py`, src(
      'from fastapi import FastAPI',
      'app = FastAPI()',
      'class Mine:',
      '    async def similarity_search(self, q):',
      '        return []',
      'mine = Mine()',
      '@app.get("/b")',
      'async def b(q: str, store=None):',
      '    one = store.similarity_search(q, k=3)',
      '    two = await store.asimilarity_search(q, k=3)',
      '    three = await mine.similarity_search(q)',
      '    return [one, two, three]',
    ));
    assert.deepStrictEqual(lines(ws, 'b.py'), [9]);
  });

  it('reports Celery publishes of tasks, not a process pool nor a delay method of ours', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/c.py`, src(
      'from multiprocessing import Pool',
      'from celery import shared_task',
      'from fastapi import FastAPI',
      'app = FastAPI()',
      'pool = Pool(2)',
      '@shared_task',
      'def job(x):',
      '    return x',
      'def plain(x):',
      '    return x',
      'class Backoff:',
      '    def delay(self, n):',
      '        return n',
      'backoff = Backoff()',
      '@app.post("/c")',
      'async def c(x: int):',
      '    job.delay(x)',
      '    job.apply_async(args=[x])',
      '    pool.apply_async(plain, (x,))',
      '    return backoff.delay(x)',
    ));
    assert.deepStrictEqual(lines(ws, 'c.py'), [17, 18]);
  });

  it('reports every operation of a boto3 client of any service, not its local helpers nor an aioboto3 client', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/aws.py`, src(
      'import aioboto3',
      'import boto3',
      'from fastapi import FastAPI',
      'app = FastAPI()',
      'bedrock = boto3.client("bedrock")',
      'session = boto3.Session()',
      '@app.get("/a")',
      'async def a(arn: str):',
      '    p = bedrock.get_inference_profile(inferenceProfileIdentifier=arn)',
      '    who = session.client("sts").get_caller_identity()',
      '    url = boto3.client("s3").generate_presigned_url("get_object", Params={})',
      '    pages = bedrock.get_paginator("list_foundation_models")',
      '    async with aioboto3.Session().client("s3") as s3:',
      '        await s3.get_object(Bucket="b", Key="k")',
      '    return p["models"][0], who["Account"], url, pages',
    ));
    assert.deepStrictEqual(lines(ws, 'aws.py'), [9, 10]);
  });

  it('reports googleapiclient build(...) and request.execute() reached from the loop through a module naming an SDK', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/yt/__init__.py`, '');
    ws.upsert(`${ROOT}/yt/search.py`, src(
      'import boto3',
      'from googleapiclient.discovery import build',
      'def videos(q, key):',
      '    youtube = build("youtube", "v3", developerKey=key)',
      '    req = youtube.search().list(q=q, part="snippet")',
      '    return req.execute()["items"]',
    ));
    ws.upsert(`${ROOT}/yt/api.py`, src(
      'import asyncio',
      'from fastapi import FastAPI',
      'from yt.search import videos',
      'app = FastAPI()',
      '@app.get("/v")',
      'async def v(q: str, key: str):',
      '    return videos(q, key)',
      '@app.get("/w")',
      'async def w(q: str, key: str):',
      '    return await asyncio.to_thread(videos, q, key)',
    ));
    assert.deepStrictEqual([lines(ws, 'yt/search.py'), lines(ws, 'yt/api.py')], [[4, 6], [7]]);
  });

  it('reports every method of a client whose methods are all requests, not what a request returns', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/d.py`, src(
      'from quart import Quart',
      'from redash_toolbelt import Redash',
      'app = Quart(__name__)',
      'redash = Redash("http://r", "k")',
      '@app.get("/d")',
      'async def d():',
      '    q = redash.create_query("select 1")',
      '    return {"id": q.get("id"), "n": len(q)}',
    ));
    assert.deepStrictEqual(lines(ws, 'd.py'), [7]);
  });

  it('reads a client off a declared field and a wrapper off an annotated local', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/wrap.py`, src(
      'import redis',
      'from pydantic import BaseModel, ConfigDict',
      'from qdrant_client import QdrantClient',
      'class Search(BaseModel):',
      '    model_config = ConfigDict(arbitrary_types_allowed=True)',
      '    client: QdrantClient',
      '    def top(self, v):',
      '        return self.client.search(collection_name="c", query_vector=v)',
      'class Cache:',
      '    def __init__(self):',
      '        self.r = redis.Redis()',
      '    def put(self, k, v):',
      '        self.r.set(k, v)',
    ));
    ws.upsert(`${ROOT}/routes.py`, src(
      'from fastapi import FastAPI, Request',
      'from wrap import Cache, Search',
      'app = FastAPI()',
      '@app.post("/s")',
      'async def s(request: Request, v: list):',
      '    search: Search = request.app.state.search',
      '    cache: Cache = request.app.state.cache',
      '    cache.put("k", "v")',
      '    return search.top(v)',
    ));
    assert.deepStrictEqual(lines(ws, 'routes.py'), [8, 9]);
    assert.deepStrictEqual(lines(ws, 'wrap.py'), [8, 13]);
  });
});
