"""Chat history in Postgres through a sync SQLAlchemy session (psycopg2)."""
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from app.models import Message

engine = create_engine("postgresql+psycopg2://app@db/chat")


class History:
    def __init__(self):
        self.db = Session(engine)

    def recent(self, user: str) -> list[str]:
        rows = self.db.scalars(select(Message).where(Message.user == user).limit(20)).all()  # expect: blocking-call-in-async-handler
        return [r.text for r in rows]

    def add(self, user: str, text: str) -> None:
        self.db.add(Message(user=user, text=text))
        self.db.commit()  # expect: blocking-call-in-async-handler

    async def context(self, user: str) -> str:
        return "\n".join(self.recent(user))  # expect: blocking-call-in-async-handler
