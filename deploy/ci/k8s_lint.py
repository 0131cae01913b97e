"""The project's own rules for deploy/k8s/, beyond schema validity (run by deploy/ci/check-k8s).

    python k8s_lint.py DIR

Prints one line per violation and exits 1 when there is any. Rules:
- kustomization.yaml lists exactly the other manifests; a Namespace with the restricted Pod Security
  Standard enforced, and a default-deny NetworkPolicy (Ingress and Egress) for every pod.
- Each of the five executables runs as a StatefulSet with 1 replica (one writer per SQLite store),
  a volumeClaimTemplate mounted at its data folder, a restricted security context (non-root,
  read-only root, no privilege escalation, capabilities drop ALL, seccomp RuntimeDefault), startup,
  readiness and liveness probes, and a grace period above the 30 s drain.
- Its --config file is a key of a ConfigMap mounted at that path; data_dir is the volume's mount.
- Services: only the gateway's is reachable from outside (LoadBalancer); the others are headless,
  on the service's tls_port, and every service but the gateway has tls_port and its TLS files.
- Every `<peer>_address = HOST:PORT` names an existing Service on its port, the client has mTLS
  files, and the NetworkPolicies allow that link (client egress, peer ingress). Conversely every
  pod-to-pod link a NetworkPolicy allows is a configured link: nothing else talks to anything.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

EXECUTABLES = ["referral-service", "meeting-service", "assessment-service", "reporting-service", "tilts-gateway"]
GATEWAY = "tilts-gateway"
NAME_LABEL = "app.kubernetes.io/name"

problems: list[str] = []


def problem(text: str) -> None:
    problems.append(text)


def parse_config(text: str) -> dict[str, str]:
    values = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        key, sep, value = line.partition("=")
        if not sep:
            problem(f"config line is not `key = value`: {line!r}")
            continue
        values[key.strip()] = value.strip()
    return values


def selector_names(peers: list[dict]) -> set[str]:
    """The app names a NetworkPolicy peer list selects by podSelector (namespace-local)."""
    names = set()
    for peer in peers or []:
        if "namespaceSelector" in peer or "ipBlock" in peer:
            continue
        labels = (peer.get("podSelector") or {}).get("matchLabels") or {}
        if NAME_LABEL in labels:
            names.add(labels[NAME_LABEL])
        else:
            names.add("*")
    return names


def ports_of(rule: dict) -> set[int]:
    return {p.get("port") for p in rule.get("ports") or []}


def main(directory: str) -> int:
    root = Path(directory)
    files = sorted(p for p in root.glob("*.yaml") if p.name != "kustomization.yaml")
    docs: list[dict] = []
    for path in files:
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                doc["__file__"] = path.name
                docs.append(doc)

    kustomization = yaml.safe_load((root / "kustomization.yaml").read_text())
    listed = set(kustomization.get("resources") or [])
    if listed != {p.name for p in files}:
        problem(f"kustomization.yaml resources {sorted(listed)} differ from the manifests {[p.name for p in files]}")

    by_kind: dict[str, dict[str, dict]] = {}
    for doc in docs:
        by_kind.setdefault(doc["kind"], {})[doc["metadata"]["name"]] = doc
        if doc["kind"] != "Namespace" and doc["metadata"].get("namespace") != "tilts":
            problem(f"{doc['__file__']}: {doc['kind']}/{doc['metadata']['name']} is not in namespace tilts")

    namespace = by_kind.get("Namespace", {}).get("tilts")
    if not namespace or namespace["metadata"].get("labels", {}).get("pod-security.kubernetes.io/enforce") != "restricted":
        problem("Namespace tilts must exist and enforce the restricted Pod Security Standard")
    policies = by_kind.get("NetworkPolicy", {})
    default_deny = [p for p in policies.values() if p["spec"].get("podSelector") == {}
                    and set(p["spec"].get("policyTypes", [])) == {"Ingress", "Egress"}
                    and not p["spec"].get("ingress") and not p["spec"].get("egress")]
    if not default_deny:
        problem("no default-deny NetworkPolicy (podSelector {}, Ingress and Egress, no rules)")

    configs: dict[str, dict[str, str]] = {}
    config_maps = by_kind.get("ConfigMap", {})
    services = by_kind.get("Service", {})
    for name in EXECUTABLES:
        sts = by_kind.get("StatefulSet", {}).get(name)
        if not sts:
            problem(f"{name}: no StatefulSet")
            continue
        spec = sts["spec"]
        if spec.get("replicas") != 1:
            problem(f"{name}: replicas must be 1 (one writer per SQLite store), not {spec.get('replicas')}")
        pod = spec["template"]["spec"]
        if spec["template"]["metadata"]["labels"].get(NAME_LABEL) != name:
            problem(f"{name}: pod label {NAME_LABEL} must be {name}")
        if pod.get("terminationGracePeriodSeconds", 30) <= 30:
            problem(f"{name}: terminationGracePeriodSeconds must exceed the 30 s drain")
        if pod.get("automountServiceAccountToken") is not False:
            problem(f"{name}: automountServiceAccountToken must be false")
        psc = pod.get("securityContext") or {}
        if psc.get("runAsNonRoot") is not True or (psc.get("seccompProfile") or {}).get("type") != "RuntimeDefault":
            problem(f"{name}: pod securityContext needs runAsNonRoot and seccompProfile RuntimeDefault")
        claims = {c["metadata"]["name"] for c in spec.get("volumeClaimTemplates") or []}
        if not claims:
            problem(f"{name}: no volumeClaimTemplates (each store needs its own persistent volume)")
        containers = pod.get("containers") or []
        if len(containers) != 1:
            problem(f"{name}: expected one container, found {len(containers)}")
            continue
        c = containers[0]
        sc = c.get("securityContext") or {}
        if not (sc.get("readOnlyRootFilesystem") is True and sc.get("allowPrivilegeEscalation") is False
                and (sc.get("capabilities") or {}).get("drop") == ["ALL"] and not (sc.get("capabilities") or {}).get("add")
                and sc.get("runAsNonRoot") is True):
            problem(f"{name}: container securityContext must be read-only root, no escalation, drop ALL, non-root")
        for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
            if probe not in c:
                problem(f"{name}: no {probe}")
            elif f"/run/tilts/{name}.sock" not in " ".join(c[probe].get("exec", {}).get("command", [])):
                problem(f"{name}: {probe} does not check /run/tilts/{name}.sock")
        args = c.get("args") or []
        if c.get("command") != [f"/usr/local/bin/{name}"] or "--config" not in args:
            problem(f"{name}: must run /usr/local/bin/{name} --config FILE")
            continue
        config_path = args[args.index("--config") + 1]
        mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts") or []}
        volumes = {v["name"]: v for v in pod.get("volumes") or []}
        folder, _, key = config_path.rpartition("/")
        cm_name = (volumes.get(mounts.get(folder, ""), {}).get("configMap") or {}).get("name")
        cm = config_maps.get(cm_name or "")
        if not cm or key not in cm.get("data", {}):
            problem(f"{name}: --config {config_path} is not a key of a mounted ConfigMap")
            continue
        config = parse_config(cm["data"][key])
        configs[name] = config
        data_dir = config.get("data_dir", "")
        if mounts.get(data_dir) not in claims:
            problem(f"{name}: data_dir {data_dir!r} is not the mount of its volumeClaimTemplate")
        socket_dir = config.get("socket", "").rpartition("/")[0]
        if socket_dir not in mounts:
            problem(f"{name}: the socket folder {socket_dir!r} is not a writable volume (read-only root)")
        tls_files = {config.get(k, "").rpartition("/")[0] for k in ("tls_ca", "tls_cert", "tls_key")}
        if any(not f or f not in mounts for f in tls_files):
            problem(f"{name}: tls_ca, tls_cert and tls_key must be files of a mounted Secret")
        container_ports = {p["containerPort"] for p in c.get("ports") or []}
        svc = services.get(name)
        if name == GATEWAY:
            if not svc or svc["spec"].get("type") != "LoadBalancer":
                problem(f"{name}: the gateway needs a LoadBalancer Service")
        else:
            port = int(config.get("tls_port", "0"))
            if not port:
                problem(f"{name}: no tls_port: services between hosts speak mutual TLS")
            if port not in container_ports:
                problem(f"{name}: tls_port {port} is not a containerPort")
            if not svc or svc["spec"].get("clusterIP") != "None" or svc["spec"].get("type", "ClusterIP") != "ClusterIP":
                problem(f"{name}: needs a headless Service (clusterIP: None)")
            elif [p["port"] for p in svc["spec"]["ports"]] != [port]:
                problem(f"{name}: its Service must expose exactly tls_port {port}")
    for svc_name, svc in services.items():
        if svc_name != GATEWAY and svc["spec"].get("type", "ClusterIP") != "ClusterIP":
            problem(f"Service {svc_name}: only the gateway may be exposed ({svc['spec'].get('type')})")

    # Links: configured (client -> server, port) versus allowed by NetworkPolicies.
    configured: set[tuple[str, str, int]] = set()
    dns = re.compile(r"^([a-z0-9-]+)\.tilts\.svc(\.[a-z0-9.-]+)?$")
    for client, config in configs.items():
        for key, value in config.items():
            if not key.endswith("_address"):
                continue
            host, _, port_text = value.rpartition(":")
            match = dns.match(host)
            server = match.group(1) if match else None
            if server not in services or server not in EXECUTABLES:
                problem(f"{client}: {key} = {value} does not name a Service of the tilts namespace")
                continue
            if int(port_text) not in [p["port"] for p in services[server]["spec"]["ports"]]:
                problem(f"{client}: {key} = {value}: {server}'s Service has no port {port_text}")
            if key.removesuffix("_address") not in server:
                problem(f"{client}: {key} points at {server}")
            configured.add((client, server, int(port_text)))
    egress: set[tuple[str, str, int]] = set()
    ingress: set[tuple[str, str, int]] = set()
    for policy in policies.values():
        target = ((policy["spec"].get("podSelector") or {}).get("matchLabels") or {}).get(NAME_LABEL)
        if not target:
            continue
        for rule in policy["spec"].get("egress") or []:
            for server in selector_names(rule.get("to")):
                for port in ports_of(rule) or {None}:
                    egress.add((target, server, port))
        for rule in policy["spec"].get("ingress") or []:
            if not rule.get("from"):
                if target != GATEWAY:
                    problem(f"NetworkPolicy {policy['metadata']['name']}: only the gateway may accept from anywhere")
                continue
            for client in selector_names(rule.get("from")):
                for port in ports_of(rule) or {None}:
                    ingress.add((client, target, port))
    for link in sorted(configured):
        if link not in egress:
            problem(f"NetworkPolicy: egress {link[0]} -> {link[1]}:{link[2]} is configured but not allowed")
        if link not in ingress:
            problem(f"NetworkPolicy: ingress {link[0]} -> {link[1]}:{link[2]} is configured but not allowed")
    for link in sorted((egress | ingress) - configured):
        problem(f"NetworkPolicy allows {link[0]} -> {link[1]}:{link[2]}, which no config uses")
    for name in EXECUTABLES:
        if not any(((p["spec"].get("podSelector") or {}).get("matchLabels") or {}).get(NAME_LABEL) == name
                   for p in policies.values()):
            problem(f"{name}: no NetworkPolicy of its own")

    for line in problems:
        print(f"FAIL: {line}")
    if not problems:
        print(f"ok: {len(docs)} resources, {len(configured)} mTLS links, each allowed both ways and nothing else")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "deploy/k8s"))
