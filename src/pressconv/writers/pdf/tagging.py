"""The structure tree of a tagged PDF: what each piece of content is, in reading order.

Content is drawn in marked-content sequences (`/P <</MCID 3>> BDC … EMC`);
each sequence belongs to a structure element (P, H1, LBody, Link…). An
element joins its parent's list of kids when its first content is drawn, so
the tree's order is the drawing order, which is the reading order (one
column, top to bottom). Elements that never get content never appear.

At the end the tree is written as PDF objects registered in reportlab's
document, already serialised: the StructTreeRoot, one StructElem per
element, the ParentTree (page → the element of each MCID; annotation → its
Link element).
"""

from __future__ import annotations

from typing import Any

from pressconv.writers.pdf.objects import serialised_class

# A kid: another element, ("mcr", page, mcid) or ("objr", page, annotation reference).
Kid = Any


class Element:
    """One structure element; `role` is a standard structure type (PDF 1.7, 14.8.4)."""

    __slots__ = ("actual_text", "alt", "attached", "kids", "lang", "page", "parent", "ref", "role")

    def __init__(self, role: str, parent: Element | None = None, *, actual_text: str | None = None, alt: str | None = None,
                 lang: str | None = None):  # fmt: skip
        self.role, self.parent, self.actual_text, self.alt, self.lang = role, parent, actual_text, alt, lang
        self.kids: list[Kid] = []
        self.attached = parent is None
        self.page: int | None = None
        #: "n 0 R": the element's indirect object, once the tree is written.
        self.ref = b""


class StructureTree:
    """Collects marked content and annotations while pages are drawn; `write` turns it into PDF objects."""

    def __init__(self, pages: int, root: Element) -> None:
        self.root = root
        self._pages: list[list[Element]] = [[] for _ in range(pages)]  # per page: the element of each MCID
        self._annotations: list[Element] = []

    def mark(self, element: Element, page: int) -> int:
        """A new marked-content sequence of `element` on `page`; returns its MCID."""
        owners = self._pages[page]
        mcid = len(owners)
        owners.append(element)
        self._attach(element, page)
        element.kids.append(("mcr", page, mcid))
        return mcid

    def annotate(self, element: Element, page: int, annotation: Any) -> int:
        """Record an annotation (by reference) as content of `element`; returns its StructParent key.

        Pages have keys 0 … pages-1 (their /StructParents); annotations get the keys after them.
        """
        self._attach(element, page)
        element.kids.append(("objr", page, annotation))
        self._annotations.append(element)
        return len(self._pages) + len(self._annotations) - 1

    def _attach(self, element: Element, page: int) -> None:
        if element.page is None:
            element.page = page
        if not element.attached and element.parent is not None:
            self._attach(element.parent, page)
            element.parent.kids.append(element)
            element.attached = True

    def write(self, document: Any, page_refs: list[Any]) -> Any:
        """The StructTreeRoot (a reference), with every element and the parent tree registered in `document`.

        Each object is registered first (so object numbers follow reading order, as before) and then given
        its bytes, serialised here by joins (`objects.serialised_class`): every page and annotation it
        refers to is numbered by now, and PDF/A forbids encryption, so nothing in them depends on the
        moment reportlab writes them. One element is one indirect object, its kids inline.
        """
        from reportlab.pdfbase.pdfdoc import PDFName, PDFString

        serialised = serialised_class()
        numbers = document.idToObjectNumberAndVersion

        def reference(ref: Any) -> bytes:
            return b"%d %d R" % numbers[ref.name]

        root = serialised()
        root_ref = document.Reference(root)
        order: list[tuple[Element, Any]] = []
        stack = [self.root]
        while stack:  # pre-order, so object numbers follow reading order
            element = stack.pop()
            entry = serialised()
            element.ref = reference(document.Reference(entry))
            order.append((element, entry))
            stack.extend(kid for kid in reversed(element.kids) if isinstance(kid, Element))
        pages = [reference(ref) for ref in page_refs]
        roles: dict[str, bytes] = {}

        def text(value: str) -> bytes:
            formatted: bytes = PDFString(value).format(document)
            return formatted

        for element, entry in order:
            page = element.page or 0
            role = roles.get(element.role)
            if role is None:
                role = roles[element.role] = PDFName(element.role).encode("latin-1")
            kids: list[bytes] = []
            for kid in element.kids:
                if isinstance(kid, Element):
                    kids.append(kid.ref)
                elif kid[0] == "mcr":
                    _, on, mcid = kid
                    kids.append(b"%d" % mcid if on == page else b"<</Type /MCR /Pg %s /MCID %d>>" % (pages[on], mcid))
                else:
                    _, on, annotation = kid
                    kids.append(b"<</Type /OBJR /Obj %s /Pg %s>>" % (reference(annotation), pages[on]))
            parent = reference(root_ref) if element.parent is None else element.parent.ref
            # A lone kid is written bare: pdfua 0.1.3 crashes on a heading whose /K is an array.
            parts = [b"<</Type /StructElem /S ", role, b" /P ", parent, b" /Pg ", pages[page], b"\n/K ",
                     kids[0] if len(kids) == 1 else b"[" + b" ".join(kids) + b"]"]  # fmt: skip
            if element.actual_text is not None:
                parts += [b"\n/ActualText ", text(element.actual_text)]
            if element.alt is not None:
                parts += [b"\n/Alt ", text(element.alt)]
            if element.lang is not None:
                parts += [b"\n/Lang ", text(element.lang)]
            parts.append(b">>")
            entry.data = b"".join(parts)
        nums: list[bytes] = []
        for number, owners in enumerate(self._pages):
            nums.append(b"%d [%s]" % (number, b" ".join([owner.ref for owner in owners])))
        for number, owner in enumerate(self._annotations, start=len(self._pages)):
            nums.append(b"%d %s" % (number, owner.ref))
        parent_tree = document.Reference(serialised(b"<</Nums [" + b"\n".join(nums) + b"]>>"))
        keys = (self.root.ref, reference(parent_tree), len(self._pages) + len(self._annotations))
        root.data = b"<</Type /StructTreeRoot /K %s /ParentTree %s /ParentTreeNextKey %d>>" % keys
        return root_ref
