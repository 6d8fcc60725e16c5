from groq import AsyncGroq
from mistralai import Mistral

groq = AsyncGroq()
mistral = Mistral(api_key="sk-test")
