"""A semantic cache kept in Weaviate (v4 sync client): writes go through batches flushed when the block exits."""
import weaviate
from pydantic import BaseModel, ConfigDict


class SemanticCache(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    client: weaviate.WeaviateClient
    collection_name: str

    def remember(self, text: str, vector: list[float]) -> None:
        collection = self.client.collections.get(self.collection_name)
        # The batch sends what is queued and waits for the results when the block exits.
        with collection.batch.fixed_size(batch_size=50) as batch:  # expect: blocking-call-in-async-handler
            batch.add_object(properties={"text": text}, vector=vector)
