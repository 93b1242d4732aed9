"""Settings read from the environment, with local defaults; tests override them through get_settings."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore")

    database_url: str = "sqlite:///data/timeline.db"
    max_article_bytes: int = 4 * 1024 * 1024
    sqlite_busy_timeout_ms: int = 5000


@lru_cache
def get_settings() -> Settings:
    return Settings()
