"""quality_scale.yaml: every rule of the Integration Quality Scale, done with a pointer or exempt with a reason."""

from __future__ import annotations

from pathlib import Path

import yaml

from custom_components.llm_ensemble import const

QUALITY_SCALE = Path(const.__file__).parent / "quality_scale.yaml"
RULES_BRONZE_TO_PLATINUM = 52  # 18 bronze, 10 silver, 21 gold, 3 platinum


def test_every_rule_is_done_or_exempt_with_a_reason() -> None:
    rules = yaml.safe_load(QUALITY_SCALE.read_text())["rules"]
    assert len(rules) == RULES_BRONZE_TO_PLATINUM
    for name, rule in rules.items():
        status = rule if isinstance(rule, str) else rule["status"]
        assert status in ("done", "exempt"), name
        if status == "exempt":
            assert rule["comment"].strip(), name


def test_every_done_rule_points_to_its_evidence() -> None:
    done = [line for line in QUALITY_SCALE.read_text().splitlines() if ": done" in line]
    assert done
    assert [line for line in done if "  # " not in line] == []
