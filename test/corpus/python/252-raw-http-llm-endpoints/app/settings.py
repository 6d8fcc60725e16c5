"""Settings of the media gateway: one OpenAI-compatible base URL, an Azure resource, Gemini's REST root."""
import os

OPENAI_BASE = os.environ.get("OPENAI_BASE_URL", "https://api.openai.com/v1")
AZURE_ENDPOINT = os.environ["AZURE_OPENAI_ENDPOINT"]  # https://<resource>.openai.azure.com/
EMBED_DEPLOYMENT = os.environ.get("AZURE_EMBED_DEPLOYMENT", "text-embedding-3-small")
GEMINI_ROOT = "https://generativelanguage.googleapis.com/v1beta"
