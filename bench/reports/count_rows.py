#!/usr/bin/env python3
"""Counts what a downloaded payment report or import file holds, for bench/reports/portal.sh.

    count_rows.py xlsx|csv|json FILE   -> "rows=N totals=N paid=N"   (rows: payments; totals: the
                                          payments the totals rows count; paid: rows with status Paid)
    count_rows.py iif FILE             -> "entries=N unbalanced=N"

Standard library only. The xlsx is read streaming (zipfile + iterparse, each row dropped once read),
so a 100,000-row sheet does not have to fit in memory as a tree.
"""
import csv
import json
import sys
import zipfile
from decimal import Decimal
from xml.etree.ElementTree import iterparse

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
TOTAL = "Total"
HEADING = "Date"
STATUS_COLUMN = 8  # Date, Client, Invoice number, Description, Gross, Fee, Net, Currency, Status, ...
COUNT_COLUMN = 3   # a totals row says "N payments" in the description column


def payments_in(text):
    return int(text.split()[0])


def count_table(rows):
    data = totals = paid = 0
    for index, cells in enumerate(rows):
        first = cells[0] if cells else ""
        if index == 0:
            if first != HEADING:
                raise SystemExit(f"first row is not the heading: {cells[:3]}")
            continue
        if first == TOTAL:
            totals += payments_in(cells[COUNT_COLUMN])
            continue
        data += 1
        if len(cells) > STATUS_COLUMN and cells[STATUS_COLUMN] == "Paid":
            paid += 1
    return data, totals, paid


def xlsx_rows(path):
    with zipfile.ZipFile(path) as archive, archive.open("xl/worksheets/sheet1.xml") as sheet:
        for _, element in iterparse(sheet, events=("end",)):
            if element.tag != MAIN + "row":
                continue
            cells = {}
            for cell in element.iter(MAIN + "c"):
                column = "".join(ch for ch in cell.get("r", "") if ch.isalpha())
                inline = cell.find(f"{MAIN}is/{MAIN}t")
                value = cell.find(MAIN + "v")
                cells[column] = inline.text if inline is not None else (value.text if value is not None else "")
            width = max((column_number(c) for c in cells), default=0)
            yield [cells.get(column_name(i), "") or "" for i in range(1, width + 1)]
            element.clear()


def column_number(name):
    number = 0
    for ch in name:
        number = number * 26 + ord(ch) - ord("A") + 1
    return number


def column_name(number):
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def count_iif(path):
    entries = unbalanced = 0
    total = Decimal(0)
    with open(path, encoding="utf-8-sig", newline="") as file:
        for line in file:
            fields = line.rstrip("\r\n").split("\t")
            kind = fields[0]
            if kind in ("TRNS", "SPL"):
                if kind == "TRNS":
                    entries += 1
                    total = Decimal(0)
                total += Decimal(fields[5])
            elif kind == "ENDTRNS" and total != 0:
                unbalanced += 1
    return entries, unbalanced


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "iif":
        entries, unbalanced = count_iif(path)
        print(f"entries={entries} unbalanced={unbalanced}")
        return
    if kind == "csv":
        with open(path, encoding="utf-8-sig", newline="") as file:
            data, totals, paid = count_table(csv.reader(file))
    elif kind == "xlsx":
        data, totals, paid = count_table(xlsx_rows(path))
    elif kind == "json":
        with open(path, encoding="utf-8") as file:
            report = json.load(file)
        data = len(report["rows"])
        totals = sum(t["count"] for t in report["totals"])
        paid = sum(1 for row in report["rows"] if row["status"] == "Paid")
    else:
        raise SystemExit("kind: xlsx, csv, json or iif")
    print(f"rows={data} totals={totals} paid={paid}")


if __name__ == "__main__":
    main()
