"""The hip motion model without Qt: directions, limits, symmetry, the comparison table, --measure."""

from __future__ import annotations

import json

import pytest
from test_cli import run

from viewer.model.content.loader import load_content
from viewer.model.core.problems import ContentError
from viewer.model.motion.comparison import SINGER, comparison_rows, markdown_table
from viewer.model.motion.kinematics import HipModel
from viewer.model.motion.landmarks import load_landmarks
from viewer.model.motion.pose import (
    Pose,
    PoseError,
    check_limits,
    describe,
    ease_in_out,
    interpolate,
    parse_pose_text,
)
from viewer.model.motion.presets import load_hip_model, presets_from, resolve_pose

EXPECTED_PRESETS = {"neutral", "standing", "long-stride", "sitting", "crossed-legs", "fair", "seated-piriformis-stretch"}


@pytest.fixture(scope="module")
def model():
    from pathlib import Path
    return HipModel(load_landmarks(Path(__file__).resolve().parents[1] / "resources" / "hip-landmarks.toml"))


def widths(model, **angles):
    m = model.measure(Pose(**angles))
    return m.ifs.mm, m.qfs.mm


@pytest.mark.parametrize("axis, narrowing_sign", [("flexion", -1), ("adduction", 1), ("rotation", -1)])
def test_spaces_narrow_and_widen_in_the_published_directions(model, axis, narrowing_sign):
    """Extension, adduction, external rotation narrow IFS and QFS; the opposite widens them (Hatem 2021; Zhang 2021)."""
    base = widths(model)
    for degrees in (5, 10, 20):
        narrowed = widths(model, **{axis: narrowing_sign * degrees})
        widened = widths(model, **{axis: -narrowing_sign * degrees})
        assert narrowed[0] < base[0] < widened[0]
        assert narrowed[1] < base[1] < widened[1]


def test_neutral_near_controls_and_long_stride_near_patients(model):
    ifs, qfs = widths(model)
    assert abs(ifs - SINGER["ifs"]["control"][0]) < SINGER["ifs"]["control"][1]
    assert abs(qfs - SINGER["qfs"]["control"][0]) < SINGER["qfs"]["control"][1]
    ifs, qfs = widths(model, flexion=-20, adduction=5, rotation=-15)
    assert abs(ifs - SINGER["ifs"]["patient"][0]) < SINGER["ifs"]["patient"][1]
    assert abs(qfs - SINGER["qfs"]["patient"][0]) < SINGER["qfs"]["patient"][1]


def test_muscle_directions(model):
    """Vaarbakken 2014, McGovern 2017, Delp 1999 (as corrected in the fact base)."""
    def pct(muscle, *p):
        return model.measure(Pose(*p)).length_change_pct[muscle]

    for muscle in ("piriformis", "obturator-internus"):
        assert pct(muscle, 105, 10, 0) > pct(muscle, 60, 10, 0) > 0
        assert pct(muscle, -20, 0, 0) < 0 and pct(muscle, 0, -20, 0) < 0
        assert pct(muscle, 0, 0, 30) > 0 > pct(muscle, 0, 0, -30)  # external rotators in extension
    assert pct("piriformis", 90, 30, 0) > pct("piriformis", 0, 0, 45)
    assert pct("obturator-internus", 0, 0, 45) > pct("obturator-internus", 90, 30, 0)
    # in deep flexion internal rotation no longer lengthens piriformis; adduction with external rotation does
    assert pct("piriformis", 105, 0, 10) < pct("piriformis", 105, 0, 0)
    assert pct("piriformis", 105, 20, -20) > pct("piriformis", 105, 20, 0)


def test_every_comparison_row_agrees_and_the_doc_shows_this_table(model, repo):
    rows = comparison_rows(model)
    assert len(rows) >= 12 and all(row.agrees for row in rows), [r for r in rows if not r.agrees]
    doc = (repo / "docs" / "motion-model.md").read_text(encoding="utf-8")
    assert markdown_table(rows) in doc
    assert "model, not a measurement" in doc


def test_left_hip_mirrors_the_right(model):
    left = HipModel(model.landmarks.mirrored())
    for pose in (Pose(), Pose(-20, 5, -15), Pose(90, 25, 10), Pose(30, -30, 40)):
        assert left.measure(pose).as_json() == model.measure(pose).as_json()


def test_rotation_is_symmetric_about_the_axis_in_a_pure_turn(model):
    """Turning the femur by +a then -a returns every landmark to neutral (a rigid body, no drift)."""
    from viewer.model.motion.kinematics import apply, rotation_matrix
    p = model.landmarks.points["lesser-trochanter"].at
    there = apply(rotation_matrix(Pose(rotation=30)), p)
    back = apply(rotation_matrix(Pose(rotation=-30)), there)
    assert back == pytest.approx(p, abs=1e-9)


