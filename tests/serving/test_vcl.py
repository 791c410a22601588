"""The committed VCL compiles, and says what the application's defaults are."""

import subprocess

from django.conf import settings

from .servers import VCL


def test_the_committed_vcl_compiles_and_names_the_defaults(varnishd, tmp_path):
    compiled = subprocess.run(
        [varnishd, "-C", "-j", "none", "-f", str(VCL), "-n", str(tmp_path), "-p", f"vcl_path={VCL.parent}"],
        capture_output=True,
        text=True,
    )
    assert compiled.returncode == 0, compiled.stderr
    vcl = VCL.read_text()
    assert f'req.url ~ "^/{settings.WAGTAIL_ADMIN_PATH}"' in vcl
    assert f"{settings.SESSION_COOKIE_NAME}=" in vcl
