"""The same assistant done right, and look-alikes: our own objects with load/generate/encode, async twins, offloads, startup loading."""
import asyncio
import json
from contextlib import asynccontextmanager

import pandas as pd
from fastapi import FastAPI, UploadFile
from langchain_community.document_loaders import WebBaseLoader
from sentence_transformers import SentenceTransformer


class Loader:
    """Ours: reads from memory."""

    def __init__(self, items: list[str]):
        self.items = items

    def load(self) -> list[str]:
        return list(self.items)

    def generate(self, n: int) -> list[str]:
        return self.items[:n]

    def encode(self, text: str) -> bytes:
        return text.encode()


def read_csv(text: str) -> list[list[str]]:
    """Ours: parses a string."""
    return [line.split(",") for line in text.splitlines()]


models: dict = {}


@asynccontextmanager
async def lifespan(app: FastAPI):
    models["embedder"] = SentenceTransformer("all-MiniLM-L6-v2")
    yield


app = FastAPI(lifespan=lifespan)
catalog = pd.read_pickle("products.pkl")


@app.get("/items")
async def items(n: int):
    loader = Loader(["a", "b"])
    rows = read_csv("a,b\nc,d")
    return {"items": loader.load() + loader.generate(n), "rows": rows, "raw": loader.encode("x").decode(), "meta": json.loads("{}")}


@app.post("/stats")
async def stats(upload: UploadFile):
    frame = await asyncio.to_thread(pd.read_csv, upload.file)
    return {"rows": len(frame), "catalog": len(catalog), "csv": frame.to_csv()}


@app.get("/summarize")
async def summarize(url: str):
    docs = await WebBaseLoader(url).aload()
    return {"chars": sum(len(d.page_content) for d in docs)}


@app.get("/embed")
async def embed(q: str):
    vector = await asyncio.to_thread(models["embedder"].encode, q)
    return {"dims": len(vector)}


@app.get("/sync-rank")
def sync_rank(q: str):
    # A plain def route runs in the thread pool: blocking here holds no loop.
    embedder = SentenceTransformer("all-MiniLM-L6-v2")
    return {"dims": len(embedder.encode(q)), "rows": len(pd.read_csv("products.csv"))}
