import os

AZURE_ENDPOINT = os.environ.get("AZURE_OPENAI_ENDPOINT", "https://example.openai.azure.com")
DEPLOYMENT = os.environ.get("AZURE_DEPLOYMENT", "gpt-4o")
