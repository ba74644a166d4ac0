"""Rows added in LibreOffice Calc as a partner would: rows inserted inside a table and a value typed
under it, through LibreOffice's own API (UNO), then saved as xlsx.

usage: libreoffice-insert-rows.py IN.xlsx OUT.xlsx SHEET AT COUNT BELOW TEXT
  AT: 0-based row before which COUNT rows are inserted; BELOW: 0-based row where TEXT is typed
  in column A.
"""
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    src, out, sheet_name, at, count, below, text = sys.argv[1:8]
    profile = tempfile.mkdtemp(prefix="lo-uno-")
    pipe = "partnerschap" + str(time.time_ns())
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--accept=pipe,name=" + pipe + ";urp;",
        ]
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            raise SystemExit("LibreOffice did not answer")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),)
        )
        sheet = doc.Sheets.getByName(sheet_name)
        sheet.Rows.insertByIndex(int(at), int(count))
        sheet.getCellByPosition(0, int(below)).setString(text)
        doc.storeToURL(
            uno.systemPathToFileUrl(out), (prop("FilterName", "Calc MS Excel 2007 XML"),)
        )
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away with the office
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


main()
