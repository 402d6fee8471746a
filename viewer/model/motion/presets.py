"""The poses of the positions in resources/positions.toml, as presets for the motion view."""

from __future__ import annotations

from pathlib import Path

from viewer.model.content.positions import Position
from viewer.model.core.record import record
from viewer.model.motion.pose import Pose

LANDMARKS_FILE = "hip-landmarks.toml"


@record(frozen=True)
class Preset:
    id: str
    name: str
    pose: Pose


def presets_from(positions: list[Position]) -> list[Preset]:
    """Every position that has a pose, in the file's order."""
    return [Preset(p.id, p.name, Pose(**p.pose)) for p in positions if p.pose is not None]


def find_preset(presets: list[Preset], preset_id: str) -> Preset | None:
    return next((p for p in presets if p.id == preset_id), None)


def landmarks_path(resources_dir: Path) -> Path:
    return resources_dir / LANDMARKS_FILE


def load_hip_model(resources_dir: Path):
    """The kinematic model over the content's landmarks file (ContentError if it is unusable)."""
    from viewer.model.motion.kinematics import HipModel
    from viewer.model.motion.landmarks import load_landmarks

    return HipModel(load_landmarks(landmarks_path(resources_dir)))


def resolve_pose(text: str, presets: list[Preset], limits) -> Pose:
    """A preset id or ``flexion=F,adduction=A,rotation=R``; PoseError names what is wrong or the limit passed."""
    from viewer.model.motion.pose import PoseError, check_limits, parse_pose_text

    preset = find_preset(presets, text.strip())
    if preset is not None:
        pose = preset.pose
    elif "=" in text:
        pose = parse_pose_text(text)
    else:
        known = ", ".join(p.id for p in presets) or "none"
        raise PoseError(f"unknown pose '{text}' (presets: {known}; or flexion=F,adduction=A,rotation=R)")
    check_limits(pose, limits)
    return pose
