"""The OpenAPI 3.1 description served at /openapi.json, generated from the same catalogue the service checks.

Written as a plain dictionary, not derived from type annotations: the options are generated from
pressconv's option metadata at start-up (plugins included), which no framework's schema generator sees.
"""

from __future__ import annotations

from typing import Any

from pressconv import __version__
from pressconv.serve import problems
from pressconv.serve.parameters import FORMATS_PARAMETER, READ, RELEASE_PART, Catalogue, Parameter


def build(catalogue: Catalogue) -> dict[str, Any]:
    query = [_query_parameter(parameter) for parameter in catalogue.parameters.values() if not parameter.is_file]
    files = {parameter.name: _file_schema(parameter) for parameter in catalogue.parameters.values() if parameter.is_file}
    problem = {"$ref": "#/components/schemas/Problem"}

    def errors(*statuses: int) -> dict[str, Any]:
        return {
            str(status): {
                "description": "; ".join(item.title for item in problems.ALL if item.status == status),
                "content": {problems.MEDIA_TYPE: {"schema": problem}},
            }
            for status in statuses
        }

    document_types = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "pressconv",
            "version": __version__,
            "description": "Raw scraped press releases and saved press-release pages → clean DOCX, PDF, EPUB, HTML and JSON. "
            "Errors are RFC 9457 problem details whose `code` is one of pressconv's problem codes.",
        },
        "paths": {
            "/v1/convert": {
                "post": {
                    "summary": "Convert one release",
                    "description": "The body is the release (raw text or an HTML page), or a multipart/form-data request with "
                    f"a part `{RELEASE_PART}` and a part per option file. Several formats come back as a zip.",
                    "parameters": [
                        {
                            "name": FORMATS_PARAMETER, "in": "query", "required": False,
                            "description": "output formats, comma-separated (default html): " + ", ".join(catalogue.formats),
                            "schema": {"type": "string", "default": "html"},
                        },
                        *query,
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "text/plain": {"schema": {"type": "string"}},
                            "text/html": {"schema": {"type": "string"}},
                            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "required": [RELEASE_PART],
                                    "properties": {RELEASE_PART: {"type": "string", "format": "binary"}, **files},
                                }
                            },
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The document (its own media type; application/zip for several formats), with "
                            "Content-Disposition naming it after the release's title and X-Pressconv-Notices listing "
                            "notices and removals as JSON.",
                            "headers": {
                                "X-Pressconv-Notices": {"schema": {"type": "string"}, "description": "JSON: {notices, removed}"},
                                "Content-Disposition": {"schema": {"type": "string"}},
                            },
                            "content": document_types,
                        },
                        **errors(400, 401, 413, 422, 500, 503, 504),
                    },
                }
            },
            "/v1/formats": {"get": {"summary": "Readers, writers and their options", "responses": {"200": _json("the formats")}}},
            "/health": {"get": {"summary": "Liveness: the server answers", "responses": {"200": _json("alive")}}},
            "/ready": {
                "get": {"summary": "Readiness: workers are up", "responses": {"200": _json("ready"), **errors(503)}}
            },
            "/metrics": {
                "get": {
                    "summary": "Prometheus metrics",
                    "responses": {
                        "200": {"description": "text format 0.0.4", "content": {"text/plain": {"schema": {"type": "string"}}}}
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Problem": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                        "detail": {"type": "string"}, "code": {"type": "string", "enum": [item.code for item in problems.ALL]},
                        "instance": {"type": "string"},
                    },
                    "required": ["type", "title", "status", "code"],
                }
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


def _json(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"type": "object"}}}}


def _query_parameter(parameter: Parameter) -> dict[str, Any]:
    info = parameter.spec.info
    schema: dict[str, Any] = {"type": "boolean"} if info.switch else {"type": "string"}
    if info.choices:
        schema["enum"] = list(info.choices)
    where = "reading" if parameter.kind == READ else ", ".join(parameter.formats)
    return {"name": parameter.name, "in": "query", "required": False, "description": f"{where}: {info.help}", "schema": schema}


def _file_schema(parameter: Parameter) -> dict[str, Any]:
    single = {"type": "string", "format": "binary", "description": f"{', '.join(parameter.formats)}: {parameter.spec.info.help}"}
    if parameter.spec.info.repeatable:
        return {"type": "array", "items": single, "description": single["description"] + " (one part per file)"}
    return single
