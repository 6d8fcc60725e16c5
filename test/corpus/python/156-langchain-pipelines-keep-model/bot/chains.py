"""LCEL pipelines and a LangGraph graph over the shared models."""
# corpus: labels llm-call-without-timeout
from typing import TypedDict

from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langgraph.graph import END, StateGraph
from langgraph.prebuilt import create_react_agent

from bot.models import llm, planner

summary_prompt = ChatPromptTemplate.from_messages([("system", "Summarize in one paragraph."), ("user", "{text}")])
summarize_chain = summary_prompt | llm | StrOutputParser()


class State(TypedDict):
    question: str
    plan: str


def plan_step(state: State) -> State:
    reply = planner.invoke(f"Plan the steps to answer: {state['question']}")
    return {"question": state["question"], "plan": reply.content}


graph = StateGraph(State)
graph.add_node("plan", plan_step)
graph.set_entry_point("plan")
graph.add_edge("plan", END)
workflow = graph.compile()

agent = create_react_agent(llm, tools=[])
