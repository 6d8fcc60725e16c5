"""The notes indexes: a bounded remote embedder and a local one, handed to the vector stores."""
# corpus: labels llm-call-without-timeout
from langchain_chroma import Chroma
from langchain_community.embeddings import HuggingFaceEmbeddings, OpenAIEmbeddings


class NotesIndex:
    def __init__(self) -> None:
        self.embeddings = OpenAIEmbeddings(model="text-embedding-3-small", timeout=20)
        self.store = Chroma(collection_name="notes", embedding_function=self.embeddings, persist_directory="notes_db")
        # sentence-transformers in this process: no request goes out.
        self.local = HuggingFaceEmbeddings(model_name="sentence-transformers/all-MiniLM-L6-v2")
        self.local_store = Chroma(collection_name="notes-local", embedding_function=self.local, persist_directory="notes_local_db")

    async def search(self, q: str) -> list[str]:
        docs = await self.store.asimilarity_search(q, k=3)
        return [d.page_content for d in docs]
