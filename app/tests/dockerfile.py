"""Read what the final stage of app/Dockerfile gives a container: ENV, WORKDIR, CMD.

The image cannot be built on the build machines (no container runtime), so the
tests start the app from these instructions instead, with the image's paths mapped
onto the checkout.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ImageConfig:
    base: str = ""
    env: dict[str, str] = field(default_factory=dict)
    workdir: str = "/"
    cmd: list[str] = field(default_factory=list)
    user: str = ""
    exposed: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)


def _logical_lines(text: str) -> list[str]:
    lines: list[str] = []
    current = ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        lines.append(current + stripped)
        current = ""
    if current:
        lines.append(current)
    return lines


def _expand(value: str, env: dict[str, str]) -> str:
    for name, known in env.items():
        value = value.replace("${" + name + "}", known).replace("$" + name, known)
    return value


def global_args(path: Path) -> dict[str, str]:
    """ARG defaults declared before the first FROM: only FROM lines can use them."""
    args: dict[str, str] = {}
    for line in _logical_lines(path.read_text()):
        keyword, _, rest = line.partition(" ")
        if keyword.upper() == "FROM":
            break
        if keyword.upper() == "ARG":
            name, _, default = rest.strip().partition("=")
            args[name] = default
    return args


def parse(path: Path) -> ImageConfig:
    """The final stage's configuration (each FROM starts over, as in a build), with
    the base named by the global ARG defaults (what a build without --build-arg uses)."""
    image = ImageConfig()
    args = global_args(path)
    for line in _logical_lines(path.read_text()):
        keyword, _, rest = line.partition(" ")
        keyword = keyword.upper()
        rest = rest.strip()
        if keyword == "FROM":
            rest = _expand(rest, args)
            image = ImageConfig(base=rest.split()[0], stages=[*image.stages, rest])
        elif keyword == "ENV":
            for pair in shlex.split(rest):
                name, _, value = pair.partition("=")
                image.env[name] = _expand(value, image.env)
        elif keyword == "WORKDIR":
            image.workdir = rest
        elif keyword == "CMD":
            image.cmd = json.loads(rest)
        elif keyword == "USER":
            image.user = rest
        elif keyword == "EXPOSE":
            image.exposed = rest.split()
    return image


@dataclass
class Instruction:
    stage: int
    keyword: str
    rest: str


def instructions(path: Path) -> list[Instruction]:
    """Every instruction with its stage (-1 for the global ARGs); FROM lines have the
    global ARG defaults filled in."""
    out: list[Instruction] = []
    stage = -1
    args = global_args(path)
    for line in _logical_lines(path.read_text()):
        keyword, _, rest = line.partition(" ")
        if keyword.upper() == "FROM":
            stage += 1
            rest = _expand(rest, args)
        out.append(Instruction(stage, keyword.upper(), rest.strip()))
    return out


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r"\Z")


def ignored(pattern_file: Path, relative: str) -> bool:
    """Whether .dockerignore keeps a path out of the build context: a pattern that
    matches a directory excludes what is inside; the last matching line wins; ! re-includes."""
    parts = relative.strip("/").split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    verdict = False
    for raw in pattern_file.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        regex = _pattern_regex(line.lstrip("!").strip().strip("/"))
        if any(regex.match(prefix) for prefix in prefixes):
            verdict = not negate
    return verdict
