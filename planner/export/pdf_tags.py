"""The PDF's logical structure: marked content on ReportLab's canvas and the
structure tree beside it (ReportLab has no tagging of its own).

Whatever a page shows is either marked content belonging to a structure
element (a heading at its level, a paragraph, a table cell, a figure with its
alternative text, an entry of the contents) or an artifact (the page's
furniture, the DRAFT mark, table backgrounds and rules, the cover's band).
Elements are made in the order the page is laid out, which is the order it
reads; what is drawn once every page is known (the contents, the agreed
stamp) is hung where it reads, at an anchor made during layout.

The tree is written as raw PDF objects whose numbers ReportLab hands out, so
a plan of 60,000 rides and a few hundred thousand cells costs one f-string an
element rather than ReportLab's general object formatting.
"""

import re
from io import BytesIO
from datetime import datetime, timezone
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFObject, PDFObjectReference, PDFString

# Paragraph styles and the structure they stand for.
STYLE_KIND = {"h1": "H1", "cover_title": "H1", "h2": "H2", "h3": "H3"}


class Element:
    """A structure element: its type, parent and children in reading order
    (elements, or marked content as (page, MCID), or an annotation as
    ("annot", page, object number))."""

    __slots__ = ("kind", "parent", "kids", "alt", "scope", "number")

    def __init__(self, kind: str, parent: "Element | None", alt: str = "",
                 scope: str = "") -> None:
        self.kind, self.parent, self.alt, self.scope = kind, parent, alt, scope
        self.kids: list[Any] = []
        self.number = 0
        if parent is not None:
            parent.kids.append(self)


class _Raw(PDFObject):  # type: ignore[misc]
    """An object whose text is written here, not formatted by ReportLab."""

    __slots__ = ("body",)

    def __init__(self, body: bytes = b"") -> None:
        self.body = body

    def format(self, document: Any) -> bytes:
        return self.body


def text_string(value: str) -> str:
    """A PDF text string that holds any character: UTF-16 with its mark."""
    if value.isascii() and value.isprintable():
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped})"
    return "<FEFF" + value.encode("utf-16-be").hex().upper() + ">"


