#!/usr/bin/python3
"""Superstore 2017 driven through the real window over AT-SPI.

The test starts build/src/app/palier as a user would on a first run and
creates an empty workspace.  It imports the Superstore sales through the
file chooser and the import dialog, then builds the acceptance program
superstore-quarterly.xml by hand in the Designer.  It simulates 2017
and reads the total payout from the Results view.  Last, it creates a
scenario with 8 % growth in the Scenarios view, ticks and runs it, and
reads the P90 of its cost risk.

It runs inside the Xvfb display and the session bus that run-e2e.sh
starts, with Debian's /usr/bin/python3 (dogtail and pyatspi).  Widgets
are found by role and by accessible name.  Each name is looked up both
in English and through the build's French catalogue, so the test passes
whether or not a string is translated yet.

Exit status: 0 passed, 1 failed (the message names the step and what
is missing), 77 skipped (no shared datasets, no dogtail).
"""

import argparse
import csv
import decimal
import gettext
import glob
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import traceback

SKIP = 77

SALES_RELATIVE = ("data", "real", "superstore", "superstore.csv")
PROGRAM_RELATIVE = ("acceptance", "programs", "superstore-quarterly.xml")
EXPECTED_ROWS = 9994
EXPECTED_PAYOUT = {"en": "46,764.72", "fr": "46 764,72"}
SCENARIO_NAME = "Superstore +8%"

# Field of the import dialog → column of superstore.csv.  The fields that
# the acceptance mapping leaves out are set to "Not used" (None).
MAPPING = [
    ("Date", "Order Date"),
    ("Partner", "Customer ID"),
    ("Amount", "Sales"),
    ("Margin", "Profit"),
    ("Category", "Category"),
    ("Segment", "Segment"),
    ("Region", "Region"),
    ("Quantity", None),
    ("Product", None),
    ("Deal", None),
]

# The same mapping for palier-cli.
CLI_MAPPING = [
    ("date", "Order Date"),
    ("partner", "Customer ID"),
    ("amount", "Sales"),
    ("margin", "Profit"),
    ("category", "Category"),
    ("segment", "Segment"),
    ("region", "Region"),
]


class Failure(Exception):
    """A step that could not be done, with the reason."""


def skip(message):
    print("SKIP: " + message)
    sys.exit(SKIP)


try:
    from dogtail.config import config
except ImportError:
    skip("dogtail is not installed for /usr/bin/python3 (Debian package python3-dogtail)")

# GTK 4 has no gsettings switch for accessibility: the check for it
# would abort.  Actions wait for the outcome they cause, so the default
# pauses after each action are not needed.
config.checkForA11y = False
config.searchShowingOnly = False
config.actionDelay = 0.1
config.defaultDelay = 0.1
config.typingDelay = 0.02
config.logDebugToFile = False

import dogtail.tree  # noqa: E402
import pyatspi  # noqa: E402
from dogtail import rawinput  # noqa: E402


# Strings

class Strings:
    """User-visible strings in English and, for the French run, in the
    build's French catalogue."""

    def __init__(self, lang, locale_dir):
        self.lang = lang
        self.catalogue = gettext.NullTranslations()
        if lang == "fr":
            self.catalogue = gettext.translation("palier", localedir=locale_dir,
                                                 languages=["fr"], fallback=True)

    def names(self, msgid):
        """Return the accessible names that msgid may show as, without
        mnemonics."""
        return {clean(msgid), clean(self.catalogue.gettext(msgid))}

    def nnames(self, singular, plural, n):
        return {clean(singular if n == 1 else plural),
                clean(self.catalogue.ngettext(singular, plural, n))}

    def number(self, english):
        """Return a number written "46,764.72" in English in the run's
        locale."""
        if self.lang != "fr":
            return english
        return english.replace(",", " ").replace(".", ",")

    def percent(self, value):
        return "%s %%" % value if self.lang == "fr" else "%s%%" % value


def clean(text):
    return text.replace("_", "")


