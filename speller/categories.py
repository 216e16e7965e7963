"""The kinds of issue `speller` reports, and every fact about each kind, defined once.

The checker, configuration, command line, output formats, language server and HTTP server all
read this table; none of them keeps its own list of category names.
"""

from __future__ import annotations

from enum import StrEnum

from .records import NamedTuple


class Category(StrEnum):
    """A kind of issue. The value is the name used in config files, options and JSON output."""

    TYPO = "typo"
    NONSTANDARD = "nonstandard"
    SPACING = "spacing"
    REAL_WORD = "real_word"
    CAPITALIZATION = "capitalization"


class CategoryInfo(NamedTuple):
    """What each consumer needs to know about one category."""

    title: str
    """Short human name (SARIF rule name, LanguageTool `shortMessage`)."""
    description: str
    """One sentence on what the category means."""
    what: str
    """Predicate for messages: "'angksa' {what}"."""
    default: bool
    """Reported unless the user chooses otherwise."""
    severity: str
    """`warning` or `note` (SARIF level; LSP Warning or Information)."""
    issue_type: str
    """LanguageTool's `issueType`: `misspelling`, `typographical` or `style`."""
    lt_category: str
    """LanguageTool's category id."""
    lt_category_name: str
    """LanguageTool's name for that category."""
    lt_rule: str
    """The rule id a LanguageTool client sees (and may list in `disabledRules`)."""
    rule_confidence: float = 0.0
    """Raw confidence of a rule finding the corpus counts cannot weigh (`dinaikan`, `1950an`); a rule finding
    the corpus can weigh gets the standard form's share of use instead. `speller.calibration` maps either to
    the share of real errors on the dev split."""


CATEGORY_INFO: dict[Category, CategoryInfo] = {
    Category.TYPO: CategoryInfo(
        title="Misspelled word",
        description="A word not in the dictionary and not formed from a known root.",
        what="may be misspelled",
        default=True,
        severity="warning",
        issue_type="misspelling",
        lt_category="TYPOS",
        lt_category_name="Possible Typo",
        lt_rule="SPELLER_TYPO",
        rule_confidence=0.85,
    ),
    Category.NONSTANDARD: CategoryInfo(
        title="Nonstandard spelling",
        description="A word with a standard (baku) spelling in KBBI.",
        what="is not the standard spelling",
        default=True,
        severity="note",
        issue_type="style",
        lt_category="STYLE",
        lt_category_name="Style",
        lt_rule="SPELLER_NONSTANDARD",
        rule_confidence=0.5,
    ),
    Category.SPACING: CategoryInfo(
        title="Spacing",
        description="Words that are written apart or together against the standard.",
        what="is spaced against the standard",
        default=True,
        severity="warning",
        issue_type="typographical",
        lt_category="TYPOGRAPHY",
        lt_category_name="Typography",
        lt_rule="SPELLER_SPACING",
    ),
    # Off by default: it would be turned on at 80% precision on dev. Measured at shown22 (main 5ad5e17) with every
    # category on, the real_word findings the model flags (raw posterior 0.5 or more): dev 5, none real by the gold
    # (`misa` -> `masa`, `antarumat`); the five decision files 25, 9 slips, 15 genuine words, 1 unsure (37.5%:
    # `menepati` -> `menempati`, `aras` -> `atas`; `gali`, `duga`, `bini`; benchmarks/unseen_judged.tsv). Calibrated
    # on dev they read 0.143, so even on they are shown only when picky or asked by `min_confidence`.
    Category.REAL_WORD: CategoryInfo(
        title="Real-word error",
        description="A known word that is probably a typo for another in this context.",
        what="may be the wrong word here",
        default=False,
        severity="note",
        issue_type="misspelling",
        lt_category="TYPOS",
        lt_category_name="Possible Typo",
        lt_rule="SPELLER_REAL_WORD",
    ),
    # A name written in lowercase inside a sentence (`speller.casing.lowercase_name`); its confidence is the judged
    # share of such uses that were slips (`speller.calibration.LOWERCASE_NAME_BANDS`).
    Category.CAPITALIZATION: CategoryInfo(
        title="Capitalization",
        description="A name, day, month or people written in lowercase inside a sentence.",
        what="should start with a capital letter",
        default=True,
        severity="warning",
        issue_type="typographical",
        lt_category="CASING",
        lt_category_name="Capitalization",
        lt_rule="SPELLER_CAPITALIZATION",
    ),
}

#: Every category name, in the order of the table.
CATEGORY_NAMES: tuple[str, ...] = tuple(c.value for c in Category)
#: Categories reported unless the caller chooses others.
DEFAULT_CATEGORIES: frozenset[str] = frozenset(c.value for c, info in CATEGORY_INFO.items() if info.default)
#: `correct()` and `speller fix` apply only issues at least this confident (on the calibrated scale of
#: `speller.calibration`). Set from the calibration: `python -m benchmarks.calibrate` reports the share of real errors
#: it applies on dev and the judged unseen-news decision files at 0.9, 0.93, 0.95 and 0.97, and 0.9 is the lowest at
#: which the pooled share reaches 95% (97.6% of 1,170 flags at fix17; 0.95 would drop every `word` typo fix).
FIX_CONFIDENCE = 0.9
#: A finding is shown by default when it is more likely a real error than not: its calibrated confidence (the share of
#: such findings that were real errors) reaches this, and for a typo the model's raw posterior too
#: (`speller.calibration.flagged`, where the measurement that hid the typos reported under it is). `picky` (LanguageTool
#: `level=picky`) also shows the typo and real-word findings the model flags under it, with their confidence (a note).
FLAG_CONFIDENCE = 0.5
#: The default of `min_confidence` (library, CLI, config, server, language server): None shows the findings more likely
#: real than not (FLAG_CONFIDENCE); a number shows instead every finding whose calibrated confidence reaches it.
MIN_CONFIDENCE: float | None = None


def shown(confidence: float, places: int = 2) -> float:
    """`confidence` cut (not rounded) to `places` decimals, as reports show it: a flag just under FIX_CONFIDENCE
    (0.899, which `fix` leaves to the writer) never reads as at it (0.90), nor 0.999 as certain."""
    step = 10**places
    return int(confidence * step + 1e-9) / step  # the epsilon keeps 0.29 * 100 (28.999...) at 29


def severity(category: str, confidence: float) -> str:
    """How loudly a report marks an issue of `category` (`warning` or `note`, as in SARIF): its category's severity,
    but `note` for one less sure than FLAG_CONFIDENCE (shown when asked: `picky`, `min_confidence`), as such flags are
    more often right words than errors."""
    return "note" if confidence < FLAG_CONFIDENCE else CATEGORY_INFO[Category(category)].severity


def rule_confidence(category: str) -> float:
    """The confidence of a rule-made finding of this category."""
    return CATEGORY_INFO[Category(category)].rule_confidence


def info(category: str) -> CategoryInfo:
    """The facts about a category given by name; ValueError for an unknown name."""
    return CATEGORY_INFO[Category(category)]
