#!/usr/bin/env python3
"""Changes one in a hundred rows of a sample practice data file (contacts' phones, invoices' due dates,
projects' notes, and the files of one document in a hundred), as a practice's day of work would: the
re-sync that follows must move exactly those. Payments are left alone: a recorded payment is not edited
in place (the portal asks for a tombstone and a new one)."""
import sqlite3
import sys
from pathlib import Path

data = Path(sys.argv[1])
db = sqlite3.connect(data)
changed = {}
for table, column, value in [
    ("contacts", "phone", "'+1 416 555 0199'"),
    ("invoices", "due_date", "date(due_date, '+7 days')"),
    ("projects", "note", "'Changed on the desktop: ' || external_id"),
]:
    cursor = db.execute(f"UPDATE {table} SET {column} = {value} WHERE rowid % 100 = 0")
    changed[table] = cursor.rowcount
documents = 0
for external_id, path in db.execute("SELECT external_id, path FROM documents WHERE rowid % 100 = 0"):
    file = Path(path) if Path(path).is_absolute() else data.parent / path
    with open(file, "ab") as f:  # after %%EOF: still the same PDF to a reader, other bytes to a hash
        f.write(b"\n% changed\n")
    documents += 1
changed["documents"] = documents
db.commit()
print(", ".join(f"{n} {t}" for t, n in changed.items()))
