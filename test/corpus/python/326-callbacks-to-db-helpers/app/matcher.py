"""Matching words of a question against a table: the lookup is handed in as a function."""
from app.db import Places


def embed(word: str) -> list:
    return [float(ord(c)) for c in word[:8]]


class Matcher:
    def __init__(self):
        self.places = Places()

    def _best(self, question: str, lookup, top_k: int = 3) -> list:
        rows = []
        for word in question.split():
            rows.extend(lookup(embed(word), top_k=top_k))
        return rows[:1]

    def params_for(self, question: str) -> dict:
        city = self._best(question, self.places.nearest_cities)
        service = self._best(question, lookup=self.places.nearest_services)
        return {"city": city, "service": service}
