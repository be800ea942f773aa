"""Fills cells of a workbook with LibreOffice (headless, through UNO) and saves it as .xlsx again.

usage: /usr/bin/python3 lo-fill.py IN.xlsx OUT.xlsx FILLS.json
FILLS.json: [{"sheet": "填报表", "row": 6, "col": 8, "value": 80}, ...]  (1-based; numbers go in as numbers)
  "typed": true enters the text as a person types it (LibreOffice reads "2026-11-20" as a date).
"""
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'support'))
from lo_office import office, prop, url  # noqa: E402


def main():
    src, dst, fills_path = sys.argv[1:4]
    fills = json.load(open(fills_path, encoding='utf-8'))
    with office() as desktop:
        doc = desktop.loadComponentFromURL(url(src), '_blank', 0, (prop('Hidden', True),))
        for f in fills:
            sheet = doc.Sheets.getByName(f['sheet'])
            cell = sheet.getCellByPosition(f['col'] - 1, f['row'] - 1)
            if f.get('typed'):
                cell.setFormula(f['value'])
            elif isinstance(f['value'], (int, float)):
                cell.setValue(f['value'])
            else:
                cell.setString(f['value'])
        doc.storeToURL(url(dst), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
        doc.close(True)


main()
