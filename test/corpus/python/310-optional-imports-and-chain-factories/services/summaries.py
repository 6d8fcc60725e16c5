"""Document summaries with LangChain's prebuilt chains."""
# corpus: labels llm-call-without-timeout
from langchain.chains import LLMChain, MapReduceDocumentsChain, ReduceDocumentsChain
from langchain.chains.combine_documents.stuff import StuffDocumentsChain
from langchain.chains.summarize import load_summarize_chain
from langchain_community.chat_models import ChatLiteLLM
from langchain_core.prompts import PromptTemplate
from langchain_huggingface import ChatHuggingFace, HuggingFaceEndpoint
from langchain_openai import ChatOpenAI


async def refine_summary(docs, model: str) -> str:
    # No request_timeout: litellm's 600 s per request.
    llm = ChatLiteLLM(model=model)  # expect: llm-call-without-timeout
    chain = load_summarize_chain(llm=llm, chain_type="refine")
    result = chain({"input_documents": docs}, return_only_outputs=True)  # expect: blocking-llm-call
    return result["output_text"]


async def themes(docs) -> str:
    llm = ChatOpenAI(model="gpt-4o-mini")  # expect: llm-call-without-timeout
    map_chain = LLMChain(llm=llm, prompt=PromptTemplate.from_template("Main themes of:\n{docs}"))
    reduce_chain = LLMChain(llm=llm, prompt=PromptTemplate.from_template("Merge these themes:\n{docs}"))
    combine = StuffDocumentsChain(llm_chain=reduce_chain, document_variable_name="docs")
    reduce_docs = ReduceDocumentsChain(combine_documents_chain=combine, token_max=2000)
    chain = MapReduceDocumentsChain(llm_chain=map_chain, reduce_documents_chain=reduce_docs, document_variable_name="docs")
    return chain.run(docs)  # expect: blocking-llm-call


def open_model_answer(question: str) -> str:
    # 120 s per request (huggingface_hub does not retry); the chat wrapper takes no timeout of its own.
    endpoint = HuggingFaceEndpoint(repo_id="HuggingFaceH4/zephyr-7b-beta", max_new_tokens=256)  # expect: llm-call-without-timeout
    chat = ChatHuggingFace(llm=endpoint)
    return chat.invoke(question).content
