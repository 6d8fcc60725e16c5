import os

from huggingface_hub import AsyncInferenceClient, InferenceClient

TOKEN = os.environ.get("HF_TOKEN")
sync_client = InferenceClient(model="meta-llama/Llama-3.1-8B-Instruct", token=TOKEN, timeout=60)
async_client = AsyncInferenceClient(model="meta-llama/Llama-3.1-8B-Instruct", token=TOKEN, timeout=60)


def moderate(text: str) -> bool:
    out = sync_client.text_classification(text, model="unitary/toxic-bert")  # expect: blocking-llm-call
    return any(label.label == "toxic" and label.score > 0.8 for label in out)


async def continue_story(prompt: str) -> str:
    out = await async_client.chat_completion(messages=[{"role": "user", "content": prompt}], max_tokens=300)
    return out.choices[0].message.content
