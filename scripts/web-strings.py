#!/usr/bin/env python3
"""Writes src/Tumen.Web/Resources/SharedResource{,.ko,.zh-Hans}.resx from strings.tsv beside them.

One table keeps the three languages side by side, so a missing translation is visible in review;
the test Resources_EveryKeyInEveryLanguage checks the generated files agree.
"""
import csv, os
from xml.sax.saxutils import escape

here = os.path.join(os.path.dirname(__file__), "..", "src", "Tumen.Web", "Resources")
with open(os.path.join(here, "strings.tsv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
head = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
for lang, suffix in (("en", ""), ("ko", ".ko"), ("zh-Hans", ".zh-Hans")):
    with open(os.path.join(here, f"SharedResource{suffix}.resx"), "w", encoding="utf-8") as out:
        out.write(head)
        for row in sorted(rows, key=lambda r: r["key"]):
            out.write(f'  <data name="{row["key"]}" xml:space="preserve"><value>{escape(row[lang])}</value></data>\n')
        out.write("</root>\n")
