from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

prompt = ChatPromptTemplate.from_messages(
    [
        ("system", "Answer questions about our HR policy. If unsure, say so.\n\n{policy}"),
        ("human", "{question}"),
    ]
)
llm = ChatOpenAI(model="gpt-4o-mini", temperature=0, timeout=30)
qa_chain = prompt | llm | StrOutputParser()


def answer(question: str, policy: str) -> str:
    return qa_chain.invoke({"question": question, "policy": policy})  # expect: blocking-llm-call
