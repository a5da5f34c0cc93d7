"""The layout gate: is every text where a reader can see it?

Run on WeasyPrint's laid-out boxes before a PDF is written: no text outside
the page (cards and stickers: outside the cutting tolerance), none outside a
rotated tear-off strip or on its cut lines, no two texts on top of each other,
no text running into a reserved area (the footer, the QR block) and none on a
QR code or its quiet zone. Positions are in CSS pixels (1/96 inch), before any
rotation.
"""
from __future__ import annotations

from weasyprint.formatting_structure import boxes

from uitweg.printing.layouts import Edition

PX_PER_MM = 96 / 25.4
SAFE_EDGE_MM = 2.5      # cards and stickers are cut with this tolerance: keep text inside
TOLERANCE_PX = 0.5
STRIP_CLEARANCE_MM = 1.5  # text keeps this far from a tear-off strip's cut lines


def _rect(box) -> tuple[float, float, float, float]:
    return box.position_x, box.position_y, box.position_x + box.width, box.position_y + box.height


def _border_rect(box) -> tuple[float, float, float, float]:
    x, y = box.border_box_x(), box.border_box_y()
    return x, y, x + box.border_width(), y + box.border_height()


def _inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] - TOLERANCE_PX and inner[1] >= outer[1] - TOLERANCE_PX
            and inner[2] <= outer[2] + TOLERANCE_PX and inner[3] <= outer[3] + TOLERANCE_PX)


def _ink(rect):
    """A text box minus the font's leading above and below: where the letters are."""
    x0, y0, x1, y1 = rect
    pad = (y1 - y0) * 0.18
    return x0 + TOLERANCE_PX, y0 + pad, x1 - TOLERANCE_PX, y1 - pad


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _classes(box) -> list[str]:
    element = getattr(box, "element", None)
    return (element.get("class") or "").split() if element is not None and getattr(box, "element_tag", None) else []


def _walk(box, frame, area, out):
    """Collect text boxes with their frame (the rectangle the text must stay in;
    inside a rotated box such as a tear-off strip, that box before rotation) and
    their reserved area (QR block, footer: other text must keep out of it).
    The "sample, not for printing" mark lies across the page on purpose."""
    if "sample-mark" in _classes(box):
        return
    if box.style["transform"]:
        x0, y0, x1, y1 = _border_rect(box)
        clear = STRIP_CLEARANCE_MM * PX_PER_MM
        frame = (x0 + clear, y0 + clear, x1 - clear, y1 - clear)
    if isinstance(box, boxes.TextBox):
        if box.text.strip():
            out["text"].append((box, frame, area))
        return
    classes = _classes(box)
    if getattr(box, "element_tag", None) == "svg" and "qr-code" in classes:
        out["qr"].append(box)
        return
    if "reserved" in classes and area is None:
        area = id(box)
        out["areas"].append((area, _border_rect(box), classes[0]))
    for child in getattr(box, "children", ()):
        _walk(child, frame, area, out)


def layout_problems(document, edition: Edition) -> list[str]:
    """Text cut off by the page edge, or printed over a QR code."""
    fmt = edition.format
    edge_mm = fmt.margin_mm if fmt.layout in ("poster", "tearoff") else min(SAFE_EDGE_MM, fmt.margin_mm)
    edge = edge_mm * PX_PER_MM
    problems = []
    for number, page in enumerate(document.pages, 1):
        page_box = page._page_box
        frame = (edge, edge, page.width - edge, page.height - edge)
        found = {"text": [], "qr": [], "areas": []}
        _walk(page_box, frame, None, found)
        qr_rects = [_border_rect(q) for q in found["qr"]]
        # Compare text only within one frame: rotated strips overlap before rotation.
        inks = [(_ink(_rect(box)), box, box_frame) for box, box_frame, _ in found["text"]]
        for i, (ink, box, box_frame) in enumerate(inks):
            for other_ink, other, other_frame in inks[i + 1:]:
                if other_frame == box_frame and _overlap(ink, other_ink):
                    problems.append(f"page {number}: text {box.text.strip()!r} overlaps {other.text.strip()!r}")
        for box, box_frame, area in found["text"]:
            for other_area, area_rect, name in found["areas"]:
                if area != other_area and box_frame == frame and _overlap(_ink(_rect(box)), area_rect):
                    problems.append(f"page {number}: text {box.text.strip()!r} runs into the {name} area")
            rect = _rect(box)
            if not _inside(rect, box_frame):
                where = "its rotated strip" if box_frame is not frame else f"the page ({edge_mm:g} mm from the edge)"
                problems.append(f"page {number}: text {box.text.strip()!r} runs outside {where}; shorten the text "
                                f"in data/print.yml or make the format's text_pt smaller")
            for qr_rect in qr_rects:
                if _overlap(_ink(rect), qr_rect):
                    problems.append(f"page {number}: text {box.text.strip()!r} touches the QR code or its quiet zone")
    return list(dict.fromkeys(problems))  # one message per text, not per repetition
