"""Response cache kept in Redis with the sync redis-py client."""
import redis


class AnswerCache:
    def __init__(self, host: str, port: int):
        self.redis = redis.Redis(host=host, port=port)

    def remember(self, key: str, value: str) -> None:
        self.redis.setex(key, 3600, value)  # expect: blocking-call-in-async-handler
