"""The same stores on async clients: a declared async Weaviate client and redis.asyncio."""
import redis.asyncio as aioredis
import weaviate
from pydantic import BaseModel, ConfigDict


class VectorCache(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    client: weaviate.WeaviateAsyncClient
    collection_name: str

    async def lookup(self, vector: list) -> list:
        collection = self.client.collections.get(self.collection_name)
        found = await collection.query.near_vector(vector, limit=1)
        return [o.properties for o in found.objects]


class AnswerCache:
    def __init__(self, url: str):
        self.redis = aioredis.from_url(url)

    async def remember(self, key: str, value: bytes) -> None:
        await self.redis.setex(key, 3600, value)


class Labels(BaseModel):
    """Declared fields of plain types: nothing to follow."""

    names: dict

    def get(self, key: str) -> str:
        return self.names.get(key, key)
