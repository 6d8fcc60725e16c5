"""The notes index: its embedder is handed to the vector store, which embeds over HTTP."""
# corpus: labels llm-call-without-timeout
from langchain_chroma import Chroma
from langchain_community.embeddings import OpenAIEmbeddings


class NotesIndex:
    def __init__(self) -> None:
        self.embeddings = OpenAIEmbeddings(model="text-embedding-3-small")  # expect: llm-call-without-timeout
        self.store = Chroma(collection_name="notes", embedding_function=self.embeddings, persist_directory="notes_db")

    async def search(self, q: str) -> list[str]:
        docs = await self.store.asimilarity_search(q, k=3)
        return [d.page_content for d in docs]