def spaces(text):
    """Return text with the no-break spaces of French numbers as plain
    spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def name_is(node, names):
    """Return whether the accessible name of node is one of names.

    GTK 4.8 names a button that has a mnemonic "_Import Import", which
    is its label followed by the text of the label inside it."""
    name = clean(node.name or "")
    return any(name == n or name == n + " " + n for n in names)


def text_of(node):
    """Return the text of a label or an entry.  GTK 4.8 returns an empty
    string for dogtail's node.text, so this reads the Text interface."""
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return node.name or ""


# Waiting and finding

def poll(predicate, timeout, what):
    """Call predicate until it returns a true value, and return that.
    Raise Failure naming what after timeout seconds.  what may be a
    function, called then, so that the message shows the state reached."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # noqa: BLE001 (AT-SPI nodes can vanish)
            last_error = error
        if time.monotonic() > deadline:
            detail = " (last error: %s)" % last_error if last_error else ""
            if callable(what):
                what = what()
            raise Failure("timed out after %d s waiting for %s%s" % (timeout, what, detail))
        time.sleep(0.2)


def find(root, predicate, what, timeout=15):
    return poll(lambda: root.findChild(predicate, retry=False, requireResult=False),
                timeout, what)


def find_named(root, role, names, what=None, timeout=15, action=None):
    """Return the first node of role named one of names, that offers
    action when given.  GTK 4.8 exposes a menu button twice, and only
    the inner node has the action."""
    def matches(node):
        return (node.roleName == role and name_is(node, names)
                and (action is None or action in node.actions))

    return find(root, matches, what or "%s “%s”" % (role, "” or “".join(sorted(names))),
                timeout)


def find_all(root, predicate):
    return root.findChildren(predicate)


def labels_under(node):
    return [text_of(n) for n in find_all(node, lambda n: n.roleName == "label")]


def is_popover(node):
    return node.name == "GtkPopover" or node.roleName in ("menu", "popup menu", "window")


def shown_nodes(node):
    """Return the nodes under node, leaving out its popovers."""
    nodes = []
    for child in node.children:
        if not is_popover(child):
            nodes.append(child)
            nodes.extend(shown_nodes(child))
    return nodes


def shown_labels(node):
    """Return the texts of the labels under node, leaving out those of
    its popovers."""
    return [text_of(n) for n in shown_nodes(node) if n.roleName == "label"]


# Input

def click(node, action="click"):
    """Do action on node once it is sensitive and laid out.  A dialog's
    buttons follow its entries a moment later, and a GTK button ignores
    the action until it is realized."""
    poll(lambda: node.sensitive, 10, "“%s” to be sensitive" % node.name)
    poll(lambda: node.extents[2] > 0 and node.extents[3] > 0, 10,
         "“%s” to be laid out" % node.name)
    node.doActionNamed(action)


def viewport(node, window):
    """Return the extents of the scrolled area that shows node, else of
    window."""
    parent = node.parent
    while parent is not None and parent != window:
        if parent.roleName == "scroll pane":
            return tuple(parent.extents)
        parent = parent.parent
    return tuple(window.extents)


def reveal(node, window):
    """Scroll with the mouse wheel until node lies inside its scrolled
    area, so that a pointer click reaches it.  GTK 4.8 implements
    neither grabFocus nor scrollTo over AT-SPI."""
    poll(lambda: node.extents[2] > 0 and node.extents[3] > 0, 5,
         "“%s” to be laid out (is it hidden?)" % node.name)
    area_x, area_y, area_width, area_height = viewport(node, window)
    for _ in range(80):
        _, y, _, height = node.extents
        if y < area_y:
            button = 4
        elif y + height > area_y + area_height:
            button = 5
        else:
            break
        rawinput.click(area_x + area_width // 2, area_y + area_height // 2, button)
        time.sleep(0.05)
    else:
        raise Failure("cannot scroll “%s” into view" % node.name)

    # Scrolling is animated: click once the node stays in place.
    previous = None
    for _ in range(50):
        extents = tuple(node.extents)
        if extents == previous:
            return
        previous = extents
        time.sleep(0.1)


def set_entry(node, text, window):
    """Type text into an entry or an entry row and press Enter, which
    applies it.  A pointer click gives it the focus because GTK 4.8 does
    not implement AT-SPI's grabFocus."""
    reveal(node, window)
    node.click()
    # A plain entry reports its focus, but an entry row keeps the focus
    # on a text field that it does not expose.
    if "activate" in node.actions:
        poll(lambda: node.getState().contains(pyatspi.STATE_FOCUSED), 5,
             "the entry “%s” to take the focus" % node.name)
    node.queryEditableText().setTextContents(text)
    rawinput.pressKey("Return")
    # The key travels through the X server and the next query over
    # D-Bus, so let the window apply the text first.
    time.sleep(0.3)


