"""Product ranking: loads the embeddings and the model on every call."""
import pandas as pd
from sentence_transformers import SentenceTransformer


def rank(query: str) -> list:
    table = pd.read_pickle("data/embeddings.pkl")  # expect: blocking-call-in-async-handler
    model = SentenceTransformer("all-MiniLM-L6-v2")  # expect: blocking-call-in-async-handler
    scores = table["vec"].apply(lambda v: float(sum(a * b for a, b in zip(v, model.encode(query)))))
    return table.assign(score=scores).nlargest(5, "score")["name"].tolist()
