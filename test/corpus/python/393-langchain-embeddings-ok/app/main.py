"""Semantic search over LangChain embeddings models with bounded waits, awaited on the loop."""
# corpus: labels llm-call-without-timeout
from fastapi import FastAPI
from langchain_huggingface import HuggingFaceEmbeddings
from langchain_ollama import OllamaEmbeddings
from langchain_openai import OpenAIEmbeddings

app = FastAPI()
local = OllamaEmbeddings(model="nomic-embed-text", base_url="http://ollama:11434", client_kwargs={"timeout": 30})
remote = OpenAIEmbeddings(model="text-embedding-3-small", timeout=20, max_retries=2)
in_process = HuggingFaceEmbeddings(model_name="sentence-transformers/all-MiniLM-L6-v2")


@app.post("/index")
def index(docs: list[str]):
    return {"local": local.embed_documents(docs), "remote": remote.embed_documents(docs), "mini": in_process.embed_documents(docs)}


@app.post("/search")
async def search(q: str):
    by_remote = await remote.aembed_query(q)
    by_local = await local.aembed_query(q)
    return {"remote": by_remote[:3], "local": by_local[:3]}
