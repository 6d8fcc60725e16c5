"""Document summaries with LangChain's prebuilt chains: bounded models, async calls."""
# corpus: labels llm-call-without-timeout
from langchain.chains import LLMChain, MapReduceDocumentsChain, ReduceDocumentsChain
from langchain.chains.combine_documents.stuff import StuffDocumentsChain
from langchain.chains.summarize import load_summarize_chain
from langchain_community.chat_models import ChatLiteLLM
from langchain_core.prompts import PromptTemplate
from langchain_huggingface import ChatHuggingFace, HuggingFaceEndpoint
from langchain_openai import ChatOpenAI


async def refine_summary(docs, model: str) -> str:
    llm = ChatLiteLLM(model=model, request_timeout=30)
    chain = load_summarize_chain(llm=llm, chain_type="refine")
    result = await chain.ainvoke({"input_documents": docs})
    return result["output_text"]


async def themes(docs) -> str:
    llm = ChatOpenAI(model="gpt-4o-mini", timeout=30)
    map_chain = LLMChain(llm=llm, prompt=PromptTemplate.from_template("Main themes of:\n{docs}"))
    reduce_chain = LLMChain(llm=llm, prompt=PromptTemplate.from_template("Merge these themes:\n{docs}"))
    combine = StuffDocumentsChain(llm_chain=reduce_chain, document_variable_name="docs")
    reduce_docs = ReduceDocumentsChain(combine_documents_chain=combine, token_max=2000)
    chain = MapReduceDocumentsChain(llm_chain=map_chain, reduce_documents_chain=reduce_docs, document_variable_name="docs")
    return await chain.arun(docs)


def open_model_answer(question: str) -> str:
    endpoint = HuggingFaceEndpoint(repo_id="HuggingFaceH4/zephyr-7b-beta", max_new_tokens=256, timeout=30)
    chat = ChatHuggingFace(llm=endpoint)
    return chat.invoke(question).content
