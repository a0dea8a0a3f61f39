"""The one door to language models: schema-checked JSON answers through the `llm` library.

    from arakit.llm import ask_json, LLMError
    verdict = ask_json("smollm2", "Is this claim falsifiable? ...", Verdict)

Importing this package is cheap: the `llm` library is imported on the first question.
"""

from arakit.llm.ask import Answer, ask_json, ask_json_detailed, get_model
from arakit.llm.cache import cache_dir
from arakit.llm.errors import LLMError
from arakit.llm.jsontext import extract_json

__all__ = [
    "Answer",
    "LLMError",
    "ask_json",
    "ask_json_detailed",
    "cache_dir",
    "extract_json",
    "get_model",
]
