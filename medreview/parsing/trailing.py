"""Captions printed after their values: "Kevin Phillips ______ (Full legal name)".

Some forms write each value on a rule and print its label after the rule, right-aligned at the
end of the field's cell in small type; a line then reads value, caption, value, caption. The
words right of such a caption are the next field's value, and the words before it are its own.
Which way a form goes is decided once per document (as the side of a caption under a rule is,
:func:`medreview.parsing.cells.captions_under`): a caption standing at the far end of the rule
its value is written on says so whatever its field, and the labels of dates, phones and numbers
are asked whether a value of their type stands before them or after them on their line; the
side that answers more often wins.

A caption closes a value only when it is no lead-in: a label ending in a colon ("Date:") still
leads its value on such a form (a clinician's box, the form's head), a label after the start of
its own sentence ("Received the hepatitis B vaccine series?") closes no value either, and a
row's title at the line's start (a table's "Measles (MMR)") has nothing before it to close.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from medreview.model import Word
from medreview.parsing.blanks import (
    BLANK_ABOVE,
    BLANK_BELOW,
    BLANK_OVERHANG,
    blank_under,
    drawn_rules,
)
from medreview.parsing.cells import field_kinds, label_cell
from medreview.parsing.keyed import keyed_value
from medreview.parsing.layout import (
    COLUMN_GAP,
    ENUMERATION,
    SECTION_MARK,
    SECTION_WORD,
    SMALLER_LABEL,
    LabelMatch,
    goes_on,
    segment_starts,
    value_below,
    value_right,
)
from medreview.parsing.marks import PageMarks, Rule
from medreview.parsing.page import Anchor, Page, text_of

# The value types a form's side is decided by: those told from other text by their form
# alone (a clinic's name before "Patient" looks like a person's).
VOTING = frozenset({"date", "phone", "number"})
# At least this many typed labels must find their value before them, and more than find it
# after them, for the form to print its captions after its values.
MIN_VOTES = 2
# A caption's own words past the label the vocabulary knows: this many at most.
CAPTION_RUN_ON = 2
# An empty rule closed by a caption ends within this many line heights before it.
RULE_REACH = 2.0
# A caption on its value's rule ends within this many line heights of the rule's far end.
CAPTION_END = 1.0


def value_before(doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]) -> tuple[Word, ...]:
    """The words a caption closes: written on the rule that ends before it, after any other.

    The words run back from the caption to the line's previous label; a caption the vocabulary
    does not know ("(Local address while enrolled)") closes the value before it, and on a
    ruled line its value is the words on the caption's own rule and those running on into
    them before it, up to a column's gap.
    """
    match = anchor.match
    line = doc.lines[match.line]
    start = max((s.end for s in stops if s.line == match.line and s.end <= match.start), default=0)
    words = list(line.words[start : match.start])
    while words and ENUMERATION.match(words[-1].text):
        words.pop()  # the label's own item number ("10. Height"), no value
    # the caption's own first word ("home (street, city, state)"), standing on its rule too
    follows = anchor.words[0]
    while follows.text.startswith("(") and len(words) > 1 and _caption_word(words[-1], follows):
        follows = words.pop()
    on_rule = follows if follows is not anchor.words[0] else None
    for index in range(len(words) - 1, -1, -1):
        if not words[index].text.endswith(")"):
            continue
        opening = [i for i, w in enumerate(words[: index + 1]) if w.text.startswith("(")]
        # (a phone's area code in brackets, "(303) 555-0115", is no caption)
        if opening and any(c.isalpha() for w in words[opening[-1] : index + 1] for c in w.text):
            words = words[index + 1 :]  # an unknown caption in parentheses, and its value before
            break
    if not words:
        return ()
    marks = doc.marks.get(line.page)
    last = on_rule or words[-1]
    if marks is None or (rule := blank_under(marks, last, line.height)) is None:
        return _back_to_gap(words[:-1], words[-1:], line.height)
    slack = BLANK_OVERHANG * line.height
    held = [
        w for w in words if rule.start - slack <= (w.bbox.x0 + w.bbox.x1) / 2 <= rule.end + slack
    ]
    if not held:
        return ()
    before = [w for w in words if w.bbox.x1 <= held[0].bbox.x0]
    return _back_to_gap(_level_with(marks, rule, before, held, line.height), held, line.height)


def _level_with(
    marks: PageMarks, rule: Rule, words: Sequence[Word], held: Sequence[Word], height: float
) -> list[Word]:
    """The last of ``words`` that run on into those ``held`` on a caption's rule.

    The writing may part the rule where the line finder looks, or drift off it onto its cell's
    edge: words of the value's size, each on a rule level with it, still are the value's (no
    other cell's caption in small print, no title turned up the margin).
    """
    size = median(w.bbox.height for w in held)
    taken: list[Word] = []
    for word in reversed(words):
        under = blank_under(marks, word, height)
        centre = (word.bbox.x0 + word.bbox.x1) / 2
        if under is None or abs(under.at(centre) - rule.at(centre)) > RULE_LEVEL * height:
            break
        if not SMALLER_LABEL * size < word.bbox.height < size / SMALLER_LABEL:
            break
        taken.insert(0, word)
    return taken


def _back_to_gap(words: Sequence[Word], taken: Sequence[Word], height: float) -> tuple[Word, ...]:
    """``taken`` with the ``words`` before it that run on into it, back to a column's gap."""
    kept = list(taken)
    for word in reversed(words):
        if kept[0].bbox.x0 - word.bbox.x1 > COLUMN_GAP * height:
            break  # another column's words
        kept.insert(0, word)
    return tuple(kept)


# Rules within this many line heights of each other are one row's (a cell's edge and the pale
# rule drawn in it).
RULE_LEVEL = 0.6


def _caption_word(word: Word, follows: Word) -> bool:
    """Whether a word opens a bracketed caption: in small letters and print, a space before it."""
    size = follows.bbox.height
    return (
        word.text.isalpha()
        and word.text.islower()
        and abs(word.bbox.height - size) <= CAPTION_SIZE * size
        and follows.bbox.x0 - word.bbox.x1 < size
    )


# A caption's words are printed alike: heights within this share of each other.
CAPTION_SIZE = 0.15


def _empty_rule_before(doc: Page, anchor: Anchor) -> bool:
    """Whether an empty rule ends just before a caption on its baseline (a blank left blank)."""
    line = doc.lines[anchor.match.line]
    marks = doc.marks.get(line.page)
    if marks is None:
        return False
    label = anchor.words[0].bbox
    height = line.height
    for rule in drawn_rules(marks):
        if not label.x0 - RULE_REACH * height <= rule.end <= label.x0 + BLANK_OVERHANG * height:
            continue
        if rule.end - rule.start < 2 * height:
            continue
        if -BLANK_ABOVE * height <= rule.at(rule.end) - label.y1 <= BLANK_BELOW * height:
            return True
    return False


def captions_after(doc: Page) -> bool:
    """Whether the form prints its labels after its values (decided once, by the page)."""
    if doc.captions_after is None:
        stops = [a.match for a in doc.anchors]
        after = right = 0
        for anchor in doc.anchors:
            if _leads(doc, anchor):
                continue
            # (a line led by a label leads its values: "Home phone 404 555 0145  Daytime
            # phone" shows the home phone's number before the next label, no caption's)
            led = any(s.line == anchor.match.line and s.start == 0 for s in stops)
            words = () if led else value_before(doc, anchor, stops)
            if words and _at_its_rules_end(doc, anchor, words):
                after += 1  # a caption at the far end of the rule its value is written on
                continue
            kinds = [k for k in field_kinds(doc, anchor) if k.name in VOTING]
            if not kinds or label_cell(doc, anchor) is not None:
                continue
            before = text_of(words)
            if doc.in_letterhead(anchor.match.line) or (
                not before and _empty_rule_before(doc, anchor)
            ):
                continue  # the clinic's own telephone; a blank closed, whatever follows it
            behind = text_of(value_right(doc.lines, anchor.match, stops))
            under = text_of(value_below(doc.lines, anchor.match, stops))
            after += any(k.fit(before) >= 0.5 for k in kinds)
            right += any(k.fit(behind) >= 0.5 or k.fit(under) >= 0.5 for k in kinds)
        doc.captions_after = after >= MIN_VOTES and after > right
    return doc.captions_after


def _leads(doc: Page, anchor: Anchor) -> bool:
    """Whether a label leads its value ("Date:", "Date verified:"), whatever the form does."""
    line = doc.lines[anchor.match.line].words
    qualifier = line[anchor.match.end : anchor.match.end + 1]
    qualified = any(w.text.endswith(":") and w.text[:1].islower() for w in qualifier)
    return anchor.words[-1].text.endswith(":") or qualified


def trailing_value(
    doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]
) -> tuple[Word, ...] | None:
    """A caption's value on a form of captions after values: its words, or () when left blank.

    ``None`` when the label is no closing caption (the form leads its values with labels, the
    label ends in a colon, or nothing stands before it).
    """
    heading = any(line == anchor.match.line for line, _ in doc.sections)
    if _leads(doc, anchor) or (heading and anchor.match.start == 1):
        return None  # (a part's heading after its letter, "E  ACTIVE PROBLEMS", closes nothing)
    if captions_after(doc):
        words = value_before(doc, anchor, stops)
        if words and _lead_in(anchor, words):
            return None  # "Received the hepatitis B vaccine series": the question's own words
        if words:
            return words
        blank = _empty_rule_before(doc, anchor) or _next_closes(doc, anchor, stops)
        return () if blank else None
    if not _ends_a_line_of_captions(doc, anchor, stops):
        return None
    words = value_before(doc, anchor, stops)
    if words and ruled_before(doc, anchor, words) and not _under_a_label(doc, words, stops):
        return words
    # (a blank before a caption within the line may be a sentence's: "( ____ ) at home on";
    # a blank is believed on a line where another caption closes a value written on its rule)
    last = max(s.start for s in stops if s.line == anchor.match.line) == anchor.match.start
    blank = not words and last and _empty_rule_before(doc, anchor)
    return () if blank and _closes_another(doc, anchor, stops) else None


