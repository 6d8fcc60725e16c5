from litellm import Router

model_list = [
    {"model_name": "chat", "litellm_params": {"model": "azure/gpt-4o", "api_base": "https://acme.openai.azure.com"}},
    {"model_name": "chat", "litellm_params": {"model": "gpt-4o"}},
]

router = Router(model_list=model_list, num_retries=2, timeout=60)
