#!/bin/sh
# Writes the CSV reader's fixtures byte by byte (line endings, encodings and
# byte-order marks matter, so they are not typed in an editor).
# Run from this folder: sh generate.sh
set -e

# A survey-tool export: ',' separated, UTF-8 without BOM, LF, ISO timestamps.
printf 'participant_id,instrument,wave,completed_on,score\n' > survey_comma_lf.csv
printf 'P001,WEMWBS,baseline,2016-04-05T10:22:33Z,45\n' >> survey_comma_lf.csv
printf 'P002,WEMWBS,T0,2016-04-05T10:22:33.000+02:00,51.5\n' >> survey_comma_lf.csv
printf '"P003","WEMWBS","pre","2016-04-06 09:00:00","48"\n' >> survey_comma_lf.csv

# Excel "CSV (separatore: punto e virgola)" on Italian Windows: ';', Windows-1252, CRLF,
# decimal comma; \340 \350 \354 \362 \371 \200 are à è ì ò ù € in Windows-1252.
{
    printf 'codice_partecipante;gruppo;citt\340;importo;note\r\n'
    printf 'P001;G1;Forl\354;1.234,56;caff\350\r\n'
    printf 'P002;G1;Cesena;12,5;\200 5 pi\371\r\n'
    printf 'P003;G2;"Rimini; centro";-3;"perch\351 ""s\354"""\r\n'
    printf 'P004;G2;Cant\371;0,75;\340 \350 \354 \362 \371 \200\r\n'
} > excel_semicolon_1252_crlf.csv

# Excel "CSV UTF-8": the same table in UTF-8 with a byte-order mark.
{
    printf '\357\273\277'
    printf 'codice_partecipante;gruppo;citt\303\240;importo;note\r\n'
    printf 'P001;G1;Forl\303\254;1.234,56;caff\303\250\r\n'
    printf 'P002;G1;Cesena;12,5;\342\202\254 5 pi\303\271\r\n'
    printf 'P003;G2;"Rimini; centro";-3;"perch\303\251 ""s\303\254"""\r\n'
    printf 'P004;G2;Cant\303\271;0,75;\303\240 \303\250 \303\254 \303\262 \303\271 \342\202\254\r\n'
} > excel_utf8_bom.csv

# Tab separated, UTF-8, LF, decimal point; a no-break space (U+00A0) around a value.
{
    printf 'group_id\tsession_no\tdate\thours\n'
    printf 'G1\t1\t05/04/2016\t2.5\n'
    printf 'G1\t2\t19/04/2016\t\302\2402\302\240\n'
    printf 'G2\t1\t2016-04-07\t1.75\n'
} > tab_lf.csv

# Quoted fields holding separators, doubled quotes and line breaks (LF).
{
    printf 'participant_id;note;score\n'
    printf 'P1;"first line\nsecond line";3\n'
    printf 'P2;plain;4\n'
    printf 'P3;"a ""quoted"" word;\nwith; separators\nand three lines";5\n'
    printf 'P4;x;6\n'
} > quoted_newlines.csv

# CRLF rows with LF line breaks typed inside cells (Alt+Enter): mixed line endings.
{
    printf 'participant_id,note,score\r\n'
    printf 'P1,"typed\nin a cell",3\r\n'
    printf 'P2,"two\r\nlines",4\r\n'
    printf 'P3,plain,5\r\n'
} > mixed_line_endings.csv

# Old Excel for Mac: lone CR line endings.
printf 'a,b\r1,2\r3,4\r' > cr_only.csv

# Rows with too few and too many fields, and an empty line inside the data.
{
    printf 'a;b;c;d\n'
    printf '1;2;3;4\n'
    printf '1;2;3\n'
    printf '1;2;3;4;5\n'
    printf '\n'
    printf '1;2;3;4\n'
} > ragged.csv

# A quote inside an unquoted field; text after a closing quote.
{
    printf 'id;name;score\n'
    printf '1;ab"c;3\n'
    printf '2;"ok";4\n'
    printf '3;"bad"x;5\n'
    printf '4;"fine";6\n'
} > quote_errors.csv

# A quote opened on line 3 and never closed.
{
    printf 'id;name;score\n'
    printf '1;a;2\n'
    printf '2;"open;3\n'
    printf '3;b;4\n'
} > unbalanced_quote.csv

# Blank lines (and an all-blank row, and blanks) at the end are not data.
printf 'a;b\n1;2\n3;4\n\n\n;\n   \n\n' > trailing_blank_lines.csv

# A one-column file: an empty line inside the data is a blank value.
printf 'score\n1\n\n2\n\n' > one_column.csv

# Header only (CRLF), and an empty file.
printf 'a;b;c\r\n' > header_only.csv
: > empty.csv

# Dates in every accepted format and numbers with a decimal comma (';', UTF-8, LF).
{
    printf 'format;date;amount;count\n'
    printf 'iso;2016-04-05;1.234,56;1.234\n'
    printf 'iso-short;2016-4-5;12,5;3\n'
    printf 'slash;05/04/2016;-3;-3\n'
    printf 'slash-short;5/4/2016;0,75;0\n'
    printf 'dash;05-04-2016;1.000.000;1.000.000\n'
    printf 'dot;05.04.2016;;\n'
    printf 'iso-datetime;2016-04-05 10:22:33;+2;+2\n'
    printf 'iso-datetime-minutes;2016-04-05 10:22;3,0;3,0\n'
    printf 'timestamp-z;2016-04-05T10:22:33Z;1;1\n'
    printf 'timestamp-offset;2016-04-05T23:22:33.000+02:00;1;1\n'
    printf 'timestamp-negative;2016-04-05T23:30:00-05:00;1;1\n'
    printf 'slash-datetime;05/04/2016 10:22:33;1;1\n'
} > dates_and_numbers.csv
