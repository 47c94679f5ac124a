"""Render flask-app/ with the real Helm binary and read a container's env the way the
kubelet builds it (envFrom, then env in order, $(VAR) expansion, Secret and
ConfigMap references)."""

from __future__ import annotations

import base64
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
CHART = REPO / "flask-app"
HELM = REPO / ".cache" / "bin" / "helm4"

Manifest = dict[str, Any]


class UnresolvedRef(LookupError):
    pass


def render(release: str, namespace: str, values: list[Path], sets: list[str]) -> list[Manifest]:
    if not HELM.exists():
        raise RuntimeError(f"{HELM} is missing: run scripts/tools/fetch-helm.sh")
    args = [str(HELM), "template", release, str(CHART), "--namespace", namespace]
    for file in values:
        args += ["-f", str(file)]
    for item in sets:
        args += ["--set", item]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"helm template failed: {done.stderr}")
    return [doc for doc in yaml.safe_load_all(done.stdout) if doc]


def find(manifests: list[Manifest], kind: str, **labels: str) -> list[Manifest]:
    out = []
    for doc in manifests:
        if doc.get("kind") != kind:
            continue
        have = doc.get("metadata", {}).get("labels", {}) or {}
        if all(have.get(k) == v for k, v in labels.items()):
            out.append(doc)
    return out


def data_of(manifests: list[Manifest], kind: str, name: str) -> dict[str, str] | None:
    for doc in manifests:
        if doc.get("kind") == kind and doc["metadata"]["name"] == name:
            if kind == "Secret":
                decoded = {k: base64.b64decode(v).decode() for k, v in (doc.get("data") or {}).items()}
                return {**decoded, **(doc.get("stringData") or {})}
            return dict(doc.get("data") or {})
    return None


_REF = re.compile(r"\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")


def expand(value: str, defined: Mapping[str, str]) -> str:
    """Kubernetes $(VAR) expansion: earlier variables only, $$ escapes, unknown refs stay."""

    def sub(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group(1)
        return defined[name] if name in defined else match.group(0)

    return _REF.sub(sub, value)


def container_env(
    container: Manifest,
    manifests: list[Manifest],
    external: Mapping[tuple[str, str, str], str],
    fields: Mapping[str, str],
) -> dict[str, str]:
    """The variables the kubelet would give the container.

    References to objects the release renders are read from the render; references
    to objects that exist outside it (existingSecret) come from `external`, keyed by
    (kind, name, key). Anything unresolved is an error, never a silent gap.
    """

    def lookup(kind: str, name: str, key: str, optional: bool) -> str | None:
        data = data_of(manifests, kind, name)
        if data is not None and key in data:
            return data[key]
        if (kind, name, key) in external:
            return external[(kind, name, key)]
        if optional:
            return None
        raise UnresolvedRef(f"{kind} {name} key {key} is neither rendered nor given as a test value")

    env: dict[str, str] = {}
    for source in container.get("envFrom") or []:
        prefix = source.get("prefix", "")
        if "configMapRef" in source:
            ref, kind = source["configMapRef"], "ConfigMap"
        else:
            ref, kind = source["secretRef"], "Secret"
        data = data_of(manifests, kind, ref["name"])
        if data is None:
            data = {key: v for (k, n, key), v in external.items() if k == kind and n == ref["name"]}
            if not data and not ref.get("optional"):
                raise UnresolvedRef(f"envFrom {kind} {ref['name']} is neither rendered nor given")
        env.update({prefix + k: v for k, v in data.items()})
    for item in container.get("env") or []:
        name = item["name"]
        if "value" in item:
            env[name] = expand(str(item["value"]), env)
            continue
        source = item.get("valueFrom") or {}
        if "secretKeyRef" in source:
            ref = source["secretKeyRef"]
            value = lookup("Secret", ref["name"], ref["key"], bool(ref.get("optional")))
        elif "configMapKeyRef" in source:
            ref = source["configMapKeyRef"]
            value = lookup("ConfigMap", ref["name"], ref["key"], bool(ref.get("optional")))
        elif "fieldRef" in source:
            value = fields[source["fieldRef"]["fieldPath"]]
        else:
            raise UnresolvedRef(f"env {name}: unsupported source {source}")
        if value is not None:
            env[name] = value
        else:
            env.pop(name, None)
    return env


def _secret_sources(volume: Manifest) -> list[tuple[str, list[Manifest] | None]]:
    """(Secret name, items or None for all keys) of a secret or projected volume."""
    if "secret" in volume:
        return [(volume["secret"]["secretName"], volume["secret"].get("items"))]
    sources = (volume.get("projected") or {}).get("sources") or []
    return [(s["secret"]["name"], s["secret"].get("items")) for s in sources if "secret" in s]


def secret_volume_refs(pod: Manifest) -> list[tuple[str, str]]:
    """(Secret name, key) of every item the pod's secret volumes project."""
    refs = []
    for volume in pod.get("volumes") or []:
        for name, items in _secret_sources(volume):
            refs += [(name, item["key"]) for item in items or []]
    return refs


def volume_files(
    pod: Manifest,
    container: Manifest,
    manifests: list[Manifest],
    external: Mapping[tuple[str, str, str], str],
) -> dict[str, str]:
    """The files the kubelet would write for the container's Secret-backed mounts:
    absolute path in the container → content. Unresolved references are errors."""
    volumes = {v["name"]: v for v in pod.get("volumes") or []}
    files: dict[str, str] = {}
    for mount in container.get("volumeMounts") or []:
        volume = volumes[mount["name"]]
        for name, items in _secret_sources(volume):
            data = data_of(manifests, "Secret", name)
            if data is None:
                data = {key: v for (k, n, key), v in external.items() if k == "Secret" and n == name}
            for item in items or [{"key": k, "path": k} for k in data]:
                if item["key"] not in data:
                    missing = f"Secret {name} key {item['key']}"
                    raise UnresolvedRef(f"volume {mount['name']}: {missing} is neither rendered nor given")
                files[f"{mount['mountPath'].rstrip('/')}/{item['path']}"] = data[item["key"]]
    return files


def port_number(container: Manifest, port: int | str) -> int:
    if isinstance(port, int):
        return port
    for declared in container.get("ports") or []:
        if declared.get("name") == port:
            return int(declared["containerPort"])
    raise UnresolvedRef(f"container {container['name']} declares no port named {port}")
