"""LibreOffice headless converting the same content to PDF: the plan's tables
(as the PDF floor takes them) written as one HTML document, which Writer lays
out and exports. `available()` says whether LibreOffice is installed."""

import html
import json
import shutil
from pathlib import Path


def available() -> str | None:
    """The soffice program, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_html(tables_path: Path, out: Path) -> None:
    """The tables as HTML: a heading row repeated on every page, DejaVu Sans
    8.5 pt like the PDF, a page break between tables."""
    tables = json.loads(tables_path.read_text("utf-8"))
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><style>",
             "body { font-family: 'DejaVu Sans'; font-size: 8.5pt; }",
             "table { border-collapse: collapse; }",
             "th { background: #1F2933; color: white; text-align: left; }",
             "td, th { vertical-align: top; border-bottom: 0.3pt solid #D9DEE3; }",
             "</style></head><body>"]
    for n, table in enumerate(tables):
        if n:
            parts.append("<p style='page-break-before: always; margin: 0'></p>")
        total = sum(table["widths"]) or 1
        parts.append("<table width='100%' cellpadding='3' cellspacing='0'><colgroup>" + "".join(
            f"<col width='{100 * w / total:.0f}%'>" for w in table["widths"]) + "</colgroup>")
        parts.append("<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>"
                                             for c in table["columns"]) + "</tr></thead><tbody>")
        for row in table["rows"]:
            parts.append("<tr>" + "".join(
                f"<td>{html.escape(str(c)).replace(chr(10), '<br>')}</td>" for c in row) + "</tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    out.write_text("\n".join(parts), encoding="utf-8")


def command(soffice: str, profile: Path, source: Path, folder: Path) -> list[str]:
    """Writer (not Writer/Web) converting the HTML to PDF, with a profile of
    its own so that no other LibreOffice is disturbed."""
    return [soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless",
            "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
            "--outdir", str(folder), str(source)]
