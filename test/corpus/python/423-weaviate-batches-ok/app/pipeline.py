"""An in-house ingestion pipeline whose `batch.dynamic()` only groups items in memory (no Weaviate involved)."""


class Batch:
    def __init__(self) -> None:
        self.items: list[str] = []

    def dynamic(self) -> "Batch":
        return self

    def __enter__(self) -> "Batch":
        return self

    def __exit__(self, *exc: object) -> None:
        self.items.sort()

    def add(self, item: str) -> None:
        self.items.append(item)


class Pipeline:
    def __init__(self) -> None:
        self.batch = Batch()
