"""Reading one YAML data file: parse, remember every value's line, validate.

Editors work in the YAML, so every problem is reported as ``file:line`` with
the field concerned; the line index is kept beside the data for later checks
(unknown ids, unused records, targets that match nothing).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from ..diagnostics import Problem

if TYPE_CHECKING:  # imported where used: a rebuild with unchanged data validates nothing
    import jsonschema
    from referencing import Registry

JsonPath = tuple[str | int, ...]

#: libyaml's loader when PyYAML was built with it: the same nodes and marks, several times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataProblem(NamedTuple):
    """One thing wrong with a data file."""

    #: Line in the file, counted from 1.
    line: int
    #: What is wrong, naming the field where there is one.
    message: str
    #: ``yaml`` for unreadable files, ``schema`` for invalid records.
    kind: Problem


class DataFile(NamedTuple):
    """The records of one data file, and where each value stands in it."""

    #: The file's path as shown in messages (relative to the configuration).
    shown_as: str
    #: The file's records: the top-level list.
    records: list[dict[str, Any]]
    #: The line of every value, by its JSON path.
    lines: dict[JsonPath, int]

    def line_of(self, path: JsonPath) -> int:
        """The line of a value, or of its nearest enclosing value."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def location(self, *path: str | int) -> str:
        """``file:line`` of a value, for a warning."""
        return f"{self.shown_as}:{self.line_of(tuple(path))}"


def _index_lines(
    node: yaml.Node, path: JsonPath, lines: dict[JsonPath, int], problems: list[DataProblem]
) -> None:
    """Record the line of every value below ``node``; flag duplicate keys."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                problems.append(
                    DataProblem(key_node.start_mark.line + 1, f"duplicate key {key!r}", Problem.yaml)
                )
            seen.add(key)
            _index_lines(value_node, (*path, key), lines, problems)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*path, index), lines, problems)


def _syntax_problem(error: Exception) -> DataProblem:
    """A YAML error at the line where the faulty construct starts, naming where it broke."""
    context, problem = getattr(error, "context_mark", None), getattr(error, "problem_mark", None)
    words = getattr(error, "problem", None) or str(error)
    if context is not None and problem is not None and context.line != problem.line:
        return DataProblem(
            context.line + 1, f"YAML syntax error: {error.context}: {words} (line {problem.line + 1})", Problem.yaml
        )
    mark = problem or context
    return DataProblem(mark.line + 1 if mark else 1, f"YAML syntax error: {words}", Problem.yaml)


def _line_of_bad_value(node: yaml.Node) -> int:
    """The line of the first scalar below ``node`` whose value cannot be made."""
    constructor = yaml.constructor.SafeConstructor()
    stack = [node]
    while stack:
        current = stack.pop(0)
        if isinstance(current, yaml.ScalarNode):
            try:
                constructor.construct_object(current)
            except ValueError:
                return current.start_mark.line + 1
        elif isinstance(current, yaml.MappingNode):
            stack[:0] = [part for pair in current.value for part in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack[:0] = list(current.value)
    return node.start_mark.line + 1


def _parse(raw: bytes) -> tuple[Any, dict[JsonPath, int], list[DataProblem]]:
    """Decode and parse, keeping lines; problems instead of exceptions."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, {}, [DataProblem(line, f"not UTF-8 text (byte {error.start})", Problem.yaml)]
    loader = None
    try:
        loader = SAFE_LOADER(text)  # the pure-Python loader reads its first characters here
        node = loader.get_single_node()
        if node is None:
            return None, {}, [DataProblem(1, "the file is empty: it must hold a list of records", Problem.yaml)]
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as error:  # a character YAML forbids: it has a position, not a line
        before = raw[: error.position].count(b"\n") if SAFE_LOADER is not yaml.SafeLoader else text[: error.position].count("\n")
        message = f"YAML syntax error: unacceptable character #x{error.character:04x}: {error.reason}"
        return None, {}, [DataProblem(before + 1, message, Problem.yaml)]
    except yaml.YAMLError as error:
        return None, {}, [_syntax_problem(error)]
    except ValueError as error:  # a value YAML reads but cannot make, such as the date 2026-13-45
        return None, {}, [DataProblem(_line_of_bad_value(node), f"YAML value error: {error}", Problem.yaml)]
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[JsonPath, int] = {}
    problems: list[DataProblem] = []
    _index_lines(node, (), lines, problems)
    return data, lines, problems


def _describe(error: jsonschema.ValidationError) -> tuple[JsonPath, str]:
    """The JSON path and an editor's wording of one schema error."""
    path: JsonPath = tuple(error.absolute_path)
    fields = [str(part) for part in path if isinstance(part, str)]
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return path, f"field {'.'.join([*fields, missing])!r} is required but missing"
    if error.validator == "additionalProperties":
        return path, f"unknown field: {error.message}"
    where = f"field {'.'.join(fields)!r}: " if fields else ""
    return path, f"{where}{error.message}"


#: The JSON Schemas of the data files: part of the extension's contract, shipped with it.
SCHEMAS_DIR = Path(__file__).parent / "schemas"


def load_schemas(schemas_dir: Path = SCHEMAS_DIR) -> Registry:
    """Every JSON Schema by its ``$id``: they refer to each other.

    That each is a valid schema is a test of the project, not a cost of every build.
    """
    from referencing import Registry, Resource

    resources = []
    for path in sorted(schemas_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema.get("$id", path.name), Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def read_data_file(
    path: Path, shown_as: str, schema_id: str, schemas: Registry
) -> tuple[DataFile, list[DataProblem]]:
    """Parse and validate a data file; the problems come sorted by line."""
    data, lines, problems = _parse(path.read_bytes())
    data_file = DataFile(shown_as, data if isinstance(data, list) else [], lines)
    if data is not None:
        import jsonschema

        schema = schemas.contents(schema_id)
        validator = jsonschema.validators.validator_for(schema)(schema, registry=schemas)
        for error in validator.iter_errors(data):
            json_path, message = _describe(error)
            problems.append(DataProblem(data_file.line_of(json_path), message, Problem.schema))
    return data_file, sorted(problems, key=lambda problem: (problem.line, problem.message))
