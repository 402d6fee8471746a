"""The hip in motion: the axial ("MRI level") view, the pose controls and the IFS/QFS gauge."""
