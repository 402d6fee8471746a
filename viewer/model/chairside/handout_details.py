"""Who a handout is for and from: typed at save or print time, kept in memory only, never stored."""

from __future__ import annotations

from viewer.model.core.record import record

FIELDS = (("patient", "Name"), ("clinician", "Clinician"), ("clinic", "Clinic"))


@record
class HandoutDetails:
    patient: str = ""
    clinician: str = ""
    clinic: str = ""

    def cleaned(self) -> HandoutDetails:
        return HandoutDetails(*(" ".join(getattr(self, key).split()) for key, _label in FIELDS))

    def for_new_patient(self) -> HandoutDetails:
        """The clinician and clinic stay for the session; the patient's name goes."""
        return HandoutDetails("", self.clinician, self.clinic)
