"""Look-alike of 156: the same pipelines over models built with a timeout."""
# corpus: labels llm-call-without-timeout
from langchain_anthropic import ChatAnthropic
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0, timeout=30, max_retries=2)
planner = ChatAnthropic(model="claude-sonnet-4-5", timeout=45.0)
