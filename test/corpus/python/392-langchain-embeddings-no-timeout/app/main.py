"""Semantic search over LangChain embeddings models built without a timeout, one of them called on the loop."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI
from langchain_community.embeddings import OllamaEmbeddings as CommunityOllamaEmbeddings
from langchain_ollama import OllamaEmbeddings
from langchain_openai import OpenAIEmbeddings

app = FastAPI()
local = OllamaEmbeddings(model="nomic-embed-text", base_url="http://ollama:11434")  # expect: llm-call-without-timeout
remote = OpenAIEmbeddings(model="text-embedding-3-small")  # expect: llm-call-without-timeout
community = CommunityOllamaEmbeddings(model="nomic-embed-text", base_url="http://ollama:11434")  # expect: llm-call-without-timeout


@app.post("/index")
def index(docs: list[str]):
    # A def route runs in the threadpool: the calls wait there, without a bound, but do not block the loop.
    return {"local": local.embed_documents(docs), "remote": remote.embed_documents(docs), "community": community.embed_documents(docs)}


@app.post("/search")
async def search(q: str):
    by_remote = await remote.aembed_query(q)
    by_local = local.embed_query(q)  # expect: blocking-llm-call
    return {"remote": by_remote[:3], "local": by_local[:3]}
