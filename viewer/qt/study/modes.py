"""The study modes as the Study menu and the Study panel name them."""

MODE_ACTIONS = {  # mode: (menu text, status tip)
    "find": ("&Find it", "The app names a structure; click it on the diagram"),
    "name": ("&Name it", "A structure is highlighted with its label hidden; pick or type its name"),
    "labels": ("&Label quiz", "Every label on the diagram is covered; type or pick the one asked, one at a time"),
    "questions": ("&Questions", "Multiple-choice questions on mechanisms, positions, tests and red flags"),
    "review": ("&Review due cards", "A mixed session of the cards due today"),
    "teachback": ("&Teach-back (patient)", "A short quiz in plain words to run with a patient"),
}
