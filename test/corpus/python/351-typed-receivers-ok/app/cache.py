"""Response cache kept in Redis with the asyncio redis client."""
import redis.asyncio as aioredis


class AnswerCache:
    def __init__(self, host: str, port: int):
        self.redis = aioredis.Redis(host=host, port=port)

    async def remember(self, key: str, value: str) -> None:
        await self.redis.setex(key, 3600, value)


class LocalCounter:
    """Counts questions in memory: no I/O."""

    def __init__(self):
        self.seen: dict[str, int] = {}

    def bump(self, key: str) -> int:
        self.seen[key] = self.seen.get(key, 0) + 1
        return self.seen[key]