def test_limits_name_the_limit():
    with pytest.raises(PoseError, match="30° extension"):
        check_limits(Pose(flexion=-31))
    with pytest.raises(PoseError, match="120° flexion"):
        check_limits(Pose(flexion=121))
    with pytest.raises(PoseError, match="45° abduction"):
        check_limits(Pose(adduction=-46))
    with pytest.raises(PoseError, match="45° external rotation"):
        check_limits(Pose(rotation=-50))
    check_limits(Pose(-30, 30, 45))


def test_bone_contact_is_zero_not_negative(model):
    m = model.measure(Pose(-30, 30, -45))
    assert m.ifs.mm == 0.0 and m.ifs.contact


def test_pose_text_and_easing():
    assert parse_pose_text("rotation=-15, flexion=-20") == Pose(-20, 0, -15)
    for bad in ("flexion=abc", "tilt=3", "flexion=1,flexion=2"):
        with pytest.raises(PoseError):
            parse_pose_text(bad)
    assert ease_in_out(0) == 0 and ease_in_out(1) == 1 and ease_in_out(0.5) == pytest.approx(0.5)
    assert interpolate(Pose(), Pose(90, 20, 20), 1.0) == Pose(90, 20, 20)
    assert describe(Pose(-20, 5, -15)) == "20° extension, 5° adduction, 15° external rotation"


def test_positions_carry_the_presets(repo):
    content = load_content(repo)
    presets = presets_from(content.positions)
    assert EXPECTED_PRESETS <= {p.id for p in presets}
    limits = load_hip_model(content.resources_dir).landmarks.limits
    for preset in presets:
        assert resolve_pose(preset.id, presets, limits) == preset.pose


def test_broken_landmarks_file_gives_path_and_line(tmp_path):
    path = tmp_path / "hip-landmarks.toml"
    path.write_text('[point.lesser-trochanter]\nat = [1, 2]\nmoves = "femur"\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_landmarks(path)
    assert caught.value.problem.line == 1 and "[x, y, z]" in caught.value.problem.message


@pytest.mark.parametrize("preset", sorted(EXPECTED_PRESETS))
def test_measure_prints_json_for_every_preset(repo, tmp_path, preset):
    result = run(repo, "--measure", "--pose", preset, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"ifs_mm", "qfs_mm", "piriformis_length_change_pct", "obturator_internus_length_change_pct"}
    content = load_content(repo)
    pose = next(p.pose for p in presets_from(content.positions) if p.id == preset)
    assert data == load_hip_model(content.resources_dir).measure(pose).as_json()


def test_measure_with_angles_and_out_of_range(repo, tmp_path):
    result = run(repo, "--measure", "--pose", "flexion=-20,adduction=5,rotation=-15", data_dir=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout)["ifs_mm"] < 20
    result = run(repo, "--measure", "--pose", "flexion=-45", data_dir=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "30° extension" in lines[0] and "flexion must be -30 to 120" in lines[0]
    result = run(repo, "--measure", data_dir=tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_spaces_are_said_against_the_published_bands(repo):
    """The words come from resources/motion-text.toml [spoken]; the bands are Singer's hips, not 'people'."""
    from viewer.model.motion.wording import load_words

    spoken = load_words(repo / "resources").spoken
    assert spoken.space_in_words("ifs", 12.4) == (
        "ischiofemoral space 12 mm, narrower than most hips without ischiofemoral impingement (average 26 mm, "
        "give or take 8), close to the average for hips with ischiofemoral impingement (average 15 mm, give or take 5)")
    assert "close to the average for hips without ischiofemoral impingement" in spoken.space_in_words("ifs", 26.0)
    assert "wider than most hips with ischiofemoral impingement" in spoken.space_in_words("ifs", 26.0)
    assert "narrower than most hips with ischiofemoral impingement" in spoken.space_in_words("qfs", 4.0)
    assert spoken.space_in_words("ifs", 17.0, tick=True).endswith(
        "below the dashed mark at 18 mm, a 'normal' threshold quoted second-hand and not checked")
    assert "at or above the dashed mark at 10 mm" in spoken.space_in_words("qfs", 12.0, tick=True)
    assert spoken.space_in_words("ifs", 0.0, contact=True) == "ischiofemoral space: the bones touch in this model"
    assert "people" not in spoken.space_in_words("ifs", 20.0, tick=True)


def test_a_settled_pose_is_said_with_both_spaces_and_that_it_is_a_model(repo):
    from viewer.model.motion.presets import load_hip_model
    from viewer.model.motion.wording import load_words

    model = load_hip_model(repo / "resources")
    m = model.measure(Pose(flexion=-20, adduction=5, rotation=-15))
    said = load_words(repo / "resources").spoken.pose_settled("Long stride", m)
    assert said.startswith(f"Long stride: ischiofemoral space {m.ifs.mm:.0f} mm, ")
    assert f"; quadratus femoris space {m.qfs.mm:.0f} mm, " in said and said.endswith("Model, not a measurement.")
