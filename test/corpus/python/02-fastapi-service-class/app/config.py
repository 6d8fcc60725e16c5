from functools import lru_cache

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    openai_api_key: str = ""
    summary_model: str = "gpt-4o-mini"
    max_summary_words: int = 120


@lru_cache
def get_settings() -> Settings:
    return Settings()