def _next_closes(doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]) -> bool:
    """Whether the words right of a caption are closed by the next caption on its line.

    ("country ........ Retired ........ employer / job": the country is left blank; what
    follows is the job's.)
    """
    after = [
        a
        for a in doc.anchors_on(anchor.match.line)
        if a.match.start >= anchor.match.end and not _leads(doc, a)
    ]
    if not after:
        return False
    following = min(after, key=lambda a: a.match.start)
    return bool(value_before(doc, following, stops))


def _lead_in(anchor: Anchor, words: Sequence[Word]) -> bool:
    """Whether words before a label start its sentence ("Received the hepatitis B ...").

    They run on into it at a space's width on a word no value ends with; a caption's own first
    word ("home (street, city)") is no lead-in.
    """
    last = words[-1]
    gap = anchor.words[0].bbox.x0 - last.bbox.x1
    return goes_on(last.text) and gap < last.bbox.height


def _under_a_label(doc: Page, words: Sequence[Word], stops: Sequence[LabelMatch]) -> bool:
    """Whether words are the value under a field's (or a part's) label on the line over them.

    ("Last name" over "Scott"): no caption after them closes them.
    """
    index = doc.line_of(words[0])
    headings = {line for line, _ in doc.sections}
    parts = {f"label:{part}" for item in doc.vocab.fields for part in item.parts}
    return any(
        words[0] in value_below(doc.lines, above.match, stops)
        for above in doc.anchors
        if above.match.line == index - 1
        and above.match.line not in headings
        and any(k.startswith("field:") or k in parts for k in above.keys)
    )


