#!/usr/bin/env python3
"""Writes the workbook fixtures of the Excel import tests, and beside them the CSV
exports they are equivalent to (METHODS §3 "Excel workbooks").

Two real writers make the workbooks, so the reader meets both layouts:
- XlsxWriter (python3-xlsxwriter), which writes as Excel does: shared strings (rich
  text runs too), formulas with their cached values, merged cells, the 1904 date system;
- openpyxl (python3-openpyxl), which writes inline strings and absolute part names.

The tests need no Python: the .xlsx files are committed. Run from this folder:
    /usr/bin/python3 generate.py
"""
import datetime as dt
import os
import re
import zipfile

import openpyxl
import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
D = dt.date
T = dt.datetime


def path(*parts):
    full = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    return full


def write_csv(name, rows):
    """The equivalent export: dates ISO, numbers with a decimal point, blanks empty."""
    def text(value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    with open(path("csv", name), "w", encoding="utf-8", newline="") as f:
        for row in rows:
            f.write(",".join(text(v) for v in row) + "\n")


def repack_with_fixed_times(name):
    """openpyxl stamps the save time on the archive's entries and in docProps/core.xml:
    write them again with a fixed one, so that running the script again writes the same bytes."""
    with zipfile.ZipFile(name) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as archive:
        for filename, data in entries:
            if filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", data)
            archive.writestr(zipfile.ZipInfo(filename, date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def fixed_times(book):
    """Fixed document dates, so that running the script again writes the same bytes."""
    book.set_properties({"created": dt.datetime(2026, 1, 1)})


# gruppi.xlsx (openpyxl): one sheet with a generic name, so the first sheet is read;
# inline strings, an integer, an empty cell, a non-ASCII site.
GROUPS = [
    ["gruppo", "composizione", "sede", "incontri_previsti", "azienda"],
    ["G1", "homogeneous", "Forlì", 4, "Acme"],
    ["G2", "eterogeneo", "Cesena", 4, None],
]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Foglio1"
for row in GROUPS:
    ws.append(row)
wb.properties.created = dt.datetime(2026, 1, 1)
wb.save(path("workbooks", "gruppi.xlsx"))
repack_with_fixed_times(path("workbooks", "gruppi.xlsx"))
write_csv("gruppi.csv", GROUPS)

# partecipanti.xlsx (XlsxWriter): the 1904 date system, dates in a built-in and in custom
# formats, whole numbers, empty cells.
PARTICIPANTS = [
    ["codice_partecipante", "gruppo", "data_iscrizione", "data_uscita", "sesso", "anno_nascita", "figli"],
    ["P1", "G1", D(2016, 1, 10), None, "donna", 1970, 2],
    ["P2", "G1", D(2016, 1, 10), D(2016, 3, 1), "M", 1980, 0],
    ["P3", "G2", D(2016, 1, 12), None, "uomo", 1965, None],
]
book = xlsxwriter.Workbook(path("workbooks", "partecipanti.xlsx"), {"date_1904": True})
fixed_times(book)
sheet = book.add_worksheet("partecipanti")
formats = [book.add_format({"num_format": 14}), book.add_format({"num_format": "dd/mm/yyyy"}),
           book.add_format({"num_format": "d mmmm yyyy"})]
for r, row in enumerate(PARTICIPANTS):
    for c, value in enumerate(row):
        if isinstance(value, dt.date):
            sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), formats[(r + c) % 3])
        elif value is not None:
            sheet.write(r, c, value)
book.close()
write_csv("partecipanti.csv", PARTICIPANTS)

# incontri.xlsx (XlsxWriter): the sessions are on the third sheet, named like the kind;
# booleans, a date with a time of day.
SESSIONS = [
    ["gruppo", "incontro", "data", "svolto"],
    ["G1", 1, D(2016, 1, 15), True],
    ["G1", 2, D(2016, 1, 29), True],
    ["G1", 3, D(2016, 2, 12), False],
    ["G1", 4, D(2016, 2, 26), True],
    ["G2", 1, T(2016, 1, 16, 10, 30), True],
    ["G2", 2, D(2016, 1, 30), True],
    ["G2", 3, D(2016, 2, 13), True],
    ["G2", 4, D(2016, 2, 27), True],
]
book = xlsxwriter.Workbook(path("workbooks", "incontri.xlsx"))
fixed_times(book)
readme = book.add_worksheet("Leggimi")
readme.write(0, 0, "Registro degli incontri: vedi il foglio 'incontri'.")
summary = book.add_worksheet("Riepilogo")
summary.write_row(0, 0, ["gruppo", "incontri"])
summary.write_row(1, 0, ["G1", 4])
sheet = book.add_worksheet("incontri")
date_format = book.add_format({"num_format": "dd/mm/yyyy"})
time_format = book.add_format({"num_format": "dd/mm/yyyy hh:mm"})
for r, row in enumerate(SESSIONS):
    for c, value in enumerate(row):
        if isinstance(value, dt.datetime):
            sheet.write_datetime(r, c, value, time_format)
        elif isinstance(value, dt.date):
            sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
        else:
            sheet.write(r, c, value)
book.close()
write_csv("incontri.csv", SESSIONS)

# presenze.xlsx (XlsxWriter): a long register with shared strings (one of them rich
# text), typed dates and numbers, an empty formatted cell, formulas with cached values
# (a number and a string), a header cell merged over an empty column, and formatted
# empty rows after the data.
ATTENDANCE = [
    ["gruppo", "codice_partecipante", "incontro", "data", "presenza"],
    ["G1", "P1", 1, D(2016, 1, 15), 1],
    ["G1", "P1", 2, D(2016, 1, 29), 1],
    ["G1", "P1", 4, None, 0],
    ["G1", "P2", 1, D(2016, 1, 15), 1],
    ["G1", "P2", 2, D(2016, 1, 29), 0],
    ["G2", "P3", 1, D(2016, 1, 16), 1],
    ["G2", "P3", 2, D(2016, 1, 30), 1],
]
book = xlsxwriter.Workbook(path("workbooks", "presenze.xlsx"))
fixed_times(book)
sheet = book.add_worksheet("presenze")
date_format = book.add_format({"num_format": "dd/mm/yyyy"})
bold = book.add_format({"bold": True})
header_format = book.add_format({"bold": True, "align": "center"})
sheet.write_row(0, 0, ATTENDANCE[0][:4], bold)
sheet.merge_range(0, 4, 0, 5, "presenza", header_format)
for r, row in enumerate(ATTENDANCE[1:], start=1):
    group, participant, number, date, present = row
    if r == 7:
        sheet.write_formula(r, 0, '="G"&"2"', None, "G2")
    else:
        sheet.write_string(r, 0, group)
    if r == 6:
        sheet.write_rich_string(r, 1, "P", bold, "3")
    else:
        sheet.write_string(r, 1, participant)
    if r == 2:
        sheet.write_formula(r, 2, "=C2+1", None, 2)
    else:
        sheet.write_number(r, 2, number)
    if date is None:
        sheet.write_blank(r, 3, None, date_format)
    else:
        sheet.write_datetime(r, 3, dt.datetime.combine(date, dt.time()), date_format)
    sheet.write_number(r, 4, present)
sheet.write_blank(9, 0, None, bold)
sheet.write_blank(10, 3, None, date_format)
book.close()
write_csv("presenze.csv", ATTENDANCE)

# wide/registro.xlsx (XlsxWriter): a sign-in sheet register, one column per meeting,
# whose headers are typed dates; marks as text, numbers and empty cells.
REGISTER = [
    ["gruppo", "codice_partecipante", D(2016, 1, 15), D(2016, 1, 29), D(2016, 2, 26)],
    ["G1", "P1", "x", "x", None],
    ["G1", "P2", 1, 0, 1],
]
book = xlsxwriter.Workbook(path("wide", "registro.xlsx"))
fixed_times(book)
sheet = book.add_worksheet("registro")
date_format = book.add_format({"num_format": "dd/mm/yyyy", "bold": True})
for r, row in enumerate(REGISTER):
    for c, value in enumerate(row):
        if isinstance(value, dt.date):
            sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
        elif value is not None:
            sheet.write(r, c, value)
book.close()
write_csv("registro.csv", REGISTER)
os.replace(path("csv", "registro.csv"), path("wide", "registro.csv"))

# bad/presenze.xlsx: an Excel error as a formula's cached value (C4), the serial of
# 1900-02-29, a day that does not exist (D5), and a value that is no presence mark (E7).
book = xlsxwriter.Workbook(path("bad", "presenze.xlsx"))
fixed_times(book)
sheet = book.add_worksheet("presenze")
date_format = book.add_format({"num_format": "dd/mm/yyyy"})
sheet.write_row(0, 0, ATTENDANCE[0])
rows = [
    ["G1", "P1", 1, D(2016, 1, 15), 1],
    ["G1", "P1", 2, D(2016, 1, 29), 1],
    ["G1", "P2", None, D(2016, 1, 15), 1],
    ["G1", "P2", 2, 60, 0],
    ["G2", "P3", 1, D(2016, 1, 16), 1],
    ["G2", "P3", 2, D(2016, 1, 30), "forse"],
]
for r, row in enumerate(rows, start=1):
    for c, value in enumerate(row):
        if r == 3 and c == 2:
            sheet.write_formula(r, c, "=1/0", None, "#DIV/0!")
        elif c == 3:
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
            else:
                sheet.write_number(r, c, value, date_format)
        else:
            sheet.write(r, c, value)
book.close()

# bad/partecipanti.xlsx: a header cell merged over a column that holds data (B1:C1),
# which leaves that column without a name, as a CSV export of the sheet would.
book = xlsxwriter.Workbook(path("bad", "partecipanti.xlsx"))
fixed_times(book)
sheet = book.add_worksheet("partecipanti")
sheet.write(0, 0, "codice_partecipante")
sheet.merge_range(0, 1, 0, 2, "gruppo", book.add_format({"align": "center"}))
sheet.write(0, 3, "data_iscrizione")
sheet.write_row(1, 0, ["P1", "G1", "nota", "10/01/2016"])
book.close()

# refused/presenze.ods: the smallest OpenDocument spreadsheet, its 'mimetype' entry
# first and stored, as OpenDocument requires.
with zipfile.ZipFile(path("refused", "presenze.ods"), "w") as ods:
    info = zipfile.ZipInfo("mimetype", date_time=(2026, 1, 1, 0, 0, 0))
    ods.writestr(info, "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
    info = zipfile.ZipInfo("content.xml", date_time=(2026, 1, 1, 0, 0, 0))
    ods.writestr(
        info,
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>',
        compress_type=zipfile.ZIP_DEFLATED,
    )
