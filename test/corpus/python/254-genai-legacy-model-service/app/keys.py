"""Checks a user's Gemini key by listing the models it can use (google-generativeai, sync)."""
import google.generativeai as genai


def usable_models(api_key: str) -> list[str]:
    genai.configure(api_key=api_key)
    # A generator: each page is a sync HTTP request made while the comprehension iterates it.
    models = genai.list_models()  # expect: blocking-llm-call
    return [m.name for m in models if "generateContent" in m.supported_generation_methods]
