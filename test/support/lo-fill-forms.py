"""Fills department forms as a department would, with LibreOffice (headless, through UNO), many files in one run.

usage: /usr/bin/python3 lo-fill-forms.py JOBS.json
JOBS.json: [{"in": "a.xlsx", "out": "b.xlsx", "format": "xlsx" | "ods",
             "rows": [{"key": "task:<id>", "values": {"完成百分比": 85, "本月进展": "..."}}]}]
A row is found by its hidden key in column A; a column by the start of its header text (the header row
is the first of the top 15 rows with a cell starting "完成百分比"). Numbers go in as numbers, text as text.
One LibreOffice process serves every job, so ten forms take seconds, not minutes.
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lo_office import office, prop, url  # noqa: E402

FILTERS = {'xlsx': 'Calc MS Excel 2007 XML', 'ods': 'calc8'}


def fill(doc, rows):
    sheet = doc.Sheets.getByIndex(0)
    for i in range(doc.Sheets.Count):
        s = doc.Sheets.getByIndex(i)
        if s.getCellByPosition(0, 0).getString().startswith('zwc-form'):
            sheet = s
    header, cols = None, {}
    for r in range(15):
        texts = [sheet.getCellByPosition(c, r).getString() for c in range(40)]
        if any(t.startswith('完成百分比') for t in texts):
            header = r
            cols = {t: c for c, t in enumerate(texts) if t}
            break
    if header is None:
        raise SystemExit('no header row in form')
    keys = {}
    for r in range(header + 1, header + 2000):
        # A sealed form's key is "task:<id>#<seal>": rows are found by the part before the seal.
        k = sheet.getCellByPosition(0, r).getString().split('#')[0]
        if k:
            keys[k] = r
    for row in rows:
        if row['key'] not in keys:
            raise SystemExit('row %s not in form' % row['key'])
        r = keys[row['key']]
        for name, value in row['values'].items():
            matches = [c for t, c in cols.items() if t.startswith(name)]
            if not matches:
                raise SystemExit('column %s not in form (%s)' % (name, ', '.join(cols)))
            cell = sheet.getCellByPosition(matches[0], r)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.setValue(value)
            else:
                cell.setString(str(value))


def main():
    jobs = json.load(open(sys.argv[1], encoding='utf-8'))
    with office() as desktop:
        for job in jobs:
            doc = desktop.loadComponentFromURL(url(job['in']), '_blank', 0, (prop('Hidden', True),))
            fill(doc, job['rows'])
            doc.storeToURL(url(job['out']), (prop('FilterName', FILTERS[job.get('format', 'xlsx')]),))
            doc.close(True)


if __name__ == '__main__':
    main()