def fill_text(node, text):
    """Set the text of an entry or an entry row without pressing Enter,
    and wait until it shows."""
    node.queryEditableText().setTextContents(text)
    poll(lambda: text_of(node) == text, 5, "“%s” to show “%s”" % (node.name, text))


def choose_in_popup(combo, index, names, what, window):
    """Open the list of a drop-down or a combo row and pick its item at
    index (the last item for -1), then check that one of names shows.

    The keyboard picks the item because GTK 4.8 reports wrong positions
    inside popovers and gives their items no action."""
    buttons = [n for n in shown_nodes(combo)
               if n.roleName == "push button" and "click" in n.actions]
    if buttons:
        click(buttons[0])
    else:
        # A combo row opens when clicked.  The window sits at (0, 0), so
        # the reported position is right.
        reveal(combo, window)
        combo.click()
    find(combo, lambda n: is_popover(n) and find_all(n, lambda m: m.roleName == "list item"),
         "the list of %s" % what, timeout=5)
    time.sleep(0.3)
    if index < 0:
        rawinput.pressKey("End")
    else:
        rawinput.pressKey("Home")
        for _ in range(index):
            rawinput.pressKey("Down")
    rawinput.pressKey("Return")
    poll(lambda: set(shown_labels(combo)) & names, 5,
         lambda: "%s to show “%s” (shows “%s”)" % (what, "” or “".join(sorted(names)),
                                                 "”, “".join(shown_labels(combo))))


# The run

