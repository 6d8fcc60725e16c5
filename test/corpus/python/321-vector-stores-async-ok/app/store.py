"""The same stores on async clients, or kept off the loop."""
import os

from langchain_chroma import Chroma
from langchain_openai import OpenAIEmbeddings
from pinecone import Pinecone, PineconeAsyncio
from qdrant_client import AsyncQdrantClient, QdrantClient
import chromadb
from elasticsearch import AsyncElasticsearch

embeddings = OpenAIEmbeddings(model="text-embedding-3-small", timeout=20, max_retries=2)
docs_store = Chroma(collection_name="docs", embedding_function=embeddings, persist_directory="/data/chroma")

pc = Pinecone(api_key=os.environ["PINECONE_API_KEY"])
faq_index = pc.IndexAsyncio(host=os.environ["PINECONE_HOST"])
sync_index = pc.Index("faq")

aqdrant = AsyncQdrantClient(url=os.environ["QDRANT_URL"])
qdrant = QdrantClient(url=os.environ["QDRANT_URL"])
es = AsyncElasticsearch(os.environ["ES_URL"])


async def chroma():
    return await chromadb.AsyncHttpClient(host="chroma", port=8000)