def _closes_another(doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]) -> bool:
    """Whether another caption on the label's line closes a value written on its rule."""
    for other in doc.anchors_on(anchor.match.line):
        if other is anchor:
            continue
        words = value_before(doc, other, stops)
        if words and ruled_before(doc, other, words):
            return True
    return False


def _ends_a_line_of_captions(doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]) -> bool:
    """Whether a label stands in a line of values each closed by its caption.

    A form may print captions after values in one part only ("Helen Okafor ____ full name")
    and lead its values with labels elsewhere. Such a line begins with a value, not a label,
    and ends with a caption.
    """
    line = doc.lines[anchor.match.line]
    on_line = [s for s in stops if s.line == anchor.match.line]
    first = 0
    while first < len(line.words) - 1 and ENUMERATION.match(line.words[first].text):
        first += 1  # ("1.a. Surname  1.b. First name": the item's number before its label)
    if any(s.start == first for s in on_line):
        return False  # a line led by a label leads its values
    last = max(s.end for s in on_line)
    # (the last caption's own words may run on past the label known: "follow-up visit"; a
    # sentence's blank after it, "live at 89 Lake Road", is no caption's)
    rest = line.words[last:]
    own = len(rest) <= CAPTION_RUN_ON and all(w.text.isalpha() for w in rest)
    return own and not segment_starts(line) & set(range(last, len(line.words)))


