"""A reader of a PDF's tagging, independent of the code that writes it: the
checks of PDF/UA-1 (ISO 14289-1, as the Matterhorn protocol lists them) that
can be decided from the file's objects, read back with pikepdf (qpdf).

veraPDF, the reference checker, is a Java program from its own site and
Maven; neither is reachable from the machines the suite runs on, so this is
the suite's checker. What it checks:

- the catalogue: marked, a document language, XMP metadata with the same
  title as the document information and PDF/UA's identifier, the title shown
  by viewers (DisplayDocTitle);
- the structure tree: standard structure types only, every element's parent
  is the element holding it, figures have alternative text, headings start at
  H1 and never skip a level going down, tables hold rows that hold header or
  data cells, header cells have a scope;
- every page's content: each text, path painting, shading and image
  operator is inside marked content with an MCID or inside an artifact; each
  MCID is found in the parent tree under the page's key, pointing at an
  element that holds that MCID on that page; on every page the elements'
  marked content, in the order of the tree, is in the order it was drawn;
- annotations: each has a StructParent leading to a Link (or Annot) element
  that holds it as an object reference; pages with annotations set Tabs /S;
- fonts: every font is embedded.
"""

import re
from pathlib import Path
from typing import Any

import pikepdf

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct
Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote
Note Reference BibEntry Code Link Annot Ruby Warichu RB RT RP WT WP Figure Formula
Form""".split())
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh",
            "Do", "BI"}


def _pages_by_object(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    return {page.obj.objgen: n for n, page in enumerate(pdf.pages)}


def check(path: Path) -> list[str]:
    """Every finding, as a sentence naming where; [] for a clean file."""
    findings: list[str] = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        findings += _catalogue(pdf, root)
        tree = root.get("/StructTreeRoot")
        if tree is None:
            return [*findings, "no structure tree (the document is untagged)"]
        pages = _pages_by_object(pdf)
        held: dict[tuple[int, int], Any] = {}  # (page, mcid) -> element
        order: dict[int, list[int]] = {}  # page -> MCIDs in the tree's order
        links: dict[tuple[int, int], Any] = {}  # annotation object -> element
        findings += _elements(tree, pages, held, order, links)
        findings += _parent_tree(pdf, tree, pages, held)
        for n, page in enumerate(pdf.pages):
            findings += _content(n, page, held)
            findings += _annotations(n, page, links)
        for page, mcids in order.items():
            if mcids != sorted(mcids):
                findings.append(f"page {page + 1}: the structure reads its marked content "
                                f"out of the order it is drawn ({mcids[:12]}…)")
        findings += _fonts(pdf)
    return findings


def _catalogue(pdf: pikepdf.Pdf, root: Any) -> list[str]:
    out = []
    if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
        out.append("catalogue: MarkInfo /Marked is not true")
    if not str(root.get("/Lang", "")).strip():
        out.append("catalogue: no document language (/Lang)")
    if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
        out.append("catalogue: viewers are not told to show the title (DisplayDocTitle)")
    if "/Metadata" not in root:
        return [*out, "catalogue: no XMP metadata"]
    meta = pdf.open_metadata()
    title = str(pdf.docinfo.get("/Title", ""))
    if meta.get("dc:title") != title:
        out.append(f"metadata: dc:title {meta.get('dc:title')!r} is not the title {title!r}")
    if meta.get("pdfuaid:part") != "1":
        out.append("metadata: no PDF/UA identifier (pdfuaid:part)")
    return out


def _elements(tree: Any, pages: dict[tuple[int, int], int], held: dict[tuple[int, int], Any],
              order: dict[int, list[int]], links: dict[tuple[int, int], Any]) -> list[str]:
    out: list[str] = []
    last_heading = 0
    stack: list[tuple[Any, Any]] = [(k, tree) for k in reversed(_kids(tree))]
    while stack:
        element, parent = stack.pop()
        if not isinstance(element, pikepdf.Dictionary):
            continue
        kind = str(element.get("/S", ""))[1:]
        where = f"{kind} element {element.objgen}"
        if kind not in STANDARD:
            out.append(f"{where}: not a standard structure type")
        if element.get("/P") is None or element.P.objgen != parent.objgen:
            out.append(f"{where}: its /P is not the element that holds it")
        if kind == "Figure" and not str(element.get("/Alt", "")).strip():
            out.append(f"{where}: a figure without alternative text")
        if re.fullmatch(r"H[1-6]", kind):
            level = int(kind[1])
            if level > last_heading + 1:
                out.append(f"{where}: a heading H{level} after H{last_heading} skips a level")
            last_heading = level
        if kind == "TR" and str(parent.get("/S", "")) not in ("/Table", "/THead", "/TBody",
                                                              "/TFoot"):
            out.append(f"{where}: a row outside a table")
        if kind in ("TH", "TD") and str(parent.get("/S", "")) != "/TR":
            out.append(f"{where}: a cell outside a row")
        if kind == "TH":
            scope = element.get("/A", {}).get("/Scope") if isinstance(
                element.get("/A"), pikepdf.Dictionary) else None
            if scope is None:
                out.append(f"{where}: a header cell without a scope")
        page = pages.get(element.Pg.objgen) if "/Pg" in element else None
        for kid in _kids(element):
            if isinstance(kid, int):
                if page is None:
                    out.append(f"{where}: an MCID with no page")
                    continue
                held[(page, kid)] = element
                order.setdefault(page, []).append(kid)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                mcr_page = pages.get(kid.Pg.objgen) if "/Pg" in kid else page
                if mcr_page is None:
                    out.append(f"{where}: marked content with no page")
                    continue
                held[(mcr_page, int(kid.MCID))] = element
                order.setdefault(mcr_page, []).append(int(kid.MCID))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                links[kid.Obj.objgen] = element
        stack.extend((k, element) for k in reversed(_kids(element))
                     if isinstance(k, pikepdf.Dictionary) and k.get("/Type") not in
                     ("/MCR", "/OBJR"))
    return out


def _kids(element: Any) -> list[Any]:
    kids = element.get("/K")
    if kids is None:
        return []
    if isinstance(kids, pikepdf.Array):
        return [int(k) if isinstance(k, int) else k for k in kids]
    return [int(kids) if isinstance(kids, int) else kids]


def _parent_tree(pdf: pikepdf.Pdf, tree: Any, pages: dict[tuple[int, int], int],
                 held: dict[tuple[int, int], Any]) -> list[str]:
    out: list[str] = []
    nums = pikepdf.NumberTree(tree.ParentTree)
    for n, page in enumerate(pdf.pages):
        key = page.obj.get("/StructParents")
        mcids = [m for (p, m) in held if p == n]
        if key is None:
            if mcids:
                out.append(f"page {n + 1}: marked content but no /StructParents")
            continue
        parents = nums.get(int(key))
        if parents is None:
            out.append(f"page {n + 1}: its key {int(key)} is not in the parent tree")
            continue
        for mcid in mcids:
            if mcid >= len(parents) or parents[mcid].objgen != held[(n, mcid)].objgen:
                out.append(f"page {n + 1}: MCID {mcid} leads the parent tree elsewhere")
    return out


def _content(n: int, page: Any, held: dict[tuple[int, int], Any]) -> list[str]:
    out: list[str] = []
    stack: list[tuple[str, int | None]] = []  # (tag, mcid)
    seen: set[int] = set()
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])[1:]
            mcid = None
            if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and \
                    "/MCID" in operands[1]:
                mcid = int(operands[1].MCID)
                seen.add(mcid)
                if (n, mcid) not in held:
                    out.append(f"page {n + 1}: MCID {mcid} ({tag}) belongs to no element")
            stack.append((tag, mcid))
        elif op == "EMC":
            if not stack:
                out.append(f"page {n + 1}: EMC without a BDC")
            else:
                stack.pop()
        elif op in PAINTING:
            tagged = any(tag == "Artifact" or mcid is not None for tag, mcid in stack)
            if not tagged:
                out.append(f"page {n + 1}: {op} outside marked content and artifacts")
                if len(out) > 5:
                    return out
    if stack:
        out.append(f"page {n + 1}: marked content left open at the end of the page")
    for (p, mcid) in held:
        if p == n and mcid not in seen:
            out.append(f"page {n + 1}: the structure names MCID {mcid}, not on the page")
    return out


def _annotations(n: int, page: Any, links: dict[tuple[int, int], Any]) -> list[str]:
    out = []
    annots = page.obj.get("/Annots") or []
    if len(annots) and str(page.obj.get("/Tabs", "")) != "/S":
        out.append(f"page {n + 1}: annotations, but Tabs is not /S")
    for annot in annots:
        if str(annot.get("/Subtype")) == "/Popup":
            continue
        element = links.get(annot.objgen)
        if "/StructParent" not in annot or element is None:
            out.append(f"page {n + 1}: an annotation outside the structure")
        elif str(element.S) not in ("/Link", "/Annot"):
            out.append(f"page {n + 1}: an annotation held by {element.S}, not a Link")
    return out


def _fonts(pdf: pikepdf.Pdf) -> list[str]:
    out = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            if not any(k in obj for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                out.append(f"font {obj.get('/FontName')}: not embedded")
    return out
