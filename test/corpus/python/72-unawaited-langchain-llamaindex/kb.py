from llama_index.core import Document, VectorStoreIndex


def build_index() -> VectorStoreIndex:
    docs = [Document(text="Refunds are processed within 5 business days."), Document(text="Support is open 9-17 CET.")]
    return VectorStoreIndex.from_documents(docs)
