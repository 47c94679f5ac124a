"""Read what the final stage of app/Dockerfile gives a container: ENV, WORKDIR, CMD.

The image cannot be built on the build machines (no container runtime), so the
tests start the app from these instructions instead, with the image's paths mapped
onto the checkout.
"""

from __future__ import annotations

import json
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


def parse(path: Path) -> ImageConfig:
    """The final stage's configuration (each FROM starts over, as in a build)."""
    image = ImageConfig()
    for line in _logical_lines(path.read_text()):
        keyword, _, rest = line.partition(" ")
        keyword = keyword.upper()
        rest = rest.strip()
        if keyword == "FROM":
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
