"""Everything that talks to the on-prem Ollama box."""
import ollama

MODEL = "llama3.2"


def chat_once(question: str, context: str = "") -> str:
    response = ollama.chat(  # expect: blocking-llm-call
        model=MODEL,
        messages=[
            {"role": "system", "content": "Answer using the context. Context: " + context},
            {"role": "user", "content": question},
        ],
    )
    return response["message"]["content"]


def embed(texts: list[str]) -> list[list[float]]:
    return ollama.embed(model="nomic-embed-text", input=texts)["embeddings"]  # expect: blocking-llm-call
