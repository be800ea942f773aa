"""One headless LibreOffice for the test scripts that fill spreadsheets as a department would (through UNO).

    with office() as desktop:
        doc = desktop.loadComponentFromURL(url(path), '_blank', 0, (prop('Hidden', True),))

Its own throw-away profile and pipe, so runs never share state; it is killed if it does not quit.
"""
import contextlib, os, shutil, subprocess, tempfile, time
import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def _connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(480):
        try:
            return resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
        except Exception:
            if proc.poll() is not None:
                raise SystemExit('soffice exited early with code %s' % proc.returncode)
            time.sleep(0.25)
    raise SystemExit('could not connect to soffice')


@contextlib.contextmanager
def office():
    profile = tempfile.mkdtemp(prefix='zwc-lo-')
    pipe = 'zwc_lo_%d' % os.getpid()
    proc = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore', '--nologo', '--nodefault',
                             '-env:UserInstallation=' + uno.systemPathToFileUrl(profile),
                             '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = _connect(pipe, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        yield desktop
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
