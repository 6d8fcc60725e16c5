from functools import lru_cache

from llama_index.core import SimpleDirectoryReader, VectorStoreIndex
from llama_index.llms.openai import OpenAI

DOCS_DIR = "./handbook"


@lru_cache(maxsize=1)
def get_index() -> VectorStoreIndex:
    documents = SimpleDirectoryReader(DOCS_DIR).load_data()
    return VectorStoreIndex.from_documents(documents)


@lru_cache(maxsize=1)
def get_query_engine():
    return get_index().as_query_engine(llm=OpenAI(model="gpt-4o-mini", timeout=30), similarity_top_k=4)
