"""Vector stores and vector-DB clients, built once at import time for the routes."""
import os

from langchain_chroma import Chroma
from langchain_openai import OpenAIEmbeddings
from pinecone import Pinecone
from qdrant_client import QdrantClient
import chromadb
from elasticsearch import Elasticsearch

embeddings = OpenAIEmbeddings(model="text-embedding-3-small", timeout=20, max_retries=2)
docs_store = Chroma(collection_name="docs", embedding_function=embeddings, persist_directory="/data/chroma")

pc = Pinecone(api_key=os.environ["PINECONE_API_KEY"])
faq_index = pc.Index("faq")

qdrant = QdrantClient(url=os.environ["QDRANT_URL"])
chroma_http = chromadb.HttpClient(host="chroma", port=8000)
es = Elasticsearch(os.environ["ES_URL"])
