"""Home programme: the exercise library (lessons/exercises.toml) and the patient's chosen exercises."""
