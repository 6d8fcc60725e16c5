"""Product ranking with the embeddings and the model loaded once, at import time."""
import pandas as pd
from dotenv import load_dotenv
from sentence_transformers import SentenceTransformer

load_dotenv()
TABLE = pd.read_pickle("data/embeddings.pkl")
MODEL = SentenceTransformer("all-MiniLM-L6-v2")


def names() -> list:
    return TABLE["name"].tolist()
