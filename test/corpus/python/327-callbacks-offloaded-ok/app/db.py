"""Database access: a SQLAlchemy engine and queries run in sessions opened per call."""
import os

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine(os.environ["DATABASE_URL"])


class Places:
    def nearest_cities(self, embedding: list, top_k: int = 3) -> list:
        with Session(engine) as session:
            rows = session.execute(text("SELECT name FROM city LIMIT :k"), {"k": top_k}).all()
        return [r[0] for r in rows]
