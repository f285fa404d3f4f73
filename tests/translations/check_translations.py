#!/usr/bin/env python3
"""Capsock's translations checked against its sources, by lupdate itself.

Usage: check_translations.py CHECK --lupdate LUPDATE --sources LIST --root DIR

Runs lupdate over every source and form (LIST: the file lupdate reads with @, one file or -I
folder a line, the same ones the update_translations target scans) into a temporary .ts, then
CHECK is one of:
  no-warnings  lupdate printed nothing: no "Cannot invoke tr() like this", "Class 'X' lacks
               Q_OBJECT macro", "Discarding unconsumed meta data", ...
  every-part   it found strings in each library (src/core, src/net, src/cli, src/gui) and in
               the forms (ui/)
  template     resources/translations/capsock.ts holds the same messages: a string added or
               changed without refreshing the template is caught
  plurals      resources/translations/capsock_en.ts holds the same plural messages, each with
               its two English forms, finished (without them the user reads "1 byte(s)")
Exits 0 when the check passes, 1 with the reasons when it does not.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

PARTS = ("src/core/", "src/net/", "src/cli/", "src/gui/", "ui/")
PLACE_MARKER = re.compile(r"%L?(?:n|\d+)")


class Message:
    """One <message> of a .ts file."""

    def __init__(self, context, element, ts_dir, last_file):
        self.context = context
        self.source = element.findtext("source", "")
        self.comment = element.findtext("comment", "")
        self.numerus = element.get("numerus") == "yes"
        self.translation = element.find("translation")
        # With -locations relative a location names its file only when it changes.
        self.files = []
        for location in element.findall("location"):
            name = location.get("filename")
            if name is not None:
                last_file[0] = os.path.normpath(os.path.join(ts_dir, name))
            if last_file[0] is not None:
                self.files.append(last_file[0])

    def key(self):
        return (self.context, self.source, self.comment, self.numerus)

    def state(self):
        return self.translation.get("type", "") if self.translation is not None else "missing"

    def forms(self):
        if self.translation is None:
            return []
        return [form.text or "" for form in self.translation.findall("numerusform")]

    def describe(self):
        return "%s: %r" % (self.context, self.source)


def read_ts(path):
    """The live messages of a .ts file (vanished and obsolete ones left out)."""
    messages = []
    ts_dir = os.path.dirname(os.path.abspath(path))
    last_file = [None]
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for element in context.iter("message"):
            message = Message(name, element, ts_dir, last_file)
            if message.state() not in ("vanished", "obsolete"):
                messages.append(message)
    return messages


def scan(lupdate, sources):
    """lupdate over the sources: (what it printed, its exit code, the messages it found)."""
    with tempfile.TemporaryDirectory() as folder:
        ts_file = os.path.join(folder, "scan.ts")
        run = subprocess.run([lupdate, "-silent", "-no-obsolete", "@" + sources, "-ts", ts_file],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             check=False)
        messages = read_ts(ts_file) if os.path.exists(ts_file) else []
    return run.stdout, run.returncode, messages


def differences(found, committed, name):
    """What lupdate found that `committed` lacks, and what it holds that the sources lost."""
    found_keys = {message.key() for message in found}
    committed_keys = {message.key() for message in committed}
    problems = ["not in %s: %s" % (name, message.describe()) for message in found
                if message.key() not in committed_keys]
    problems += ["in %s but no longer in the sources: %s" % (name, message.describe())
                 for message in committed if message.key() not in found_keys]
    return problems


def check_no_warnings(output, exit_code, _messages, _root):
    problems = ["lupdate: " + line for line in output.splitlines() if line.strip()]
    if exit_code != 0:
        problems.append("lupdate exited with %d" % exit_code)
    return problems


def check_every_part(_output, _exit_code, messages, root):
    files = [os.path.relpath(path, root) for message in messages for path in message.files]
    return ["no translatable string found in %s" % part for part in PARTS
            if not any(path.startswith(part) for path in files)]


def check_template(_output, _exit_code, messages, root):
    template = os.path.join(root, "resources", "translations", "capsock.ts")
    return differences(messages, read_ts(template), "capsock.ts")


def check_plurals(_output, _exit_code, messages, root):
    english_file = os.path.join(root, "resources", "translations", "capsock_en.ts")
    english = read_ts(english_file)
    plurals = [message for message in messages if message.numerus]
    problems = differences(plurals, english, "capsock_en.ts")
    for message in english:
        forms = message.forms()
        markers = sorted(PLACE_MARKER.findall(message.source))
        if message.state() != "" or len(forms) != 2:
            problems.append("not two finished English forms: %s" % message.describe())
        elif forms[0] == forms[1] or message.source in forms:
            problems.append("the English forms do not differ: %s" % message.describe())
        elif any(sorted(PLACE_MARKER.findall(form)) != markers for form in forms):
            problems.append("an English form loses a %%n or %%1: %s" % message.describe())
    return problems


CHECKS = {
    "no-warnings": check_no_warnings,
    "every-part": check_every_part,
    "template": check_template,
    "plurals": check_plurals,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("check", choices=sorted(CHECKS))
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--sources", required=True)
    parser.add_argument("--root", required=True)
    arguments = parser.parse_args()

    output, exit_code, messages = scan(arguments.lupdate, arguments.sources)
    if not messages and arguments.check != "no-warnings":
        print("lupdate found no strings at all:\n" + output)
        return 1
    problems = CHECKS[arguments.check](output, exit_code, messages, arguments.root)
    for problem in problems:
        print(problem)
    if problems and arguments.check in ("template", "plurals"):
        print("Refresh with: cmake --build build --target update_translations (README, "
              "\"Translations\"); a new plural then needs its two English forms in "
              "resources/translations/capsock_en.ts.")
    print("%s: %d strings scanned, %s" % (arguments.check, len(messages),
                                         "%d problem(s)" % len(problems) if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
