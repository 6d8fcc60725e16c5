import math

from app.local_llm import embed


def cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


def best_passages(question: str, passages: list[str], k: int = 3) -> list[str]:
    vectors = embed([question] + passages)
    q, rest = vectors[0], vectors[1:]
    ranked = sorted(zip(passages, rest), key=lambda p: cosine(q, p[1]), reverse=True)
    return [p for p, _ in ranked[:k]]
