from functools import lru_cache

from llama_index.core import StorageContext, load_index_from_storage


@lru_cache
def load_index():
    return load_index_from_storage(StorageContext.from_defaults(persist_dir="./storage"))