def _xml(value: str) -> str:
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def xmp(title: str, author: str, subject: str, language: str, creator: str,
        when: datetime) -> bytes:
    """The document's XMP metadata: title, author, language and that it
    claims PDF/UA-1."""
    stamp = when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    # Characters XML 1.0 cannot hold at all are left out of the packet.
    clean = {k: "".join(c for c in v if c in "\t\n\r" or ord(c) >= 0x20)
             for k, v in (("t", title), ("a", author), ("s", subject))}
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(clean["t"])}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{_xml(clean["a"])}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_xml(clean["s"])}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{_xml(language)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>ReportLab</pdf:Producer>
   <xmp:CreatorTool>{_xml(creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    data = packet.encode("utf-8")
    return (b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(data)
            + data + b"\nendstream")


class Tags:
    """The structure of one document as it is drawn."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.root = Element("Document", None)
        self.current = self.root  # where new elements go: the document, or an anchor
        self.marks: dict[int, list[Element]] = {}  # page -> MCID -> element
        self.tables: dict[int, Element] = {}  # a table cut over pages is one table
        self.anchors: dict[str, Element] = {}
        self.annotations: list[tuple[int, str, Element]] = []  # page, annotation name, link

    # --- marking content as it is drawn ------------------------------------

    def begin(self, canvas: Any, element: Element, code: list[str] | None = None) -> None:
        """Start marked content on the canvas's page belonging to the element."""
        page = canvas._pageNumber
        marks = self.marks.setdefault(page, [])
        element.kids.append((page, len(marks)))
        (canvas._code if code is None else code).append(
            f"/{element.kind} <</MCID {len(marks)}>> BDC")
        marks.append(element)

    @staticmethod
    def end(code: list[str]) -> None:
        code.append("EMC")

    @staticmethod
    def artifact(code: list[str], kind: str = "Layout") -> None:
        code.append(f"/Artifact <</Type /{kind}>> BDC")

    def undo(self, canvas: Any, element: Element) -> None:
        """Forget an element whose flowable did not fit after all."""
        page = canvas._pageNumber
        marks = self.marks.get(page, [])
        for kid in element.kids:
            if isinstance(kid, tuple) and kid[0] == page and marks and marks[-1] is element:
                marks.pop()
        if element.parent is not None:
            element.parent.kids.remove(element)

    def anchor(self, name: str, kind: str) -> Element:
        """A place in the reading order to fill once the pages are known."""
        self.anchors[name] = Element(kind, self.current)
        return self.anchors[name]

    def table(self, key: int | None) -> tuple[Element, bool]:
        """The table a piece belongs to, and whether it is new (so its header
        row is the header; on later pages it repeats as an artifact)."""
        if key is not None and key in self.tables:
            return self.tables[key], False
        element = Element("Table", self.current)
        if key is not None:
            self.tables[key] = element
        return element, True

    # --- writing the tree ----------------------------------------------------

    def prepare(self, canvas: Any, page_names: dict[int, str]) -> None:
        """What the catalogue says before ReportLab writes it: marked, the
        language, the metadata, the title shown. The tree itself is added
        after (`append`), once ReportLab has numbered its own objects."""
        doc = canvas._doc
        self.page_names = page_names
        catalog = doc.Catalog
        catalog.MarkInfo = _Raw(b"<< /Marked true >>")
        catalog.Lang = PDFString(self.language)
        info = doc.info
        catalog.Metadata = _Raw(xmp(info.title, info.author, info.subject, self.language,
                                    info.creator, datetime.now(timezone.utc)))
        canvas.setViewerPreference("DisplayDocTitle", "true")

    def append(self, buffer: BytesIO, doc: Any) -> None:
        """The document with its structure tree: an update section at its end
        (as an editor saving incrementally writes one) holding the tree's
        elements, the parent tree and the catalogue again, now pointing at
        the tree. Written here as bytes: a few hundred thousand elements at
        one f-string each, where ReportLab's general object formatting costs
        several times more."""
        numbers = doc.idToObjectNumberAndVersion
        pages = {n: numbers[name][0] for n, name in self.page_names.items()}
        order: list[Element] = []
        stack = [self.root]
        while stack:  # depth first, in reading order; an empty anchor is left out
            element = stack.pop()
            order.append(element)
            element.kids = [k for k in element.kids if not isinstance(k, Element) or k.kids]
            stack.extend(reversed([k for k in element.kids if isinstance(k, Element)]))
        first = doc.objectcounter + 1
        tree_number, parent_number = first, first + 1
        for n, element in enumerate(order, first + 2):
            element.number = n
        links = []  # (struct parent key, link element)
        for n, (page, name, link) in enumerate(self.annotations):
            link.kids.append(("annot", page, numbers[doc.refAnnotation(name).name][0]))
            links.append((len(pages) + n, link))
        nums = [f"{page - 1} [{' '.join(f'{e.number} 0 R' for e in self.marks.get(page, []))}]"
                for page in sorted(pages)]
        nums += [f"{key} {link.number} 0 R" for key, link in links]
        bodies = [f"<< /Type /StructTreeRoot /K {self.root.number} 0 R /ParentTree "
                  f"{parent_number} 0 R /ParentTreeNextKey {len(pages) + len(links)} >>",
                  f"<< /Nums [{' '.join(nums)}] >>"]
        bodies += [self._element(element, pages, tree_number) for element in order]
        # The catalogue again, as ReportLab writes it, with the tree.
        numbers["TandemStructTree"] = (tree_number, 0)
        doc.Catalog.StructTreeRoot = PDFObjectReference("TandemStructTree")
        catalog_number = numbers[doc.Catalog.__InternalName__][0]
        catalog = doc.Catalog.format(doc)
        view = buffer.getbuffer()
        tail = bytes(view[-4096:])
        del view
        tail = tail[tail.rindex(b"trailer"):]
        previous = int(re.search(rb"startxref\s+(\d+)", tail).group(1))  # type: ignore[union-attr]
        ident = re.search(rb"/ID\s*(\[[^\]]*\])", tail)
        buffer.seek(0, 2)
        out = bytearray(b"" if tail.endswith(b"\n") else b"\n")
        start = buffer.tell()
        catalog_at = start + len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (catalog_number, catalog)
        offsets = []
        for number, body in enumerate(bodies, first):
            offsets.append(start + len(out))
            out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
        xref_at = start + len(out)
        out += b"xref\n%d 1\n%010d 00000 n \n%d %d\n" % (catalog_number, catalog_at, first,
                                                          len(bodies))
        out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
        info = numbers[doc.info.__InternalName__][0]
        out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R %s/Prev %d >>\n"
                b"startxref\n%d\n%%%%EOF\n") % (first + len(bodies), catalog_number, info,
                                               b"/ID " + ident.group(1) + b" " if ident else b"",
                                               previous, xref_at)
        buffer.write(out)

    @staticmethod
    def _element(element: Element, pages: dict[int, int], root: int) -> str:
        parent = element.parent.number if element.parent is not None else root
        kids = element.kids
        if len(kids) == 1 and not element.alt and type(kids[0]) is tuple and \
                kids[0][0] != "annot":  # most cells: one piece of marked content
            page, mcid = kids[0]
            scope = f" /A << /O /Table /Scope /{element.scope} >>" if element.scope else ""
            return (f"<< /Type /StructElem /S /{element.kind} /P {parent} 0 R /Pg "
                    f"{pages[page]} 0 R /K {mcid}{scope} >>")
        marked = [k for k in element.kids if isinstance(k, tuple) and k[0] != "annot"]
        one_page = marked[0][0] if marked and all(k[0] == marked[0][0] for k in marked) \
            else None
        kids = []
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(f"{kid.number} 0 R")
            elif kid[0] == "annot":
                kids.append(f"<< /Type /OBJR /Pg {pages[kid[1]]} 0 R /Obj {kid[2]} 0 R >>")
            elif one_page is not None:
                kids.append(str(kid[1]))
            else:
                kids.append(f"<< /Type /MCR /Pg {pages[kid[0]]} 0 R /MCID {kid[1]} >>")
        parts = [f"<< /Type /StructElem /S /{element.kind} /P {parent} 0 R"]
        if one_page is not None:
            parts.append(f" /Pg {pages[one_page]} 0 R")
        parts.append(f" /K [{' '.join(kids)}]")
        if element.alt:
            parts.append(f" /Alt {text_string(element.alt)}")
        if element.scope:
            parts.append(f" /A << /O /Table /Scope /{element.scope} >>")
        parts.append(" >>")
        return "".join(parts)