def ruled_before(doc: Page, anchor: Anchor, words: Sequence[Word]) -> bool:
    """Whether words stand on a rule (or a box's foot) that ends just before a caption.

    Or on the rule the caption stands on too, at its far end ("Rogers ______ surname").
    """
    line = doc.lines[anchor.match.line]
    marks = doc.marks.get(line.page)
    if marks is None:
        return False
    rule = blank_under(marks, words[-1], line.height)
    label = anchor.words[0].bbox
    reach, slack = RULE_REACH * line.height, BLANK_OVERHANG * line.height
    if rule is not None and label.x0 - reach <= rule.end <= label.x0 + slack:
        return True
    return _at_its_rules_end(doc, anchor, words)


def _at_its_rules_end(doc: Page, anchor: Anchor, words: Sequence[Word]) -> bool:
    """Whether a caption stands at the far end of the rule the words before it are written on.

    A form may print each field's caption small at the right end of the field's rule, on the
    rule, its value written at the rule's start: the rule runs under both and ends with the
    caption, a gap between them. A label leading its value stands at its rule's start instead,
    and a part's title on its bar right after the part's number ("3  How to take") is no caption.
    """
    line = doc.lines[anchor.match.line]
    marks = doc.marks.get(line.page)
    if marks is None or anchor.words[0].bbox.x0 - words[-1].bbox.x1 < COLUMN_GAP * line.height:
        return False
    if all(SECTION_MARK.fullmatch(w.text) or SECTION_WORD.fullmatch(w.text) for w in words):
        return False  # ("Part 3 ........ Your support person": a part's number and its title)
    rule = blank_under(marks, words[-1], line.height)
    if rule is None:
        return False
    first, last = anchor.words[0].bbox, anchor.words[-1].bbox
    height, slack = line.height, BLANK_OVERHANG * line.height
    foot = rule.at((first.x0 + last.x1) / 2) - max(first.y1, last.y1)
    return (
        -BLANK_ABOVE * height <= foot <= BLANK_BELOW * height
        and -slack <= rule.end - last.x1 <= CAPTION_END * height
        and rule.start - slack <= words[0].bbox.x0
    )


def detached_value(
    doc: Page, anchor: Anchor, stops: Sequence[LabelMatch]
) -> tuple[Word, ...] | None:
    """A label's value found away from where labels lead values: before it, or on its key's rule.

    ``None`` when the label leads its value as usual; () when the value's place is left blank.
    """
    keyed = keyed_value(doc, anchor)
    return keyed if keyed is not None else trailing_value(doc, anchor, stops)
