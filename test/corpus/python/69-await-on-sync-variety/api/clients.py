import litellm
from google import genai
from langchain_openai import ChatOpenAI
from mistralai import Mistral

gemini = genai.Client()
mistral = Mistral(api_key="sk-test")
chat_model = ChatOpenAI(model="gpt-4o-mini")
completion = litellm.completion