class Run:
    def __init__(self, args):
        self.args = args
        self.strings = Strings(args.lang, os.path.join(args.build_dir, "po"))
        self.shot_index = 0
        self.process = None
        self.relay = None
        self.criticals = 0
        self.app = None
        self.frame = None
        self.started = time.monotonic()
        for old in glob.glob("/tmp/palier-e2e-%s-*.png" % args.lang):
            os.remove(old)

    def tr(self, msgid):
        return self.strings.names(msgid)

    def set_entry(self, node, text):
        set_entry(node, text, self.frame)

    def choose(self, combo, index, names, what):
        choose_in_popup(combo, index, names, what, self.frame)

    def expand(self, expander, child):
        """Open the expander row expander and wait until child shows."""
        reveal(expander, self.frame)
        expander.click()
        poll(lambda: child.extents[3] > 0, 5, "“%s” to open" % expander.name)

    def log(self, message):
        print("[%6.1f s] %s" % (time.monotonic() - self.started, message), flush=True)

    def screenshot(self, slug):
        self.shot_index += 1
        path = "/tmp/palier-e2e-%s-%02d-%s.png" % (self.args.lang, self.shot_index, slug)
        try:
            result = subprocess.run(["import", "-window", "root", path],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        except FileNotFoundError:
            self.log("no screenshot: ImageMagick's import is not installed")
            return
        if result.returncode == 0:
            self.log("screenshot %s" % path)
        else:
            self.log("no screenshot (%s)" % result.stderr.decode(errors="replace").strip())

    def top_levels(self):
        return list(self.app.children)

    def dialog(self, predicate, what, timeout=15):
        """Return the top-level window, other than the main window, that
        satisfies predicate."""
        return poll(lambda: next((w for w in self.top_levels()
                                  if w != self.frame and predicate(w)), None),
                    timeout, what)

    def relay_messages(self):
        """Copy the window's messages to the log, counting its own
        criticals: they flag a bug even when the test passes."""
        for line in self.process.stderr:
            sys.stderr.write(line)
            if "Palier-CRITICAL" in line:
                self.criticals += 1

    # Step 1

    def start(self):
        self.log("starting %s" % self.args.app)
        self.process = subprocess.Popen([self.args.app], stderr=subprocess.PIPE,
                                        text=True, errors="replace")
        self.relay = threading.Thread(target=self.relay_messages, daemon=True)
        self.relay.start()
        self.app = poll(lambda: dogtail.tree.root.application("palier"), 30,
                        "the application “palier” on the accessibility bus")
        self.frame = poll(lambda: next((w for w in self.app.children if w.roleName == "frame"), None),
                          30, "the main window")

        # The first run opens the user's copy of the sample workspace.
        sample = os.path.join(os.environ["XDG_DATA_HOME"], "palier", "Sample.palier")
        poll(lambda: os.path.exists(sample), 30, "the copy of the sample workspace at " + sample)
        poll(lambda: "Sample" in self.frame.name, 30, "the window title to name the sample workspace")
        self.screenshot("sample")

    def new_workspace(self):
        path = os.path.join(self.args.work_dir, "superstore-e2e.palier")
        self.frame.doActionNamed("win.new-workspace")
        chooser = self.dialog(lambda w: find_all(w, lambda n: n.roleName == "text"),
                              "the New Workspace file chooser")
        name_entry = find(chooser, lambda n: n.roleName == "text", "the file name entry")
        name_entry.queryEditableText().setTextContents(path)
        click(find_named(chooser, "push button", self.tr("C_reate"), action="click"))
        poll(lambda: self.frame.name.startswith("superstore-e2e"), 30,
             lambda: "the window to show the new workspace (title “%s”)" % self.frame.name)
        poll(lambda: os.path.exists(path), 10, "the new workspace file " + path)
        self.log("new workspace %s" % path)

    # Step 2

    def import_sales(self):
        sales = os.path.join(self.args.shared_dir, *SALES_RELATIVE)
        with open(sales, newline="", encoding="utf-8") as file:
            headers = next(csv.reader(file))

        self.frame.doActionNamed("win.import-sales")
        chooser = self.dialog(lambda w: find_all(w, lambda n: n.name == "GtkFileChooserWidget"),
                              "the Import Sales file chooser")
        # Ctrl+L shows the location entry of an Open chooser.
        time.sleep(0.5)
        rawinput.keyCombo("<Control>l")
        location = find(chooser, lambda n: n.name == "GtkFileChooserEntry", "the location entry")
        location.queryEditableText().setTextContents(sales)
        click(find_named(chooser, "push button", self.tr("_Import"), action="click"))

        dialog = self.dialog(lambda w: w.roleName == "frame" and name_is(w, self.tr("Import Sales")),
                             "the Import Sales dialog")
        columns = find_named(dialog, "list", self.tr("Columns"), "the column mapping", timeout=30)
        self.screenshot("import-mapping")

        for field, column in MAPPING:
            combo = find_named(columns, "combo box", self.tr(field),
                               "the drop-down of the field “%s”" % field)
            # The list starts with "Not used", then the headers in order.
            if column is None:
                self.choose(combo, 0, self.tr("Not used"), "the field “%s”" % field)
            else:
                self.choose(combo, headers.index(column) + 1, {column}, "the field “%s”" % field)
        self.log("mapped the columns")
        self.screenshot("import-mapped")

        click(find_named(dialog, "push button", self.tr("_Import"), action="click"))
        count = self.strings.number("{:,}".format(EXPECTED_ROWS))
        expected = {n % count for n in self.strings.nnames("Imported %s row", "Imported %s rows",
                                                           EXPECTED_ROWS)}
        toast = find(self.frame, lambda n: n.roleName == "label" and spaces(text_of(n)) in expected,
                     "the toast “%s”" % "” or “".join(sorted(expected)), timeout=120)
        self.log("toast: %s" % text_of(toast))
        self.screenshot("imported")

        row = find_named(self.frame, "list item", self.tr("Transactions"))
        poll(lambda: count in [spaces(t) for t in labels_under(row)], 15,
             lambda: "the Data view to count %s transactions (shows %s)"
             % (count, labels_under(row)))

    # Step 3

    def view(self, title):
        """Show the view named title and return it."""
        click(find_named(self.frame, "page tab", self.tr(title), action="click"))
        return find(self.frame, lambda n: n.roleName == "filler" and name_is(n, self.tr(title)),
                    "the %s view" % title)

    def build_program(self):
        view = self.view("Designer")
        click(find_named(view, "push button", self.tr("_New Program"), action="click"))
        programs = find_named(view, "list", self.tr("Programs"))
        find(programs, lambda n: n.roleName == "label" and name_is(n, self.tr("New Program")),
             "the new program in the list of programs")

        properties = find_named(view, "list", self.tr("Program"))
        self.set_entry(find_named(properties, "text", self.tr("Name")),
                       "Superstore partner program 2017")
        find(programs, lambda n: n.roleName == "label"
             and text_of(n) == "Superstore partner program 2017", "the program's new name")
        self.set_entry(find_named(properties, "text", self.tr("Currency (ISO 4217 Code)")), "USD")
        self.choose(find_named(properties, "combo box", self.tr("Payout Period")), 1,
                    self.tr("Quarter"), "the payout period")
        self.set_entry(find_named(properties, "text",
                                  self.tr("Default Quota per Period (Empty for None)")),
                       "1000")
        self.add_segment_quota(view, "Corporate", "1500")
        self.screenshot("program")

        self.edit_base(view)
        self.edit_spiff(view)
        self.edit_club(view)

    def add_segment_quota(self, view, segment, quota):
        button = find_named(view, "push button", self.tr("Add a Segment Quota"), action="click")
        click(button)
        click(find_named(button.parent, "menu item", {segment}, action="click"))
        entry = find_named(view, "text", {segment}, "the quota entry of the segment “%s”" % segment)
        self.set_entry(entry, quota)

    def component_settings(self, view):
        return find_named(view, "list", self.tr("Component Settings"))

    def add_component(self, view, kind):
        button = find_named(view, "push button", self.tr("Add a Component"), action="click")
        click(button)
        click(find_named(button.parent, "menu item", self.tr(kind), action="click"))

    def tier_cells(self, view):
        """Return the start entries and the value entries of the table,
        from the top row down.  The table recycles its row widgets and
        keeps spare ones, so the order of the accessible tree is not the
        order on screen."""
        table = find_named(view, "tree table", self.tr("Tiers") | self.tr("Levels"))

        def column(names):
            cells = [n for n in find_all(table, lambda n: n.roleName == "text" and name_is(n, names))
                     if n.extents[2] > 0 and n.extents[3] > 0]
            return sorted(cells, key=lambda n: n.extents[1])

        return column(self.tr("Start")), column(self.tr("Rate or amount"))

    def set_rows(self, view, rows, what):
        """Type rows, a list of (start, value), into the table of the
        selected component, adding rows as needed.  The cells are looked
        up again after each edit because an edit rebinds them."""
        for index, (start, value) in enumerate(rows):
            if index >= len(self.tier_cells(view)[0]):
                click(find_named(view, "push button", self.tr("Add Tier") | self.tr("Add Level"),
                                 action="click"))
                poll(lambda: len(self.tier_cells(view)[0]) > index, 10,
                     "row %d of %s" % (index + 1, what))
            # The first tier starts at 0 and cannot move.
            if start != "0":
                self.set_entry(self.tier_cells(view)[0][index], start)
            self.set_entry(self.tier_cells(view)[1][index], value)

    def edit_base(self, view):
        settings = self.component_settings(view)
        self.set_entry(find_named(settings, "text", self.tr("Name")), "Base commission")
        self.set_entry(find_named(settings, "text", self.tr("Identifier")), "base")
        self.choose(find_named(settings, "combo box", self.tr("Tiers Measured In")), 1,
                    self.tr("Attainment of Quota"), "the basis of “base”")
        self.choose(find_named(settings, "combo box", self.tr("Method")), 0,
                    self.tr("Marginal: each slice at its tier’s rate"), "the method of “base”")
        p = self.strings.percent
        self.set_rows(view, [("0", p(4)), (p(100), p(7)), (p(200), p(10))], "the tiers of “base”")
        click(find_named(settings, "check box", self.tr("Use a cap"), action="toggle"), "toggle")
        self.set_entry(find_named(settings, "text", self.tr("Cap")), "900")
        self.screenshot("base")

    def edit_spiff(self, view):
        self.add_component(view, "_Commission")
        settings = self.component_settings(view)
        find(settings, lambda n: n.roleName == "text" and text_of(n).startswith("commission"),
             "the new commission")
        self.set_entry(find_named(settings, "text", self.tr("Name")), "Technology SPIFF")
        self.set_entry(find_named(settings, "text", self.tr("Identifier")), "tech-spiff")
        self.choose(find_named(settings, "combo box", self.tr("Method")), 1,
                    self.tr("Retroactive: all at the highest tier’s rate"),
                    "the method of “tech-spiff”")
        self.expand(find_named(settings, "list item", self.tr("Filter")),
                    find_named(settings, "text", self.tr("Categories")))
        self.set_entry(find_named(settings, "text", self.tr("Categories")), "Technology")
        self.set_entry(find_named(settings, "text", self.tr("From Date (YYYY-MM-DD)")),
                       "2017-03-01")
        self.set_entry(find_named(settings, "text", self.tr("To Date, Inclusive (YYYY-MM-DD)")),
                       "2017-05-31")
        p = self.strings.percent
        self.set_rows(view, [("0", p(1)), ("2000", p(2))], "the tiers of “tech-spiff”")
        self.screenshot("tech-spiff")

    def edit_club(self, view):
        self.add_component(view, "_Bonus")
        settings = self.component_settings(view)
        find(settings, lambda n: n.roleName == "text" and text_of(n).startswith("bonus"),
             "the new bonus")
        self.set_entry(find_named(settings, "text", self.tr("Name")), "Quota club")
        self.set_entry(find_named(settings, "text", self.tr("Identifier")), "club")
        self.choose(find_named(settings, "combo box", self.tr("Tiers Measured In")), 1,
                    self.tr("Attainment of Quota"), "the basis of “club”")
        p = self.strings.percent
        self.set_rows(view, [(p(100), "25"), (p(150), "60")], "the levels of “club”")
        self.screenshot("club")

    # Step 4

    def simulate_2017(self):
        # Over every sale first: the program built by hand must pay what
        # the acceptance file pays, as palier-cli computes it.
        all_dates = self.strings.number("{:,.2f}".format(self.cli_total_payout()))
        click(find_named(self.frame, "push button", self.tr("Simulate the Selected Program"),
                         action="click"))
        poll(lambda: all_dates in spaces(text_of(self.payout_label())), 60,
             lambda: "the total payout over every sale to be %s, as palier-cli pays for %s "
             "(shows “%s”)" % (all_dates, os.path.basename(self.program_file()),
                              text_of(self.payout_label())))
        self.log("payout over every sale: %s" % text_of(self.payout_label()))
        self.screenshot("results-all-dates")

        view = self.view("Results")
        try:
            selector = find_named(view, "combo box", self.tr("Simulated range"), timeout=5)
        except Failure:
            raise Failure("the Results view has no date range: the simulation covers every "
                          "sale (%s), so the 2017 total cannot be reached.  Missing: a "
                          "drop-down “Simulated range” with a custom range typed in two "
                          "entries “From” and “To”" % stated_range(view)) from None
        # "Custom…" is the last choice.
        self.choose(selector, -1, self.tr("Custom…"), "the simulated range")
        self.set_entry(find_named(view, "text", self.tr("_From")), "2017-01-01")
        self.set_entry(find_named(view, "text", self.tr("_To")), "2017-12-31")
        click(find_named(self.frame, "push button", self.tr("Simulate the Selected Program"),
                         action="click"))
        expected = EXPECTED_PAYOUT[self.args.lang]
        poll(lambda: expected in spaces(text_of(self.payout_label())), 60,
             lambda: "the total payout %s for 2017 (shows “%s”)"
             % (expected, text_of(self.payout_label())))
        self.log("payout for 2017: %s" % text_of(self.payout_label()))
        self.screenshot("results-2017")

    def program_file(self):
        return os.path.join(self.args.shared_dir, *PROGRAM_RELATIVE)

    def cli_total_payout(self):
        """Return the total payout of the acceptance program over every
        sale of superstore.csv, as palier-cli computes it."""
        maps = []
        for field, column in CLI_MAPPING:
            maps += ["--map", "%s=%s" % (field, column)]
        process = subprocess.run(
            [os.path.join(self.args.build_dir, "src", "cli", "palier-cli"), "simulate",
             "--program", self.program_file(),
             "--sales", os.path.join(self.args.shared_dir, *SALES_RELATIVE),
             *maps, "--format", "json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False,
            env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""))
        if process.returncode != 0:
            raise Failure("palier-cli simulate failed: %s" % process.stderr.decode(errors="replace"))
        return decimal.Decimal(json.loads(process.stdout,
                                          parse_float=decimal.Decimal)["totals"]["payout"])

    def payout_label(self):
        """Return the label under the heading "Payout" of the Results
        view: the second of the two labels in the heading's box."""
        headings = self.tr("Payout")

        def is_heading(node):
            if node.roleName != "label" or text_of(node) not in headings:
                return False
            labels = [n for n in node.parent.children if n.roleName == "label"]
            return len(labels) == 2 and labels[0] == node and text_of(labels[1]) != ""

        view = find(self.frame, lambda n: n.roleName == "filler" and name_is(n, self.tr("Results")),
                    "the Results view")
        heading = find(view, is_heading, "the total payout in the Results view", timeout=60)
        return [n for n in heading.parent.children if n.roleName == "label"][1]

    # Step 5

    def scenario_cost_risk(self):
        """Create a scenario with 8 % growth through the dialog, tick and
        run it, and read the P90 of the cost-risk panel, which must be
        what palier-cli montecarlo computes with the same draws and seed."""
        view = self.view("Scenarios")
        new_button = find(view, lambda n: n.roleName == "push button" and "click" in n.actions
                          and (name_is(n, self.tr("_New Scenario…")) or name_is(n, self.tr("New Scenario"))),
                          "the New Scenario button")
        click(new_button)
        dialog = self.dialog(lambda w: find_all(w, lambda n: n.roleName == "text"
                                                and name_is(n, self.tr("Overall growth (%)"))),
                             "the scenario dialog")
        # Return in an entry row would save the dialog: set the texts only.
        fill_text(find_named(dialog, "text", self.tr("Name")), SCENARIO_NAME)
        fill_text(find_named(dialog, "text", self.tr("Overall growth (%)")), "8")
        program = find_named(dialog, "combo box", self.tr("Program"))
        if "Superstore partner program 2017" not in shown_labels(program):
            self.choose(program, 0, {"Superstore partner program 2017"}, "the scenario's program")
        self.screenshot("scenario-dialog")
        click(find_named(dialog, "push button", self.tr("_Save"), action="click"))
        poll(lambda: dialog not in self.top_levels(), 15, "the scenario dialog to close")

        scenarios = find_named(view, "list", self.tr("Scenarios"))
        find(scenarios, lambda n: n.roleName == "label" and text_of(n) == SCENARIO_NAME,
             "the new scenario in the list")
        tick_names = {n % SCENARIO_NAME for n in self.tr("Compare “%s”")}
        # A toggle button: GTK 4.8 gives a check button no AT-SPI action.
        tick = find(scenarios, lambda n: name_is(n, tick_names), "the tick of the scenario")
        if "click" not in tick.actions:
            raise Failure("the tick “%s” (%s) offers no AT-SPI action “click” (offers: %s)"
                          % (tick.name, tick.roleName, ", ".join(tick.actions) or "none"))
        click(tick)
        poll(lambda: tick.getState().contains(pyatspi.STATE_CHECKED)
             or tick.getState().contains(pyatspi.STATE_PRESSED), 5,
             "the tick “%s” to be on" % tick.name)

        # The Run button sits beside the list's New Scenario button; the
        # cost-risk panel has a Run button of its own.
        list_new_button = find_named(view, "push button", self.tr("New Scenario"), action="click")
        run_button = find_named(list_new_button.parent, "push button", self.tr("_Run"), action="click")
        click(run_button)
        find(view, lambda n: n.roleName == "label" and text_of(n) in self.tr("Cost of sales"),
             "the side-by-side figures of the run", timeout=120)
        self.screenshot("scenario-run")

        click(find_named(view, "page tab", self.tr("Cost Risk"), action="click"))
        expected = self.strings.number("{:,.2f}".format(self.cli_p90()))
        poll(lambda: expected in spaces(self.p90_text(view)), 180,
             lambda: "the cost-risk P90 %s, as palier-cli montecarlo computes it (shows “%s”)"
             % (expected, self.p90_text(view)))
        self.log("cost-risk P90: %s" % self.p90_text(view))
        self.screenshot("cost-risk")

    def p90_text(self, view):
        """Return the text of the cost beside the heading "P90" of the
        cost-risk panel, or "" before it shows."""
        heading = view.findChild(lambda n: n.roleName == "label" and text_of(n) in self.tr("P90"),
                                 retry=False, requireResult=False)
        if heading is None:
            return ""
        labels = [n for n in heading.parent.children if n.roleName == "label"]
        index = labels.index(heading)
        return text_of(labels[index + 1]) if index + 1 < len(labels) else ""

    def cli_p90(self):
        """Return the P90 of the yearly cost of the scenario, with the
        panel's default draws and seed, as palier-cli computes it."""
        cli = os.path.join(self.args.build_dir, "src", "cli", "palier-cli")
        workspace = os.path.join(self.args.work_dir, "superstore-e2e.palier")
        env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
        listed = subprocess.run([cli, "scenario", "list", "--workspace", workspace],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False,
                                env=env, text=True)
        if listed.returncode != 0:
            raise Failure("palier-cli scenario list failed: %s" % listed.stderr)
        ids = [line.split("\t")[0] for line in listed.stdout.splitlines()
               if line.split("\t")[1:2] == [SCENARIO_NAME]]
        if not ids:
            raise Failure("palier-cli scenario list does not list “%s”:\n%s"
                          % (SCENARIO_NAME, listed.stdout))
        process = subprocess.run([cli, "montecarlo", "--workspace", workspace, "--scenario", ids[0],
                                  "--draws", "10000", "--seed", "1", "--format", "json"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False, env=env)
        if process.returncode != 0:
            raise Failure("palier-cli montecarlo failed: %s" % process.stderr.decode(errors="replace"))
        return decimal.Decimal(json.loads(process.stdout, parse_float=decimal.Decimal)["cost"]["p90"])

    # Cleaning up

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.relay.join(timeout=10)
        if self.criticals:
            self.log("warning: the window logged %d Palier-CRITICAL messages" % self.criticals)


def stated_range(view):
    """Return the dates that the Results view states, for a message."""
    label = view.findChild(lambda n: n.roleName == "label"
                           and re.search(r"\d{4}.*\d{4}", text_of(n)) is not None
                           and "“" not in text_of(n),
                           retry=False, requireResult=False)
    return text_of(label) if label is not None else "every date"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["en", "fr"], required=True)
    parser.add_argument("--app", required=True)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--shared-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    return parser.parse_args()


def main():
    args = parse_args()
    for relative in (SALES_RELATIVE, PROGRAM_RELATIVE):
        if not os.path.isfile(os.path.join(args.shared_dir, *relative)):
            skip("%s not found; set PALIER_SHARED_DIR to the folder with the shared datasets"
                 % os.path.join(args.shared_dir, *relative))

    run = Run(args)
    steps = [
        ("1. start on the sample, then a new workspace", lambda: (run.start(), run.new_workspace())),
        ("2. import superstore.csv", run.import_sales),
        ("3. build the acceptance program in the Designer", run.build_program),
        ("4. simulate 2017", run.simulate_2017),
        ("5. scenario with 8 % growth and its cost risk", run.scenario_cost_risk),
    ]
    try:
        for title, step in steps:
            run.log("step " + title)
            try:
                step()
            except Failure as failure:
                run.screenshot("failed")
                print("FAIL: step %s: %s" % (title, failure), flush=True)
                return 1
            except Exception:  # noqa: BLE001 (report any error of a step)
                run.screenshot("failed")
                print("FAIL: step %s: unexpected error:\n%s" % (title, traceback.format_exc()),
                      flush=True)
                return 1
    finally:
        run.stop()

    run.log("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
