"""Database access: a SQLAlchemy engine and queries run in sessions opened per call."""
import os

from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

engine = create_engine(os.environ["DATABASE_URL"])


class Places:
    def __init__(self):
        self.engine = engine

    def nearest_cities(self, embedding: list, top_k: int = 3) -> list:
        with Session(self.engine) as session:
            rows = session.execute(text("SELECT name FROM city ORDER BY embedding <-> :e LIMIT :k"), {"e": str(embedding), "k": top_k}).all()  # expect: blocking-call-in-async-handler
        return [r[0] for r in rows]

    def nearest_services(self, embedding: list, top_k: int = 3) -> list:
        with Session(self.engine) as session:
            rows = session.execute(select(text("name")).limit(top_k)).all()  # expect: blocking-call-in-async-handler
        return [r[0] for r in rows]
