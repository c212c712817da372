#!/usr/bin/env python3
"""The demo programme (datasets/demo) saved as Excel workbooks, one per kind,
with typed cells as Excel would hold them after opening the CSV exports: dates
as dates (both ISO and dd/mm/yyyy exports), numbers as numbers (decimal commas
of the ';' files read as such), text as shared strings, blanks as empty cells.
Written by XlsxWriter (python3-xlsxwriter), a real writer; the sheet is named
like the kind. The test imports these and the CSVs and compares the reports.

Run from this folder:  /usr/bin/python3 generate.py
"""
import csv
import datetime as dt
import io
import os
import re

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "..", "..", "..", "datasets", "demo")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DAY_FIRST = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
CODE = re.compile(r"^[A-Za-z]")


def read(name):
    raw = open(os.path.join(DEMO, name), "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    separator = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    return rows, separator


def typed(value, separator):
    value = value.strip()
    if value == "":
        return None
    if ISO.match(value):
        return dt.datetime.strptime(value, "%Y-%m-%d")
    m = DAY_FIRST.match(value)
    if m:
        return dt.datetime(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    # Excel in Italian: '.' groups thousands and ',' is the decimal mark (1.500,00).
    number = value.replace(".", "").replace(",", ".") if separator == ";" and re.match(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$", value) else value
    if not CODE.match(value) and re.match(r"^-?\d+(\.\d+)?$", number) and not (len(value) > 1 and value.startswith("0") and "." not in number):
        return float(number)
    return value


for name in sorted(os.listdir(DEMO)):
    if not name.endswith(".csv"):
        continue
    rows, separator = read(name)
    stem = name[:-4]
    book = xlsxwriter.Workbook(os.path.join(HERE, stem + ".xlsx"))
    book.set_properties({"created": dt.datetime(2016, 9, 30)})
    sheet = book.add_worksheet(stem)
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            value = cell if r == 0 else typed(cell, separator)
            if value is None:
                continue
            if isinstance(value, dt.datetime):
                sheet.write_datetime(r, c, value, dates)
            elif isinstance(value, float):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, value)
    book.close()
