"""docker-compose.yml and the Dockerfile: Neo4j 5 with a health check, a one-shot loader once
it is healthy, and the API on port 8000 using Neo4j."""

from __future__ import annotations

import shutil
import subprocess

import yaml

from tests.helpers import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]


def test_neo4j_5_with_a_named_volume_and_a_health_check() -> None:
    neo4j = SERVICES["neo4j"]
    assert neo4j["image"].startswith("neo4j:5")
    assert "neo4j-data:/data" in neo4j["volumes"] and "neo4j-data" in COMPOSE["volumes"]
    assert "RETURN 1" in " ".join(neo4j["healthcheck"]["test"])


def test_the_loader_runs_once_neo4j_is_healthy() -> None:
    loader = SERVICES["loader"]
    assert loader["command"] == ["plangraph", "load"]
    assert loader["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert loader["environment"]["PLANGRAPH_BACKEND"] == "neo4j"


def test_the_api_serves_from_neo4j_on_port_8000_after_the_load() -> None:
    api = SERVICES["api"]
    assert api["depends_on"]["loader"]["condition"] == "service_completed_successfully"
    assert "8000:8000" in api["ports"]
    environment = api["environment"]
    assert environment["PLANGRAPH_BACKEND"] == "neo4j"
    assert environment["PLANGRAPH_NEO4J_URI"] == "bolt://neo4j:7687"
    assert {"PLANGRAPH_NEO4J_USER", "PLANGRAPH_NEO4J_PASSWORD", "PLANGRAPH_NEO4J_DATABASE"} <= set(
        environment
    )


def test_the_dockerfile_installs_the_project_and_serves() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    for needed in (
        "COPY data ./data", "pip install", 'CMD ["plangraph", "serve"]', "EXPOSE 8000",
        "COPY --from=web /web/node_modules ./web/node_modules",
    ):  # fmt: skip
        assert needed in dockerfile


def test_compose_file_validates_where_docker_compose_is_installed() -> None:
    """docker-compose is not a test dependency; where it is installed, the file must validate."""
    executable = shutil.which("docker-compose")
    command = [executable, "config", "-q"] if executable else None
    if command is None:
        docker = shutil.which("docker")
        probe = subprocess.run([docker, "compose", "version"], capture_output=True) if docker else None
        command = [docker, "compose", "config", "-q"] if probe and probe.returncode == 0 else None
    if command is None:
        print(
            "neither docker-compose nor the docker compose plugin is installed: the file was checked as YAML only"
        )
        return
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
