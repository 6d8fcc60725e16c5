"""Stores declared as pydantic fields and a cache wrapper over redis-py: plain sync clients."""
import redis
import weaviate
from pydantic import BaseModel, ConfigDict


class VectorCache(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    client: weaviate.WeaviateClient
    collection_name: str

    def lookup(self, vector: list) -> list:
        collection = self.client.collections.get(self.collection_name)
        found = collection.query.near_vector(vector, limit=1)  # expect: blocking-call-in-async-handler
        return [o.properties for o in found.objects]


class AnswerCache:
    def __init__(self, url: str):
        self.redis = redis.Redis.from_url(url)

    def remember(self, key: str, value: bytes) -> None:
        self.redis.setex(key, 3600, value)  # expect: blocking-call-in-async-handler
