"""Chat models shared by the chains, the graph and the agent."""
# corpus: labels llm-call-without-timeout
from langchain_anthropic import ChatAnthropic
from langchain_openai import ChatOpenAI

# LangChain chat models pass timeout=None to their SDK: no limit.
llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)  # expect: llm-call-without-timeout
planner = ChatAnthropic(model="claude-sonnet-4-5")  # expect: llm-call-without-timeout
