"""Bring the database named by DATABASE_URL up to the newest Alembic revision."""

from pathlib import Path

from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parent.parent


def alembic_config() -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    return config


def upgrade_database() -> None:
    command.upgrade(alembic_config(), "head")


if __name__ == "__main__":
    upgrade_database()
