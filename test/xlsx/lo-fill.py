"""Fills cells of a workbook with LibreOffice (headless, through UNO) and saves it as .xlsx again.

usage: /usr/bin/python3 lo-fill.py IN.xlsx OUT.xlsx FILLS.json
FILLS.json: [{"sheet": "填报表", "row": 6, "col": 8, "value": 80}, ...]  (1-based; numbers go in as numbers)
  "typed": true enters the text as a person types it (LibreOffice reads "2026-11-20" as a date).
"""
import json, os, shutil, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    src, dst, fills_path = sys.argv[1:4]
    fills = json.load(open(fills_path, encoding='utf-8'))
    profile = tempfile.mkdtemp(prefix='zwc-lo-')
    pipe = 'zwc_lo_%d' % os.getpid()
    proc = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore', '--nologo', '--nodefault',
                             '-env:UserInstallation=' + uno.systemPathToFileUrl(profile),
                             '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                if proc.poll() is not None:
                    raise SystemExit('soffice exited early with code %s' % proc.returncode)
                time.sleep(0.25)
        if ctx is None:
            raise SystemExit('could not connect to soffice')
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
        for f in fills:
            sheet = doc.Sheets.getByName(f['sheet'])
            cell = sheet.getCellByPosition(f['col'] - 1, f['row'] - 1)
            if f.get('typed'):
                cell.setFormula(f['value'])
            elif isinstance(f['value'], (int, float)):
                cell.setValue(f['value'])
            else:
                cell.setString(f['value'])
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


main()
